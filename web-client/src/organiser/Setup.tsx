import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, Spinner, TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';
import { useAsync } from '../ui/useAsync';
import { passwordRuleKey } from './passwordMessages';

const MIN_LENGTH = 12;

/**
 * /setup?token=… — the first organiser, from the one-time link the server printed at its first
 * start; /password-reset?token=… — a new password from a one-time reset link. Both sign in.
 */
export function OrganiserSetup({ mode }: { mode: 'setup' | 'reset' }) {
  const { t } = useI18n();
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const status = useAsync(
    () => (mode === 'setup' ? unwrap(api(null).GET('/api/auth/setup')) : Promise.resolve({ needed: true })),
    [mode],
  );
  const title = mode === 'setup' ? t('setupTitle') : t('resetTitle');
  let body;
  if (!token) body = <p class="error-box">{t('setupNoToken')}</p>;
  else if (status.loading) body = <Spinner />;
  else if (status.data && !status.data.needed)
    body = (
      <div class="card">
        <p data-testid="setup-done">{t('setupAlreadyDone')}</p>
        <Link class="btn btn-primary" href="/organiser/login">
          {t('loginButton')}
        </Link>
      </div>
    );
  else body = <PasswordForm mode={mode} token={token} />;
  return (
    <>
      <TopBar />
      <Page>
        <h1>{title}</h1>
        {mode === 'setup' && <p class="muted">{t('setupIntro')}</p>}
        <ErrorBox error={status.error} />
        {body}
      </Page>
    </>
  );
}

function PasswordForm({ mode, token }: { mode: 'setup' | 'reset'; token: string }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (mode === 'setup' && !displayName.trim()) problems.displayName = t('requiredField');
    if (mode === 'setup' && !email.trim()) problems.email = t('requiredField');
    if ([...password].length < MIN_LENGTH) problems.password = t('passwordTooShort');
    if (confirm !== password) problems.confirm = t('passwordMismatch');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const res =
        mode === 'setup'
          ? await unwrap(
              api(null).POST('/api/auth/setup', {
                body: { setupToken: token, email: email.trim(), displayName: displayName.trim(), password },
              }),
            )
          : await unwrap(api(null).POST('/api/auth/password-reset', { body: { token, password } }));
      setSession('organiser', toSession(res));
      navigate('/organiser', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const serverPassword = error instanceof ApiProblem ? error.fieldErrors.password : undefined;
  const ruleKey = passwordRuleKey(serverPassword);
  const passwordMessage = local.password ?? (ruleKey ? t(ruleKey) : serverPassword);
  const badToken = error instanceof ApiProblem && error.status === 401;
  const message = (name: string, text: string | undefined) =>
    text ? (
      <small class="field-error" role="alert" data-testid={`field-error-${name}`}>
        {text}
      </small>
    ) : null;

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="setup-form">
      {mode === 'setup' && (
        <>
          <Field
            label={t('organiserName')}
            name="displayName"
            autoComplete="name"
            required
            value={displayName}
            error={error}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
          {message('displayName', local.displayName)}
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
          {message('email', local.email)}
        </>
      )}
      <Field
        label={t('newPassword')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('passwordHint')}
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      {message('password', passwordMessage)}
      <Field
        label={t('confirmPassword')}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      {message('confirm', local.confirm)}
      {badToken ? (
        <p class="error-box" role="alert" data-testid="error">
          {mode === 'setup' ? t('setupTokenInvalid') : t('resetTokenInvalid')}
        </p>
      ) : (
        !serverPassword && <ErrorBox error={error} />
      )}
      <button class="btn btn-primary" type="submit" disabled={busy}>
        {mode === 'setup' ? t('setupButton') : t('resetButton')}
      </button>
    </form>
  );
}
