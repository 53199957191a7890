import { describe, expect, it } from 'vitest';
import { fold, matchesQuery, queryTerms } from './search';

const find = (q: string, ...texts: string[]) => matchesQuery(queryTerms(q), texts);

describe('search without case and diacritics', () => {
  it('folds Polish letters, including ł which NFD does not decompose', () => {
    expect(fold('Zażółć gęślą jaźń ŁÓDŹ')).toBe('zazolc gesla jazn lodz');
  });

  it('finds across case and diacritics', () => {
    expect(find('sala', 'Sala gimnastyczna')).toBe(true);
    expect(find('sale', 'Udostępnimy salę')).toBe(true);
    expect(find('lodz', 'Transport do Łodzi', 'Łódź')).toBe(true);
    expect(find('ŁÓDŹ', 'lodz')).toBe(true);
    expect(find('sala', 'Salę')).toBe(false);
  });

  it('needs every word, in any field', () => {
    expect(find('  sala   tczew ', 'Sala', 'Tczew')).toBe(true);
    expect(find('sala gdansk', 'Sala', 'Tczew')).toBe(false);
    expect(find('', 'anything')).toBe(true);
  });
});
