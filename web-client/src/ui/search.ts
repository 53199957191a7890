/**
 * Search that ignores case and Polish diacritics: "sala" finds "Sala", "sale" finds "salę",
 * "lodz" finds "Łódź". NFD splits ą ę ó ś ć ń ź ż into a letter and a combining mark; ł has no
 * decomposition, so it is mapped by hand.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(/ł/g, 'l');
}

/** Words of a query, folded; empty for a blank query. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** True when every term of the query occurs in one of the texts (any order, any field). */
export function matchesQuery(
  terms: readonly string[],
  texts: readonly (string | null | undefined)[],
): boolean {
  if (terms.length === 0) return true;
  const hay = fold(texts.filter(Boolean).join('\n'));
  return terms.every((t) => hay.includes(t));
}
