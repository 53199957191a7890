import './organiser-first-start.css';
import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useOrganiserGuard } from './guard';
import { OrganiserBar } from './OrganiserBar';
import { passwordRuleKey } from './passwordMessages';

interface Member {
  id: number;
  email: string;
  displayName: string;
}

/** /organiser/team — who organises, a fellow organiser added, a forgotten password reset. */
export function OrganiserTeam() {
  const ok = useOrganiserGuard();
  const { t } = useI18n();
  const team = useAsync(
    () =>
      ok
        ? unwrap(api('organiser').GET('/api/organisers')).then((list) => list as Member[])
        : Promise.resolve([] as Member[]),
    [ok],
  );
  if (!ok) return null;
  return (
    <>
      <OrganiserBar />
      <Page wide>
        <h1>{t('teamTitle')}</h1>
        {team.loading && <Spinner />}
        <ErrorBox error={team.error} />
        {team.data && (
          <ul class="list" data-testid="team">
            {team.data.map((m) => (
              <MemberRow key={m.id} member={m} />
            ))}
          </ul>
        )}
        <AddOrganiser onAdded={team.reload} />
      </Page>
    </>
  );
}

function MemberRow({ member }: { member: Member }) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const makeLink = async () => {
    setError(null);
    try {
      const res = await unwrap(
        api('organiser').POST('/api/organisers/{organiserId}/password-reset', {
          params: { path: { organiserId: member.id } },
        }),
      );
      setLink(res.url ?? null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li class="list-item" data-testid="team-member">
      <strong>{member.displayName}</strong>
      <span class="muted">{member.email}</span>
      <button type="button" class="btn btn-small" onClick={() => void makeLink()}>
        {t('teamResetLink')}
      </button>
      {link && (
        <p class="reset-link" data-testid="reset-link">
          {t('teamResetLinkHint')} <code>{link}</code>
        </p>
      )}
      <ErrorBox error={error} />
    </li>
  );
}

function AddOrganiser({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setMismatch(confirm !== password);
    if (confirm !== password) return;
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const res = await unwrap(
        api('organiser').POST('/api/organisers', {
          body: { displayName: displayName.trim(), email: email.trim(), password },
        }),
      );
      setAdded(res.displayName ?? null);
      setDisplayName('');
      setEmail('');
      setPassword('');
      setConfirm('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const serverPassword = error instanceof ApiProblem ? error.fieldErrors.password : undefined;
  const ruleKey = passwordRuleKey(serverPassword);
  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="add-organiser">
      <h2>{t('teamAddTitle')}</h2>
      <Field
        label={t('organiserName')}
        name="displayName"
        required
        value={displayName}
        error={error}
        onInput={(e) => setDisplayName(e.currentTarget.value)}
      />
      <Field
        label={t('email')}
        name="email"
        type="email"
        required
        value={email}
        error={error}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
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
      {serverPassword && (
        <small class="field-error" role="alert" data-testid="field-error-password">
          {ruleKey ? t(ruleKey) : serverPassword}
        </small>
      )}
      <Field
        label={t('confirmPassword')}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      {mismatch && (
        <small class="field-error" role="alert" data-testid="field-error-confirm">
          {t('passwordMismatch')}
        </small>
      )}
      {!serverPassword && <ErrorBox error={error} />}
      {added && (
        <p role="status" data-testid="organiser-added">
          {t('teamAdded', { name: added })}
        </p>
      )}
      <button class="btn btn-primary" type="submit" disabled={busy}>
        {t('teamAddButton')}
      </button>
    </form>
  );
}
