/** JWT sessions kept in localStorage, one per kind of user on this device. */
export type Scope = 'organiser' | 'person' | 'screen';

export interface Session {
  token: string;
  expiresAt: string;
  fairId?: number;
  personId?: number;
}

const key = (scope: Scope) => `gielda.session.${scope}`;
const listeners = new Set<() => void>();

export function getSession(scope: Scope, now: number = Date.now()): Session | null {
  try {
    const raw = localStorage.getItem(key(scope));
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.token !== 'string') return null;
    const exp = Date.parse(s.expiresAt);
    if (!Number.isNaN(exp) && exp <= now) {
      localStorage.removeItem(key(scope));
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export function setSession(scope: Scope, session: Session): void {
  localStorage.setItem(key(scope), JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function clearSession(scope: Scope): void {
  localStorage.removeItem(key(scope));
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A token answer as the API sends it (fields may be absent in the generated types). */
export interface TokenAnswer {
  token?: string;
  expiresAt?: string;
  fairId?: number | null;
  personId?: number | null;
}

/** Validates a token answer and turns it into a session; throws when the server sent no token. */
export function toSession(res: TokenAnswer): Session {
  if (!res.token) throw new Error('The server answered without a token');
  const s: Session = { token: res.token, expiresAt: res.expiresAt ?? '' };
  if (typeof res.fairId === 'number') s.fairId = res.fairId;
  if (typeof res.personId === 'number') s.personId = res.personId;
  return s;
}
