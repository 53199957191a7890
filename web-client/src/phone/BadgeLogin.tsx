import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import { useI18n } from '../i18n';
import { ErrorBox, Page, TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';

/** /b/:badgeToken — the QR code on a badge: trade the badge token for a JWT and go to the fair. */
export function BadgeLogin({ badgeToken }: { badgeToken: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    unwrap(api(null).POST('/api/auth/badge', { body: { badgeToken } })).then(
      (res) => {
        if (cancelled) return;
        try {
          const session = toSession(res);
          setSession('person', session);
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
  }, [badgeToken, attempt]);

  const invalid = error instanceof ApiProblem && [401, 403, 404, 410].includes(error.status);
  return (
    <>
      <TopBar />
      <Page>
        {!error && <p class="loading">{t('badgeSigningIn')}</p>}
        {invalid ? (
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
        {error && (
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
