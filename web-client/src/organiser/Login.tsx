import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';

function safeNext(): string {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/organiser') && !next.startsWith('//') ? next : '/organiser';
}

export function OrganiserLogin() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api(null).POST('/api/auth/login', { body: { email, password } }));
      setSession('organiser', toSession(res));
      navigate(safeNext(), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const badCredentials = error instanceof ApiProblem && error.status === 401;
  return (
    <>
      <TopBar />
      <Page>
        <h1>{t('loginTitle')}</h1>
        <form class="card form" onSubmit={submit} noValidate>
          <Field
            label={t('email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            error={error}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <Field
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            error={error}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {badCredentials ? (
            <p class="error-box" role="alert" data-testid="error">
              {t('loginFailed')}
            </p>
          ) : (
            <ErrorBox error={error} />
          )}
          <button class="btn btn-primary" type="submit" disabled={busy}>
            {t('loginButton')}
          </button>
        </form>
        <Link href="/organiser/forgot" data-testid="forgot-link">
          {t('forgotLink')}
        </Link>
      </Page>
    </>
  );
}
