import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, TopBar } from '../ui/components';
import { Link } from '../ui/router';

/**
 * /organiser/forgot — without e-mail: the server prints a one-time link in its console (read by
 * whoever started it), or a fellow organiser makes one on the Team page.
 */
export function ForgotPassword() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api(null).POST('/api/auth/password-reset/request', { body: { email: email.trim() } }));
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <TopBar />
      <Page>
        <h1>{t('forgotTitle')}</h1>
        <p>{t('forgotIntro')}</p>
        {sent ? (
          <p class="card" role="status" data-testid="forgot-sent">
            {t('forgotSent')}
          </p>
        ) : (
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
            <ErrorBox error={error} />
            <button class="btn btn-primary" type="submit" disabled={busy || !email.trim()}>
              {t('forgotButton')}
            </button>
          </form>
        )}
        <Link href="/organiser/login">{t('back')}</Link>
      </Page>
    </>
  );
}
