import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { SECTORS, type Entity, type Sector } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Field } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { PERSON_ROLES, type PersonRole } from './PeoplePanel';

/** One entity, or one person (of an existing entity, or a resident on their own), without a CSV. */
export function AddPeople({ fairId, onAdded }: { fairId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'person' | 'entity'>('person');
  const entities = useAsync(
    () => unwrap(api('organiser').GET('/api/fairs/{fairId}/entities', { params: { path: { fairId } } })),
    [fairId],
  );
  const added = () => {
    entities.reload();
    onAdded();
  };
  return (
    <section class="card org-add" data-testid="add-people">
      <h2>{t('addTitle')}</h2>
      <div class="btn-row" role="group" aria-label={t('addTitle')}>
        <button
          type="button"
          class={mode === 'person' ? 'btn btn-small btn-primary' : 'btn btn-small'}
          aria-pressed={mode === 'person'}
          onClick={() => setMode('person')}
        >
          {t('addPerson')}
        </button>
        <button
          type="button"
          class={mode === 'entity' ? 'btn btn-small btn-primary' : 'btn btn-small'}
          aria-pressed={mode === 'entity'}
          data-testid="add-entity-mode"
          onClick={() => setMode('entity')}
        >
          {t('addEntity')}
        </button>
      </div>
      {mode === 'person' ? (
        <PersonForm fairId={fairId} entities={entities.data ?? []} onAdded={added} />
      ) : (
        <EntityForm fairId={fairId} onAdded={added} />
      )}
    </section>
  );
}

function EntityForm({ fairId, onAdded }: { fairId: number; onAdded: () => void }) {
  const { t, tx } = useI18n();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>('NGO');
  const [town, setTown] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/entities', {
          params: { path: { fairId } },
          body: { name: name.trim(), sector, ...(town.trim() ? { town: town.trim() } : {}) },
        }),
      );
      setDone(t('addedEntity', { name: created.name ?? name }));
      setName('');
      setTown('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="add-entity">
      <Field
        label={t('entityName')}
        name="name"
        value={name}
        error={error}
        required
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <div class="field">
        <label for="f-sector">{t('sector')}</label>
        <select id="f-sector" value={sector} onChange={(e) => setSector(e.currentTarget.value as Sector)}>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {tx(`sector_${s}`, s)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('entityTown')}
        name="town"
        value={town}
        error={error}
        onInput={(e) => setTown(e.currentTarget.value)}
      />
      <ErrorBox error={error} />
      {done && (
        <p class="ok-box" role="status">
          {done}
        </p>
      )}
      <button class="btn btn-primary" type="submit" disabled={busy}>
        {t('addEntityButton')}
      </button>
    </form>
  );
}

function PersonForm({
  fairId,
  entities,
  onAdded,
}: {
  fairId: number;
  entities: Entity[];
  onAdded: () => void;
}) {
  const { t, tx } = useI18n();
  const [name, setName] = useState('');
  const [entityId, setEntityId] = useState('');
  const [roles, setRoles] = useState<PersonRole[]>(['participant']);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ name: string; badge: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const sorted = [...entities].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'pl'));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/people', {
          params: { path: { fairId } },
          body: { displayName: name.trim(), roles, ...(entityId ? { entityId: Number(entityId) } : {}) },
        }),
      );
      setDone({ name: created.displayName ?? name, badge: created.signInSecret ?? null });
      setName('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="add-person">
      <Field
        label={t('personName')}
        name="displayName"
        value={name}
        error={error}
        required
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <div class="field">
        <label for="f-entity">{t('entity')}</label>
        <select id="f-entity" value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)}>
          <option value="">{t('addPersonOwnEntity')}</option>
          {sorted.map((x) => (
            <option key={x.id} value={String(x.id)}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="org-roles">
        <legend>{t('roles')}</legend>
        {PERSON_ROLES.map((r) => (
          <label key={r} class="org-check">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) =>
                setRoles((xs) => (e.currentTarget.checked ? [...xs, r] : xs.filter((x) => x !== r)))
              }
            />
            {tx(`role_${r}`, r)}
          </label>
        ))}
      </fieldset>
      <ErrorBox error={error} />
      {done && (
        <p class="ok-box" role="status">
          {t('addedPerson', { name: done.name })}{' '}
          {done.badge && (
            <a href={`/b#${encodeURIComponent(done.badge)}`} target="_blank" rel="noopener">
              {t('badgeLink')}
            </a>
          )}
        </p>
      )}
      <button class="btn btn-primary" type="submit" disabled={busy || roles.length === 0}>
        {t('addPersonButton')}
      </button>
    </form>
  );
}
