import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { getSession } from '../api/session';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';

const SIZE = 20;

/** The fair's audit trail for the organiser: who did which privileged act to whom, newest first. */
export function AuditLog({ fairId }: { fairId: number }) {
  const { t, tx, lang } = useI18n();
  const [page, setPage] = useState(0);
  const trail = useAsync(
    () =>
      unwrap(
        api('organiser').GET('/api/fairs/{fairId}/audit', {
          params: { path: { fairId }, query: { page, size: SIZE } },
        }),
      ),
    [fairId, page],
  );
  const [csvError, setCsvError] = useState<unknown>(null);
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      // The organiser's token goes in a header, never in a link: fetch, then save the file.
      const res = await fetch(`/api/fairs/${fairId}/audit/csv`, {
        headers: { Authorization: `Bearer ${getSession('organiser')?.token ?? ''}` },
      });
      if (!res.ok) throw new Error(`${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `dziennik-audytu-${fairId}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setCsvError(e);
    }
  };
  const items = trail.data?.items ?? [];
  const data = trail.data ? { items, total: trail.data.total ?? items.length } : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / SIZE)) : 1;
  return (
    <section class="card" data-testid="audit">
      <h2>{t('auditTitle')}</h2>
      <p class="muted">{t('auditHint')}</p>
      {trail.loading && !data && <Spinner />}
      <ErrorBox error={trail.error} />
      {data && data.items.length === 0 && <p class="muted">{t('auditEmpty')}</p>}
      {data && data.items.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('auditWhen')}</th>
                <th>{t('auditWho')}</th>
                <th>{t('auditWhat')}</th>
                <th>{t('auditSubject')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>
                    {e.actorName ?? e.actor}
                    {e.actorRoles && (
                      <span class="muted">
                        {' '}
                        (
                        {e.actorRoles
                          .split(',')
                          .map((r) => tx(`role_${r}`, r))
                          .join(', ')}
                        )
                      </span>
                    )}
                  </td>
                  <td>{tx(`audit_${(e.action ?? '').replace('.', '_')}`, e.action ?? '')}</td>
                  <td>{e.subjectName ?? (e.subjectId != null ? `${e.subjectType} ${e.subjectId}` : '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="btn-row">
        <button type="button" class="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('auditNewer')}
        </button>
        <span class="muted">
          {page + 1} / {pages}
        </span>
        <button type="button" class="btn" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          {t('auditOlder')}
        </button>
        <button type="button" class="btn" data-testid="audit-csv" onClick={() => void downloadCsv()}>
          {t('auditCsv')}
        </button>
      </div>
      <ErrorBox error={csvError} />
    </section>
  );
}
