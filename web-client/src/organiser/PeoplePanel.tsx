import { useMemo, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Person } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { matchesQuery, queryTerms } from '../ui/search';

/** Roles a person can hold; who may give which is the server's rule (only the organiser changes roles). */
export const PERSON_ROLES = ['participant', 'animator', 'notary'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

type WithBadge = { signInSecret?: string | null };

// The sign-in secret travels in the fragment (never sent to a server or logged).
const signInHref = (secret: string) => `/b#${encodeURIComponent(secret)}`;
const badgeHref = (p: Person & WithBadge) => (p.signInSecret ? signInHref(p.signInSecret) : null);

/** The people of a fair (sorted by the server in Polish order), searchable, with role and badge actions. */
export function PeoplePanel({
  fairId,
  people,
  loading,
  error,
  onChanged,
}: {
  fairId: number;
  people?: Person[];
  loading: boolean;
  error: unknown;
  onChanged: () => void;
}) {
  const { t, p } = useI18n();
  const [query, setQuery] = useState('');
  const terms = queryTerms(query);
  const shown = useMemo(
    () =>
      (people ?? []).filter((x) => matchesQuery(terms, [x.displayName, x.entityName, ...(x.roles ?? [])])),
    [people, query],
  );
  return (
    <section class="card" data-testid="people">
      <h2>
        {t('peopleTitle')}
        {people && <span class="muted"> · {p('people', people.length)}</span>}
      </h2>
      <label class="field org-search">
        <span>{t('peopleSearch')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('peopleSearchPlaceholder')}
          data-testid="people-search"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {loading && !people && <Spinner />}
      <ErrorBox error={error} />
      {people && people.length === 0 && <p class="muted">{t('peopleEmpty')}</p>}
      {people && people.length > 0 && shown.length === 0 && <p class="muted">{t('peopleNoneFound')}</p>}
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="table org-people">
            <thead>
              <tr>
                <th>{t('personName')}</th>
                <th>{t('entity')}</th>
                <th>{t('roles')}</th>
                <th>{t('checkedIn')}</th>
                <th>{t('badge')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((person) => (
                <PersonRow key={person.id} fairId={fairId} person={person} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PersonRow({ fairId, person, onChanged }: { fairId: number; person: Person; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(person.roles ?? []);
  const [confirmBadge, setConfirmBadge] = useState(false);
  const [newBadge, setNewBadge] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const personId = person.id!;
  const href = newBadge ? signInHref(newBadge) : badgeHref(person as Person & WithBadge);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const saveRoles = () =>
    run(async () => {
      await unwrap(
        api('organiser').PUT('/api/fairs/{fairId}/people/{personId}/roles', {
          params: { path: { fairId, personId } },
          body: { roles },
        }),
      );
      setEditing(false);
      onChanged();
    });
  const reissue = () =>
    run(async () => {
      const res = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/people/{personId}/badge', {
          params: { path: { fairId, personId } },
        }),
      );
      setConfirmBadge(false);
      setNewBadge(res.signInSecret ?? null);
    });

  return (
    <tr data-testid="person-row">
      <td>{person.displayName}</td>
      <td>
        {person.entityName}
        <span class="muted org-sector"> · {tx(`sector_${person.sector}`, person.sector ?? '')}</span>
      </td>
      <td>
        {!editing ? (
          <>
            {(person.roles ?? []).map((r) => tx(`role_${r.toLowerCase()}`, r)).join(', ')}{' '}
            <button type="button" class="btn btn-small btn-link" onClick={() => setEditing(true)}>
              {t('rolesChange')}
            </button>
          </>
        ) : (
          <fieldset class="org-roles" data-testid="roles-editor">
            <legend class="sr-only">{t('rolesOf', { name: person.displayName ?? '' })}</legend>
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
            <small class="hint">{t('rolesHint')}</small>
            <div class="btn-row">
              <button
                type="button"
                class="btn btn-small btn-primary"
                disabled={busy || roles.length === 0}
                onClick={saveRoles}
              >
                {t('save')}
              </button>
              <button type="button" class="btn btn-small" onClick={() => setEditing(false)}>
                {t('cancel')}
              </button>
            </div>
          </fieldset>
        )}
      </td>
      <td>{person.checkedInAt ? '✓' : ''}</td>
      <td>
        {href && (
          <a href={href} target="_blank" rel="noopener">
            {newBadge ? t('badgeNewLink') : t('badgeLink')}
          </a>
        )}{' '}
        {!confirmBadge ? (
          <button
            type="button"
            class="btn btn-small btn-link"
            data-testid="badge-reissue"
            onClick={() => setConfirmBadge(true)}
          >
            {t('badgeReissue')}
          </button>
        ) : (
          <span class="org-confirm" role="group" aria-label={t('badgeReissue')}>
            <small>{t('badgeReissueWarning')}</small>
            <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={reissue}>
              {t('badgeReissueYes')}
            </button>
            <button type="button" class="btn btn-small" onClick={() => setConfirmBadge(false)}>
              {t('cancel')}
            </button>
          </span>
        )}
        <ErrorBox error={error} />
      </td>
    </tr>
  );
}
