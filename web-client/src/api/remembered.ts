import { ApiProblem } from './problem';

const PREFIX = 'gielda.cache.';

/**
 * Loads over the network and keeps the answer on the phone; when the network is gone (not when
 * the server refuses), answers with what was kept, so a phone reopened without Wi-Fi still knows
 * its fair and who it is.
 */
export async function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      /* full or unavailable */
    }
    return value;
  } catch (e) {
    if (e instanceof ApiProblem && e.network) {
      const raw = readKept(key);
      if (raw !== null) return JSON.parse(raw) as T;
    }
    throw e;
  }
}

/** What was kept under `key`, if anything (shown at once while the network answers). */
export function kept<T>(key: string): T | undefined {
  const raw = readKept(key);
  try {
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function readKept(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Forgets everything kept (on sign-out or a new badge). */
export function forgetRemembered(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX)) localStorage.removeItem(k);
    }
  } catch {
    /* unavailable */
  }
}
