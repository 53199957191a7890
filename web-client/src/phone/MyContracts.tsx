import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract } from '../api/types';
import { partiesLine, StatusChip } from '../contracts/common';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { Link } from '../ui/router';
import { useAsync } from '../ui/useAsync';
import { useThrottled } from '../ui/useThrottled';

/** "Moje kontrakty": the contracts of my entity, refetched on contract events. */
export function MyContracts({ fairId, tick }: { fairId: number; tick: number }) {
  const { t, p } = useI18n();
  const throttled = useThrottled(tick, 1500);
  const list = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/contracts', { params: { path: { fairId } } })),
    [fairId, throttled],
  );
  const [shown, setShown] = useState<Contract[] | undefined>(undefined);
  useEffect(() => {
    if (list.data) setShown(list.data);
  }, [list.data]);
  if (!shown) return list.error ? <ErrorBox error={list.error} /> : <Spinner />;
  const sorted = [...shown].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  return (
    <section data-testid="my-contracts">
      <h2 class="sr-only">{t('myContracts')}</h2>
      <p class="muted">{p('contracts', shown.length)}</p>
      {sorted.length === 0 && <p class="muted center empty">{t('contractsEmpty')}</p>}
      <ul class="cards">
        {sorted.map((c) => {
          const signed = (c.parties ?? []).filter((x) => x.signed).length;
          return (
            <li
              key={c.id}
              class={`contract-card status-card-${c.status}`}
              data-testid="contract-card"
              data-id={c.id}
            >
              <div class="post-top">
                <StatusChip contract={c} />
                <span class="muted">{p('signaturesCount', signed, { of: c.parties?.length ?? 0 })}</span>
              </div>
              <Link
                class="post-title post-link"
                href={`/f/${fairId}/contracts/${c.id}`}
                data-testid="contract-link"
              >
                {c.title || partiesLine(c)}
              </Link>
              {c.title && <span class="post-entity">{partiesLine(c)}</span>}
              {c.moneyFlagged && <span class="warning-inline">{t('moneyWarning')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
