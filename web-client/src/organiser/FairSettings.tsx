import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Fair } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Field } from '../ui/components';
import { navigate } from '../ui/router';
import { FAIR_TIME_ZONE, instantToZonedLocal, zonedLocalToInstant } from '../ui/time';

/** Name, place and time of a fair; its categories; deleting a fair made by mistake. */
export function FairSettings({ fair, onChange }: { fair: Fair; onChange: (f: Fair) => void }) {
  const { t } = useI18n();
  const closed = fair.phase === 'CLOSED';
  return (
    <section class="card org-settings" data-testid="fair-settings">
      <h2>{t('settingsTitle')}</h2>
      {closed ? <p class="muted">{t('settingsClosed')}</p> : <EditFair fair={fair} onChange={onChange} />}
      <Categories fair={fair} onChange={onChange} />
      <DeleteFair fair={fair} />
    </section>
  );
}

function EditFair({ fair, onChange }: { fair: Fair; onChange: (f: Fair) => void }) {
  const { t } = useI18n();
  const tz = fair.timeZone || FAIR_TIME_ZONE;
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(fair.name ?? '');
  const [venue, setVenue] = useState(fair.venue ?? '');
  const [startsAt, setStartsAt] = useState(instantToZonedLocal(fair.startsAt ?? '', tz));
  const [endsAt, setEndsAt] = useState(instantToZonedLocal(fair.endsAt ?? '', tz));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" class="btn" data-testid="edit-fair" onClick={() => setOpen(true)}>
        {t('editFair')}
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onChange(
        await unwrap(
          api('organiser').PUT('/api/fairs/{fairId}', {
            params: { path: { fairId: fair.id! } },
            body: {
              name: name.trim(),
              venue: venue.trim(),
              startsAt: zonedLocalToInstant(startsAt, tz) ?? startsAt,
              endsAt: zonedLocalToInstant(endsAt, tz) ?? endsAt,
            },
          }),
        ),
      );
      setSaved(true);
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="edit-fair-form">
      <Field
        label={t('fairName')}
        name="name"
        value={name}
        error={error}
        required
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <Field
        label={t('fairVenue')}
        name="venue"
        value={venue}
        error={error}
        required
        onInput={(e) => setVenue(e.currentTarget.value)}
      />
      <div class="row">
        <Field
          label={t('fairStartsAt')}
          name="startsAt"
          type="datetime-local"
          value={startsAt}
          error={error}
          onInput={(e) => setStartsAt(e.currentTarget.value)}
        />
        <Field
          label={t('fairEndsAt')}
          name="endsAt"
          type="datetime-local"
          value={endsAt}
          error={error}
          onInput={(e) => setEndsAt(e.currentTarget.value)}
        />
      </div>
      <small class="hint">{t('timeZoneNote')}</small>
      <ErrorBox error={error} />
      {saved && <p class="ok-box">{t('savedOk')}</p>}
      <div class="btn-row">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function Categories({ fair, onChange }: { fair: Fair; onChange: (f: Fair) => void }) {
  const { t, lang } = useI18n();
  const [namePl, setNamePl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChange(
        await unwrap(
          api('organiser').POST('/api/fairs/{fairId}/categories', {
            params: { path: { fairId: fair.id! } },
            body: { namePl: namePl.trim(), ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}) },
          }),
        ),
      );
      setNamePl('');
      setNameEn('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="org-categories">
      <h3>{t('categoriesTitle')}</h3>
      <ul class="org-chips" data-testid="categories">
        {(fair.categories ?? []).map((c) => (
          <li key={c.code}>{lang === 'en' ? c.nameEn : c.namePl}</li>
        ))}
      </ul>
      {fair.phase !== 'CLOSED' && (
        <form class="form org-inline" onSubmit={submit} noValidate data-testid="add-category">
          <Field
            label={t('categoryNamePl')}
            name="namePl"
            value={namePl}
            error={error}
            placeholder={t('categoryExample')}
            onInput={(e) => setNamePl(e.currentTarget.value)}
          />
          <Field
            label={t('categoryNameEn')}
            name="nameEn"
            value={nameEn}
            error={error}
            onInput={(e) => setNameEn(e.currentTarget.value)}
          />
          <button class="btn" type="submit" disabled={busy || !namePl.trim()}>
            {t('categoryAdd')}
          </button>
          <ErrorBox error={error} />
        </form>
      )}
    </div>
  );
}

function DeleteFair({ fair }: { fair: Fair }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api('organiser').DELETE('/api/fairs/{fairId}', { params: { path: { fairId: fair.id! } } }),
      );
      navigate('/organiser');
    } catch (err) {
      setError(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="org-delete">
      <h3>{t('deleteFairTitle')}</h3>
      <p class="hint">{t('deleteFairRule')}</p>
      {!confirming ? (
        <button
          type="button"
          class="btn btn-danger"
          data-testid="delete-fair"
          onClick={() => setConfirming(true)}
        >
          {t('deleteFair')}
        </button>
      ) : (
        <div class="org-confirm" role="group" aria-label={t('deleteFairTitle')}>
          <p>{t('deleteFairConfirm', { name: fair.name ?? '' })}</p>
          <div class="btn-row">
            <button
              type="button"
              class="btn btn-danger"
              disabled={busy}
              data-testid="delete-fair-yes"
              onClick={remove}
            >
              {t('deleteFairYes')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
