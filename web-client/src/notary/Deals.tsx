import { api, unwrap } from '../api/client';
import type { Deal } from '../api/types';
import { useI18n } from '../i18n';
import { useThrottled } from '../ui/useThrottled';
import { ErrorBox, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';

/** "A ↔ B" for a swap, "A → B → C → A" for a cycle. */
export function dealLine(d: Deal): string {
  const names = d.entityNames ?? [];
  if (d.kind === 'SWAP' && names.length === 2) return `${names[0]} ↔ ${names[1]}`;
  return names.length > 0 ? [...names, names[0]].join(' → ') : '';
}

/**
 * "Dopasowania na sali": the optimal plan's swaps and cycles (every leg a good match), with the
 * deal's confidence (its weakest leg) and why each leg fits, for brokers to bring people together.
 */
export function Deals({
  fairId,
  tick,
  postTitle,
}: {
  fairId: number;
  tick: number;
  postTitle: (id: number | undefined) => string | undefined;
}) {
  const { t } = useI18n();
  const throttled = useThrottled(tick, 5000);
  const deals = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/deals', { params: { path: { fairId } } })),
    [fairId, throttled],
  );
  const plan = deals.data?.plan ?? [];
  return (
    <section class="console-section" data-testid="deals">
      <h2>{t('dealsTitle')}</h2>
      {deals.loading && !deals.data && <Spinner />}
      <ErrorBox error={deals.error} />
      {deals.data && plan.length === 0 && <p class="muted">{t('dealsEmpty')}</p>}
      {plan.length > 0 && (
        <p class="muted">{deals.data?.planProvenOptimal ? t('dealsOptimal') : t('dealsGood')}</p>
      )}
      <ul class="queue">
        {plan.map((d, i) => (
          <li key={i} class={`queue-item deal deal-${d.kind}`} data-testid="deal">
            <div class="queue-main">
              <span class={`deal-kind`}>{d.kind === 'SWAP' ? t('dealSwap') : t('dealCycle')}</span>{' '}
              <strong data-testid="deal-line">{dealLine(d)}</strong>{' '}
              {d.confidence != null && (
                <span class="muted" data-testid="deal-confidence">
                  {t('dealConfidence', { n: Math.round(d.confidence * 100) })}
                </span>
              )}
              <ul class="deal-legs">
                {(d.legs ?? []).map((l) => (
                  <li key={`${l.offerId}-${l.requestId}`}>
                    {l.giverName} → {l.receiverName}
                    {postTitle(l.offerId) && `: ${postTitle(l.offerId)}`}
                    {(l.reasons ?? []).length > 0 && (
                      <div class="deal-why" data-testid="deal-leg-reasons">
                        {t('dealLegWhy', { reasons: (l.reasons ?? []).join(', ') })}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
