import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';

type MailSummary = components['schemas']['MailSummary'];

/** The fair's outbox: what was sent, what waits (and why), what failed — with "send again". */
export function Outbox({ fairId }: { fairId: number }) {
  const { t, p, tx, lang } = useI18n();
  const client = api('organiser');
  const mails = useAsync(
    () => unwrap(client.GET('/api/fairs/{fairId}/mail', { params: { path: { fairId }, query: {} } })),
    [fairId],
  );
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Record<number, string>>({});

  const retry = async (id: number) => {
    setError(null);
    try {
      await unwrap(
        client.POST('/api/fairs/{fairId}/mail/{mailId}/retry', { params: { path: { fairId, mailId: id } } }),
      );
      mails.reload();
    } catch (e) {
      setError(e);
    }
  };

  const toggle = async (id: number) => {
    if (open[id] !== undefined) {
      const rest = { ...open };
      delete rest[id];
      setOpen(rest);
      return;
    }
    try {
      const view = await unwrap(
        client.GET('/api/fairs/{fairId}/mail/{mailId}', { params: { path: { fairId, mailId: id } } }),
      );
      setOpen({ ...open, [id]: view.bodyText ?? '' });
    } catch (e) {
      setError(e);
    }
  };

  const list = (mails.data ?? []).map((m: MailSummary) => ({
    ...m,
    id: m.id ?? 0,
    attempts: m.attempts ?? 0,
  }));
  return (
    <section class="card" data-testid="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('mailTitle')}</h2>
      <p class="muted">{t('mailIntro')}</p>
      {mails.loading && !mails.data && <Spinner />}
      <ErrorBox error={mails.error ?? error} />
      {mails.data && list.length === 0 && <p>{t('mailEmpty')}</p>}
      {list.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('mailTo')}</th>
                <th scope="col">{t('mailSubject')}</th>
                <th scope="col">{t('mailStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id} data-testid="outbox-row" data-status={m.status}>
                  <td>{m.to}</td>
                  <td>
                    {m.subject ?? <span class="muted">{t('mailWaitingSubject')}</span>}
                    {m.subject && (
                      <>
                        {' '}
                        <button type="button" class="btn btn-small" onClick={() => void toggle(m.id)}>
                          {open[m.id] !== undefined ? t('mailHide') : t('mailShow')}
                        </button>
                      </>
                    )}
                    {open[m.id] !== undefined && <pre class="mail-body">{open[m.id]}</pre>}
                  </td>
                  <td>
                    <strong>{tx(`mail_${m.status}`, m.status)}</strong>
                    <br />
                    <span class="muted">
                      {p('mailAttempts', m.attempts)}
                      {m.sentAt ? ` · ${formatDateTime(m.sentAt, lang)}` : ''}
                    </span>
                    {(m.status === 'FAILED' || m.status === 'PENDING') && m.lastError && (
                      <>
                        <br />
                        <span class="muted">{m.smtpReply ?? m.lastError}</span>
                      </>
                    )}
                    {m.status === 'FAILED' && (
                      <>
                        <br />
                        <button type="button" class="btn btn-small" onClick={() => void retry(m.id)}>
                          {t('mailRetry')}
                        </button>
                      </>
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
