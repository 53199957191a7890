import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Help } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { FAIR_TIME_ZONE } from '../ui/time';

/** The broker queue: who asked for help, live (refetched on every help.* event). */
export function HelpQueue({ fairId, tick, canAct }: { fairId: number; tick: number; canAct: boolean }) {
  const { t, tx, p, lang } = useI18n();
  const client = api('person');
  const list = useAsync(
    () => unwrap(client.GET('/api/fairs/{fairId}/help-requests', { params: { path: { fairId } } })),
    [fairId, tick],
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const act = async (h: Help, what: 'take' | 'done') => {
    setBusy(h.id ?? null);
    setError(null);
    try {
      const path = { fairId, helpId: h.id ?? 0 };
      const changed =
        what === 'take'
          ? await unwrap(client.POST('/api/fairs/{fairId}/help-requests/{helpId}/take', { params: { path } }))
          : await unwrap(
              client.POST('/api/fairs/{fairId}/help-requests/{helpId}/done', { params: { path } }),
            );
      if (list.data) list.setData(list.data.map((x) => (x.id === changed.id ? changed : x)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const items = (list.data ?? []).filter((h) => h.status !== 'DONE');
  const waiting = items.filter((h) => h.status === 'OPEN').length;
  const time = (iso: string | undefined) =>
    iso
      ? new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: FAIR_TIME_ZONE,
        }).format(Date.parse(iso))
      : '';
  return (
    <section class="console-section" data-testid="help-queue">
      <h2>
        {t('helpQueueTitle')} <span class="muted">· {p('helpWaiting', waiting)}</span>
      </h2>
      {list.loading && !list.data && <Spinner />}
      <ErrorBox error={list.error ?? error} />
      {list.data && items.length === 0 && <p class="muted">{t('helpQueueEmpty')}</p>}
      <ul class="queue">
        {items.map((h) => (
          <li key={h.id} class={`queue-item help-${h.status}`} data-testid="help-item" data-help-id={h.id}>
            <div class="queue-main">
              <strong>{h.personName}</strong>
              {h.entityName && <span class="muted"> · {h.entityName}</span>}
              {h.note && (
                <p class="queue-note" data-testid="help-note">
                  {t('helpNoteShown', { note: h.note })}
                </p>
              )}
              <p class="queue-meta muted">
                {time(h.createdAt as string | undefined)} · {tx(`helpStatus_${h.status}`, h.status)}
                {h.takenBy && ` · ${t('helpTakenBy', { name: h.takenBy })}`}
              </p>
            </div>
            {canAct && (
              <div class="post-actions">
                {h.status === 'OPEN' && (
                  <button
                    type="button"
                    class="btn btn-primary"
                    disabled={busy === h.id}
                    data-testid="help-take"
                    onClick={() => void act(h, 'take')}
                  >
                    {t('helpTake')}
                  </button>
                )}
                <button
                  type="button"
                  class="btn"
                  disabled={busy === h.id}
                  data-testid="help-done"
                  onClick={() => void act(h, 'done')}
                >
                  {t('helpDone')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
