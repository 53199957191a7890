import type { I18n } from '../i18n';
import { ApiProblem, type FieldError, type Params, type RowError } from './problem';

type Words = Pick<I18n, 't' | 'tx'>;
const MISSING = '\u0000';

/** The UI language's wording of `key` with `{name}` filled from params, or null when it has none. */
export function word(i: Words, key: string, params: Params = {}): string | null {
  const template = i.tx(key, MISSING);
  if (template === MISSING || template === key) return null;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A problem in the UI language: its code's wording (problems.ts strings: `problem_<code>`, for a
 * missing thing `problem_not-found_<kind>`), else the server's English title and detail.
 */
export function problemText(error: unknown, i: Words): string {
  if (!(error instanceof ApiProblem)) return i.t('unknownError');
  if (error.network) return i.t('networkError');
  if (error.status === 401) return i.t('sessionExpired');
  const code = error.code;
  if (code) {
    const kind = typeof error.params.kind === 'string' ? error.params.kind.replace(/\s+/g, '-') : '';
    const text =
      (kind && word(i, `problem_${code}_${kind}`, error.params)) || word(i, `problem_${code}`, error.params);
    if (text) {
      // A validation problem names its fields below them; say which when there is no form to show them.
      const fields = Object.entries(error.fieldProblems);
      if (code === 'validation' && fields.length > 0) {
        return `${text} ${fields.map(([name, f]) => `${name}: ${fieldText(f, i)}`).join('; ')}`;
      }
      return text;
    }
  }
  return error.detail && error.detail !== error.title ? `${error.title}: ${error.detail}` : error.title;
}

/** A field's errors in the UI language (`field_<code>`), else the server's message. */
export function fieldText(errors: FieldError[], i: Words): string {
  return errors.map((e) => (e.code && word(i, `field_${e.code}`, e.params ?? {})) || e.message).join(' ');
}

/** A rejected line of an upload in the UI language (`row_<code>`), else the server's reason. */
export function rowText(row: RowError, i: Words): string {
  return (row.code && word(i, `row_${row.code}`, row.params ?? {})) || row.reason;
}
