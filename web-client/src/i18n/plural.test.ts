import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { loadLang, loadMoreStrings, plural, translate } from './index';
import { pl } from './pl';
import { plMore } from './pl-more';

beforeAll(() => Promise.all([loadLang('en'), loadMoreStrings()]));

describe('Polish plurals', () => {
  it.each([
    [0, '0 kontraktów'],
    [1, '1 kontrakt'],
    [2, '2 kontrakty'],
    [4, '4 kontrakty'],
    [5, '5 kontraktów'],
    [12, '12 kontraktów'],
    [14, '14 kontraktów'],
    [21, '21 kontraktów'],
    [22, '22 kontrakty'],
    [101, '101 kontraktów'],
    [102, '102 kontrakty'],
    [112, '112 kontraktów'],
  ])('%i -> %s', (n, expected) => {
    expect(plural('pl', 'contracts', n)).toBe(expected);
  });

  it('uses the same categories for people and entities', () => {
    expect(plural('pl', 'people', 1)).toBe('1 osoba');
    expect(plural('pl', 'people', 3)).toBe('3 osoby');
    expect(plural('pl', 'people', 157)).toBe('157 osób');
    expect(plural('pl', 'entities', 78)).toBe('78 podmiotów');
    expect(plural('pl', 'offers', 24)).toBe('24 oferty');
  });

  it('handles English', () => {
    expect(plural('en', 'contracts', 1)).toBe('1 contract');
    expect(plural('en', 'contracts', 2)).toBe('2 contracts');
    expect(plural('en', 'contracts', 5)).toBe('5 contracts');
  });

  it('fills placeholders and formats big numbers', () => {
    expect(plural('pl', 'contracts', 1234)).toMatch(/^1\s?234 kontrakty$/);
  });
});

describe('catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys({ ...pl, ...plMore }).sort());
  });
  it('split Polish between the first screen and the rest without overlap', () => {
    expect(Object.keys(pl).filter((k) => k in plMore)).toEqual([]);
  });
  it('translate plain keys', () => {
    expect(translate('pl', 'tabOffers')).toBe('Oferty');
    expect(translate('en', 'tabOffers')).toBe('Offers');
    expect(translate('pl', 'loginTitle')).toBe(plMore.loginTitle);
  });
});
