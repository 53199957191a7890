import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { plMore } from '../i18n/pl-more';
import { pl } from '../i18n/pl';
import { toProblem } from './problem';
import { problemText, rowText } from './problemText';

/** The wording lookups of I18nProvider, over one catalogue. */
const words = (catalogue: Record<string, unknown>) => ({
  t: (key: string) => String(catalogue[key] ?? key),
  tx: (key: string, fallback?: string) => {
    const v = catalogue[key];
    return typeof v === 'string' ? v : (fallback ?? key);
  },
});
const polish = words({ ...pl, ...plMore });
const english = words(en as unknown as Record<string, unknown>);

describe('server problems in the UI language', () => {
  it('words a missing post by its kind and number', () => {
    const p = toProblem(404, 'Not Found', {
      type: 'urn:gielda:problem:not-found',
      code: 'not-found',
      title: 'Not found',
      status: 404,
      detail: 'Post 103 does not exist',
      params: { kind: 'post', id: '103' },
    });
    expect(problemText(p, polish)).toBe('Nie ma ogłoszenia nr 103.');
    expect(problemText(p, english)).toBe('Post 103 does not exist.');
  });

  it('words a roster row with its parameters and a rejected import by its count', () => {
    const p = toProblem(422, '', {
      type: 'urn:gielda:problem:import-rejected',
      title: 'Import rejected',
      status: 422,
      detail: '2 row(s) are invalid; nothing was imported',
      params: { lines: 2 },
      rows: [
        {
          line: 3,
          reason: 'unknown sector „kościół”',
          code: 'roster.sector-unknown',
          params: { value: 'kościół', accepted: 'pozarządowy/NGO' },
        },
        {
          line: 4,
          reason: 'The same person is already on line 2',
          code: 'roster.person-duplicate',
          params: { earlier: 2 },
        },
      ],
    });
    expect(p.code).toBe('import-rejected');
    expect(problemText(p, polish)).toBe('Błędnych wierszy: 2. Nic nie zaimportowano.');
    expect(rowText(p.rows[0]!, polish)).toBe('Nieznany sektor „kościół”. Dozwolone: pozarządowy/NGO.');
    expect(rowText(p.rows[1]!, polish)).toBe('Ta sama osoba jest już w wierszu 2.');
  });

  it('words "must not be blank" and falls back to the server for an unknown code', () => {
    const v = toProblem(400, '', {
      type: 'urn:gielda:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: 'One or more fields are invalid',
      errors: [{ field: 'create.input.name', message: 'must not be blank', code: 'not-blank' }],
    });
    expect(problemText(v, polish)).toBe('Popraw zaznaczone pola. name: To pole nie może być puste.');
    const odd = toProblem(409, '', {
      type: 'urn:gielda:problem:brand-new',
      title: 'Conflict',
      detail: 'Something new',
    });
    expect(problemText(odd, polish)).toBe('Conflict: Something new');
  });
});
