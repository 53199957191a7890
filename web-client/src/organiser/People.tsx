import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Person } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';

/**
 * The fair's people for the organiser: the public partner code printed on each badge and whether
 * the badge's sign-in is bound to a phone, with "release the phone" for a lost or flat one (the
 * person then scans their tear-off again on the new phone). Sign-in secrets are not links here:
 * opening one on this laptop would bind it to the laptop. They are on the printed badges.
 */
export function People({
  fairId,
  people,
  loading,
  error,
  onChange,
}: {
  fairId: number;
  people?: Person[];
  loading: boolean;
  error: unknown;
  onChange: () => void;
}) {
  const { t, p, tx } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const release = async (person: Person) => {
    if (person.id === undefined) return;
    setBusy(person.id);
    setFailed(null);
    try {
      await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/people/{personId}/phone/release', {
          params: { path: { fairId, personId: person.id } },
        }),
      );
      onChange();
    } catch (e) {
      setFailed(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card" data-testid="people-phones">
      <h2>
        {t('phonesTitle')}
        {people && <span class="muted"> · {p('people', people.length)}</span>}
      </h2>
      {loading && !people && <Spinner />}
      <ErrorBox error={error} />
      <ErrorBox error={failed} />
      {people && people.length === 0 && <p class="muted">{t('peopleEmpty')}</p>}
      {people && people.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('personName')}</th>
                <th>{t('entity')}</th>
                <th>{t('sector')}</th>
                <th>{t('roles')}</th>
                <th>{t('checkedIn')}</th>
                <th>{t('partnerCodeColumn')}</th>
                <th>{t('phoneColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id} data-testid="phone-row">
                  <td>{person.displayName}</td>
                  <td>{person.entityName}</td>
                  <td>{tx(`sector_${person.sector}`, person.sector)}</td>
                  <td>{(person.roles ?? []).map((r) => tx(`role_${r.toLowerCase()}`, r)).join(', ')}</td>
                  <td>{person.checkedInAt ? '✓' : ''}</td>
                  <td>
                    <code>{person.partnerCode}</code>
                  </td>
                  <td>
                    {person.phoneBound ? (
                      <button
                        type="button"
                        class="btn btn-small"
                        data-testid="release-phone"
                        disabled={busy !== null}
                        onClick={() => void release(person)}
                      >
                        {t('releasePhone')}
                      </button>
                    ) : (
                      <span class="muted">{t('phoneFree')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
