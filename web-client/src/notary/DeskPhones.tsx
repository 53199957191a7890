import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Person } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';
import { useAsync } from '../ui/useAsync';

/**
 * The help desk's phone desk: find a person by name or by the partner code on their badge and
 * release their phone (lost, flat battery). Their tear-off then signs in on the next phone. The
 * server allows it for participants only (RoleRules); the notary's phone goes to the organiser.
 */
export function DeskPhones({ fairId }: { fairId: number }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const people = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/people', { params: { path: { fairId } } })),
    [fairId],
  );
  const q = query.trim().toLowerCase().replace(/[\s-]/g, '');
  const found =
    q.length < 2
      ? []
      : (people.data ?? [])
          .filter(
            (p) =>
              (p.displayName ?? '').toLowerCase().replace(/\s/g, '').includes(q) ||
              (p.partnerCode ?? '').toLowerCase() === q,
          )
          .slice(0, 5);
  const release = async (person: Person) => {
    if (person.id === undefined) return;
    setError(null);
    setDone(null);
    try {
      await unwrap(
        api('person').POST('/api/fairs/{fairId}/people/{personId}/phone/release', {
          params: { path: { fairId, personId: person.id } },
        }),
      );
      setDone(person.displayName ?? '');
      people.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" data-testid="desk-phones">
      <h2>{t('deskPhonesTitle')}</h2>
      <div class="field">
        <label for="desk-phones-query">{t('deskPhonesSearch')}</label>
        <input
          id="desk-phones-query"
          autoComplete="off"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {found.map((p) => (
        <p key={p.id} data-testid="desk-phones-person">
          <strong>{p.displayName}</strong> · {p.entityName} · <code>{p.partnerCode}</code>{' '}
          {p.phoneBound ? (
            <button type="button" class="btn btn-small" onClick={() => void release(p)}>
              {t('releasePhone')}
            </button>
          ) : (
            <span class="muted">{t('phoneFree')}</span>
          )}
        </p>
      ))}
      {done !== null && (
        <p class="note" role="status">
          {t('deskPhonesDone', { name: done })}
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
