import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import { useI18n } from '../i18n';
import { ErrorBox, Page, TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';
import { deviceKey, markClaimed } from './device';

/** The secret of a sign-in link: `/b#<secret>` (printed now), or `/b/<secret>` (older badges). */
function readSecret(fromPath?: string): string {
  const secret = fromPath ?? decodeURIComponent(location.hash.replace(/^#/, ''));
  // Off the address bar and out of the history at once: nobody reads it over a shoulder later.
  if (secret) history.replaceState(null, '', '/b');
  return secret;
}

/**
 * /b#<secret> — the QR code on the badge's tear-off: trade the secret (in a POST body, never in a
 * logged URL) and this phone's key for a JWT, and go to the fair. The first phone binds the secret.
 */
export function BadgeLogin({ badgeToken }: { badgeToken?: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [secret, setSecret] = useState(() => readSecret(badgeToken));
  // A tear-off scanned again while this page is open changes only the fragment: no page load.
  useEffect(() => {
    const again = () => {
      const next = readSecret();
      if (next) {
        setSecret(next);
        setAttempt((a) => a + 1);
      }
    };
    window.addEventListener('hashchange', again);
    return () => window.removeEventListener('hashchange', again);
  }, []);

  useEffect(() => {
    if (!secret) return;
    let cancelled = false;
    setError(null);
    unwrap(
      api(null).POST('/api/auth/badge', { body: { signInSecret: secret, deviceKey: deviceKey() } }),
    ).then(
      (res) => {
        if (cancelled) return;
        try {
          const session = toSession(res);
          setSession('person', session);
          markClaimed();
          navigate(consoleFirst(session.token) ? '/notary' : `/f/${session.fairId}`, { replace: true });
        } catch (e) {
          setError(e);
        }
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [secret, attempt]);

  const bound = error instanceof ApiProblem && error.type === 'urn:gielda:problem:phone-bound';
  const invalid = !secret || (error instanceof ApiProblem && [401, 403, 404, 410].includes(error.status));
  return (
    <>
      <TopBar />
      <Page>
        {!error && secret && <p class="loading">{t('badgeSigningIn')}</p>}
        {bound ? (
          <p class="error-box" role="alert" data-testid="phone-bound">
            {t('phoneBound')}
          </p>
        ) : invalid ? (
          <p class="error-box" role="alert">
            {t('badgeInvalid')}
          </p>
        ) : (
          <ErrorBox error={error} />
        )}
        {error && !invalid && (
          <button type="button" class="btn btn-primary btn-block" onClick={() => setAttempt((a) => a + 1)}>
            {t('retry')}
          </button>
        )}
        {(error || !secret) && (
          <p class="center">
            <Link href="/">{t('goHome')}</Link>
          </p>
        )}
      </Page>
    </>
  );
}

/**
 * A notary's or a help desk's badge opens their console; a participant's (even one who also
 * brokers) opens the board. The roles are the token's `groups` claim (read, not trusted: the
 * console asks the server again).
 */
export function consoleFirst(token: string): boolean {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const groups = (JSON.parse(json) as { groups?: unknown }).groups;
    const roles = Array.isArray(groups) ? groups : [];
    return !roles.includes('participant') && roles.some((r) => r === 'notary' || r === 'animator');
  } catch {
    return false;
  }
}
