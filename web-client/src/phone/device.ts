/**
 * This phone's own key: made once, kept in its storage, sent only when signing in. The server
 * binds a badge's sign-in secret to the first phone that uses it (a photographed secret is
 * refused on any other phone); a lost phone is released at the help desk.
 */
import { api } from '../api/client';
import { getSession } from '../api/session';

const KEY = 'gielda.deviceKey';
const CLAIMED = 'gielda.deviceClaimed';

export function deviceKey(): string {
  let key = localStorage.getItem(KEY);
  if (!key || !/^[A-Za-z0-9_-]{16,100}$/.test(key)) {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    key = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    localStorage.setItem(KEY, key);
  }
  return key;
}

/** A sign-in bound this phone: no claim needed. */
export function markClaimed(): void {
  localStorage.setItem(CLAIMED, '1');
}

/**
 * A phone signed in before badges were bound to phones (a fair running during the upgrade) binds
 * itself once, so a photographed old badge cannot take its place afterwards.
 */
export function claimPhoneOnce(): void {
  if (localStorage.getItem(CLAIMED) === '1' || !getSession('person')) return;
  void api('person')
    .POST('/api/auth/phone', { body: { deviceKey: deviceKey() } })
    .then(({ response }) => {
      // 403: already bound to another phone; signing in again shows why. Others: try next start.
      if (response.ok || response.status === 403) markClaimed();
    })
    .catch(() => undefined);
}
