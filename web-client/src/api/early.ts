/**
 * The first board's requests, started by the entry script (main.tsx) before the rest of the app
 * has loaded. This module imports nothing, so the entry stays a few hundred bytes.
 *
 * On slow Wi-Fi the app's code takes most of a second to arrive; the board's data need not wait
 * for it. When a signed-in phone opens its fair (/f/:fairId…), the entry asks at once for the fair,
 * the posts and "me" with the phone's token; the app's client (api/client.ts, retryingFetch) then
 * takes each answer instead of asking again — once, with the same token, and only shortly after.
 */

/** An early answer older than this is not used (the app asks again). */
const FRESH_MS = 30_000;

interface Early {
  auth: string;
  at: number;
  response: Promise<Response>;
}

const early = new Map<string, Early>();

/** The fair and token of the participant signed in on this phone (see api/session.ts). */
export function personSession(now: number = Date.now()): { fairId?: number; token: string } | null {
  try {
    const s = JSON.parse(localStorage.getItem('gielda.session.person') ?? 'null') as {
      token?: unknown;
      fairId?: number;
      expiresAt?: string;
    } | null;
    if (!s || typeof s.token !== 'string') return null;
    if (Date.parse(s.expiresAt ?? '') <= now) return null;
    return { fairId: s.fairId, token: s.token };
  } catch {
    return null;
  }
}

/** Starts the requests of the first board when `path` is a fair this phone is signed in to. */
export function prefetchBoard(path: string = location.pathname, origin: string = location.origin): void {
  const m = /^\/f\/(\d+)(?:\/|$)/.exec(path);
  if (!m) return;
  const fairId = Number(m[1]);
  const session = personSession();
  if (!session || session.fairId !== fairId) return;
  const auth = `Bearer ${session.token}`;
  for (const p of [`/api/fairs/${fairId}`, `/api/fairs/${fairId}/posts`, '/api/me']) {
    const url = origin + p;
    const response = fetch(url, { headers: { Accept: 'application/json', Authorization: auth } });
    response.catch(() => {
      /* the app asks again when it takes this one */
    });
    early.set(url, { auth, at: Date.now(), response });
  }
}

/** The early answer for this request, if there is one to use (each is used once). */
export function takeEarly(request: Request, now: number = Date.now()): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const e = early.get(request.url);
  if (!e) return undefined;
  early.delete(request.url);
  if (now - e.at > FRESH_MS || request.headers.get('Authorization') !== e.auth) return undefined;
  return e.response;
}

export type TakeEarly = typeof takeEarly;
