import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Fair } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, Spinner } from '../ui/components';
import { Link, navigate } from '../ui/router';
import { FAIR_TIME_ZONE, formatDateTime, zonedLocalToInstant } from '../ui/time';
import { useAsync } from '../ui/useAsync';
import { useOrganiserGuard } from './guard';
import { OrganiserBar } from './OrganiserBar';

export function OrganiserFairs() {
  const ok = useOrganiserGuard();
  const { t, tx, lang } = useI18n();
  const fairs = useAsync(() => (ok ? unwrap(api('organiser').GET('/api/fairs')) : Promise.resolve([])), [ok]);
  if (!ok) return null;
  return (
    <>
      <OrganiserBar />
      <Page wide>
        <h1>{t('fairsTitle')}</h1>
        {fairs.loading && <Spinner />}
        <ErrorBox error={fairs.error} />
        {fairs.data && fairs.data.length === 0 && <p class="muted">{t('fairsEmpty')}</p>}
        {fairs.data && fairs.data.length > 0 && (
          <ul class="list" data-testid="fairs">
            {fairs.data.map((f) => (
              <li key={f.id} class="list-item">
                <Link href={`/organiser/fairs/${f.id}`} class="list-link">
                  <strong>{f.name}</strong>
                  <span class="muted">
                    {formatDateTime(f.startsAt, lang, f.timeZone || FAIR_TIME_ZONE)} · {f.venue}
                  </span>
                  <span class={`badge phase-${f.phase}`}>{tx(`phase_${f.phase}`, f.phase)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <CreateFair onCreated={(f) => navigate(`/organiser/fairs/${f.id}`)} />
      </Page>
    </>
  );
}

function CreateFair({ onCreated }: { onCreated: (f: Fair) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const s = zonedLocalToInstant(startsAt);
    const en = zonedLocalToInstant(endsAt);
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('requiredField');
    if (!venue.trim()) problems.venue = t('requiredField');
    if (!s) problems.startsAt = t('requiredField');
    if (!en) problems.endsAt = t('requiredField');
    if (s && en && Date.parse(en) <= Date.parse(s)) problems.endsAt = t('endBeforeStart');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !s || !en) return;
    setBusy(true);
    setError(null);
    try {
      const fair = await unwrap(
        api('organiser').POST('/api/fairs', {
          body: { name: name.trim(), venue: venue.trim(), startsAt: s, endsAt: en },
        }),
      );
      onCreated(fair);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const localError = (n: string) =>
    local[n] ? (
      <small class="field-error" data-testid={`field-error-${n}`}>
        {local[n]}
      </small>
    ) : null;

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="create-fair">
      <h2>{t('createFairTitle')}</h2>
      <Field
        label={t('fairName')}
        name="name"
        value={name}
        error={error}
        required
        onInput={(e) => setName(e.currentTarget.value)}
      />
      {localError('name')}
      <Field
        label={t('fairVenue')}
        name="venue"
        value={venue}
        error={error}
        required
        onInput={(e) => setVenue(e.currentTarget.value)}
      />
      {localError('venue')}
      <div class="row">
        <div>
          <Field
            label={t('fairStartsAt')}
            name="startsAt"
            type="datetime-local"
            value={startsAt}
            error={error}
            required
            onInput={(e) => setStartsAt(e.currentTarget.value)}
          />
          {localError('startsAt')}
        </div>
        <div>
          <Field
            label={t('fairEndsAt')}
            name="endsAt"
            type="datetime-local"
            value={endsAt}
            error={error}
            required
            onInput={(e) => setEndsAt(e.currentTarget.value)}
          />
          {localError('endsAt')}
        </div>
      </div>
      <small class="hint">{t('timeZoneNote')}</small>
      <ErrorBox error={error} />
      <button class="btn btn-primary" type="submit" disabled={busy}>
        {t('createFairButton')}
      </button>
    </form>
  );
}
