/**
 * What a scanned (or typed) code means. A badge has two codes: its face shows the public partner
 * code (`/p/<code>`: names the person for a contract, the help desk, check-in) and its tear-off the
 * private sign-in link (`/b#<secret>`). Badges printed before the split show `/b/<token>`, which is
 * both (legacyBadge).
 */
export type ScanTarget =
  | { kind: 'partner'; code: string }
  | { kind: 'signIn'; secret: string }
  | { kind: 'legacyBadge'; token: string }
  | { kind: 'join'; code: string }
  | { kind: 'code'; code: string }
  | { kind: 'contract'; fairId: number; contractId: number }
  | { kind: 'unknown'; text: string };

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const SHORT = /^[A-HJ-NP-Z2-9]{4,12}$/;

/**
 * Reads the links this app prints as QR codes — partner codes `/p/<code>`, sign-in links
 * `/b#<secret>`, old badges `/b/<token>`, the join QR `/join/<code>`, a contract
 * `/f/<fair>/contracts/<id>` — whatever host they name (badges carry PUBLIC_URL), and a short code
 * typed by hand (letters and digits without I, O, 0, 1: a join or a partner code, the screen
 * decides which it expects).
 */
export function interpret(raw: string): ScanTarget {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'unknown', text };
    }
    const seg = url.pathname.split('/').filter(Boolean).map(decodeSafe);
    const hash = decodeSafe(url.hash.replace(/^#/, ''));
    if (seg.length === 1 && seg[0] === 'b' && TOKEN.test(hash)) return { kind: 'signIn', secret: hash };
    if (seg.length === 2 && seg[0] === 'b' && TOKEN.test(seg[1]!))
      return { kind: 'legacyBadge', token: seg[1]! };
    if (seg.length === 2 && seg[0] === 'p' && SHORT.test(seg[1]!.toUpperCase()))
      return { kind: 'partner', code: seg[1]!.toUpperCase() };
    if (seg.length === 2 && seg[0] === 'join' && seg[1]) return { kind: 'join', code: seg[1] };
    if (seg.length === 4 && seg[0] === 'f' && seg[2] === 'contracts') {
      const fairId = Number(seg[1]);
      const contractId = Number(seg[3]);
      if (Number.isInteger(fairId) && fairId > 0 && Number.isInteger(contractId) && contractId > 0)
        return { kind: 'contract', fairId, contractId };
    }
    return { kind: 'unknown', text };
  }
  // Short codes are typed with spaces or dashes between groups; tokens keep their dashes.
  const code = text.replace(/[\s-]+/g, '').toUpperCase();
  if (SHORT.test(code)) return { kind: 'code', code };
  const token = text.replace(/\s+/g, '');
  if (TOKEN.test(token)) return { kind: 'legacyBadge', token };
  return { kind: 'unknown', text };
}

/** The partner a code names, if it can name one: a partner code, an old badge, a typed code. */
export function partnerOf(target: ScanTarget): string | null {
  if (target.kind === 'partner' || target.kind === 'code') return target.code;
  if (target.kind === 'legacyBadge') return target.token;
  return null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
