import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';
import { useAsync } from '../ui/useAsync';

let meOnce: Promise<{ roles?: string[] }> | null = null;

/** The help desk and the organiser confirm entities; a notary alone sees why and waits. */
function useCanConfirm(): boolean {
  meOnce ??= unwrap(api('person').GET('/api/me')).catch(() => ({ roles: [] }));
  const me = useAsync(() => meOnce!, []);
  const roles = me.data?.roles ?? [];
  return roles.includes('animator') || roles.includes('organiser');
}

function ConfirmButton({
  fairId,
  entityId,
  name,
  onDone,
}: {
  fairId: number;
  entityId: number;
  name: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api('person').POST('/api/fairs/{fairId}/entities/{entityId}/confirm', {
          params: { path: { fairId, entityId } },
        }),
      );
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="btn btn-small-light"
        disabled={busy}
        data-testid="confirm-entity"
        onClick={() => void confirm()}
      >
        {t('confirmEntity', { name })}
      </button>
      <ErrorBox error={error} />
    </>
  );
}

/** Under a queued contract: confirm the parties a stranger created, for those allowed to. */
export function ConfirmParties({
  fairId,
  contract,
  onDone,
}: {
  fairId: number;
  contract: Contract;
  onDone: () => void;
}) {
  const canConfirm = useCanConfirm();
  const unconfirmed = (contract.warnings ?? []).filter((w) => w.code === 'entity-unconfirmed');
  if (!canConfirm || unconfirmed.length === 0) return null;
  return (
    <div class="confirm-parties">
      {unconfirmed.map((w) => {
        const i = Number(/\[(\d+)\]/.exec(w.field ?? '')?.[1]);
        const party = contract.parties?.find((_, k) => k === i) ?? null;
        return party?.entityId === undefined ? null : (
          <ConfirmButton
            key={party.entityId}
            fairId={fairId}
            entityId={party.entityId}
            name={party.name ?? ''}
            onDone={onDone}
          />
        );
      })}
    </div>
  );
}

/** The help desk's list of entities created by self-join that nobody has vouched for yet. */
export function NewEntities({ fairId, tick }: { fairId: number; tick: number }) {
  const { t } = useI18n();
  const [done, setDone] = useState<number[]>([]);
  const list = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/entities', { params: { path: { fairId } } })),
    [fairId, tick],
  );
  const waiting = (list.data ?? []).filter((e) => e.confirmed === false && !done.includes(e.id!));
  return (
    <section class="card" data-testid="new-entities">
      <h2>{t('newEntitiesTitle')}</h2>
      {waiting.length === 0 ? (
        <p class="muted">{t('newEntitiesEmpty')}</p>
      ) : (
        <ul class="join-list">
          {waiting.map((e) => (
            <li key={e.id} class="join-item">
              <span>{e.name}</span>
              <ConfirmButton
                fairId={fairId}
                entityId={e.id!}
                name={e.name ?? ''}
                onDone={() => setDone((d) => [...d, e.id!])}
              />
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t('newEntitiesHint')}</p>
      <ErrorBox error={list.error} />
    </section>
  );
}
