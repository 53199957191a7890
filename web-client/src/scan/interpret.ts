/** What a scanned (or typed) code means: a badge, a fair's join code, a contract to co-sign. */
export type ScanTarget =
  | { kind: 'badge'; token: string }
  | { kind: 'join'; code: string }
  | { kind: 'contract'; fairId: number; contractId: number }
  | { kind: 'unknown'; text: string };

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const JOIN = /^[A-HJ-NP-Z2-9]{4,12}$/;

/**
 * Reads the links this app prints as QR codes — badges `/b/<token>`, the join QR `/join/<code>`,
 * a contract `/f/<fair>/contracts/<id>` — whatever host they name (badges carry PUBLIC_URL), and a
 * short code typed by hand: a join code (letters and digits without I, O, 0, 1) or a badge code.
 */
export function interpret(raw: string): ScanTarget {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    let path: string;
    try {
      path = new URL(text).pathname;
    } catch {
      return { kind: 'unknown', text };
    }
    const seg = path.split('/').filter(Boolean).map(decodeSafe);
    if (seg.length === 2 && seg[0] === 'b' && TOKEN.test(seg[1]!)) return { kind: 'badge', token: seg[1]! };
    if (seg.length === 2 && seg[0] === 'join' && seg[1]) return { kind: 'join', code: seg[1] };
    if (seg.length === 4 && seg[0] === 'f' && seg[2] === 'contracts') {
      const fairId = Number(seg[1]);
      const contractId = Number(seg[3]);
      if (Number.isInteger(fairId) && fairId > 0 && Number.isInteger(contractId) && contractId > 0)
        return { kind: 'contract', fairId, contractId };
    }
    return { kind: 'unknown', text };
  }
  const code = text.replace(/\s+/g, '');
  if (JOIN.test(code.toUpperCase())) return { kind: 'join', code: code.toUpperCase() };
  if (TOKEN.test(code)) return { kind: 'badge', token: code };
  return { kind: 'unknown', text };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
