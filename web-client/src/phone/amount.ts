/** Amounts as a person types them on a phone (the post form, contract items). */

/** "150", "99,50", "1 200" -> number; "" -> undefined; anything else -> NaN. */
export function parseAmount(text: string): number | undefined {
  const s = text.replace(/\s/g, '').replace(',', '.');
  if (!s) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(s) ? Number(s) : NaN;
}

export function amountText(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '';
  return lang === 'pl' ? String(n).replace('.', ',') : String(n);
}
