import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { setSession, toSession, type Scope } from '../api/session';
import { useI18n } from '../i18n';
import { tickOf, type BoardState } from '../realtime/protocol';
import { ErrorBox } from '../ui/components';
import { Link } from '../ui/router';
import { useAsync } from '../ui/useAsync';

interface Who {
  kind?: string;
  roles?: string[];
}

/**
 * Who may act for an entity, on the phone: a newcomer sees for whom they wait (and is let in
 * without a reload when a member says yes); a member or the help desk sees who asks to join and
 * answers with one tap. Both follow the fair's log ("join" events), so nothing needs a refresh.
 */
export function JoinDoor({
  fairId,
  board,
  me,
}: {
  fairId: number;
  board: BoardState;
  me: Who | null | undefined;
}) {
  if (me?.kind === 'NEWCOMER') return <Waiting board={board} />;
  const roles = me?.roles ?? [];
  if (roles.includes('participant') || roles.includes('animator')) {
    return <JoinRequests fairId={fairId} board={board} scope="person" />;
  }
  return null;
}

/** The newcomer's banner: waiting for Fundacja X, then in (a new token) or turned away. */
function Waiting({ board }: { board: BoardState }) {
  const { t } = useI18n();
  const tick = tickOf(board, 'join');
  const mine = useAsync(() => unwrap(api('person').GET('/api/join/mine')), [tick]);
  const [error, setError] = useState<unknown>(null);
  const status = mine.data?.status;
  useEffect(() => {
    if (status !== 'APPROVED') return;
    unwrap(api('person').POST('/api/join/mine/token'))
      .then((res) => {
        setSession('person', toSession(res));
        // A member's token: the board, "me" and the lists start over with it.
        window.location.reload();
      })
      .catch(setError);
  }, [status]);
  const r = mine.data;
  if (!r) return <ErrorBox error={mine.error} />;
  const entity = r.entityName ?? '';
  return (
    <section class="card join-door" data-testid="join-waiting" data-status={status} role="status">
      {status === 'PENDING' && (
        <>
          <h2>{t('joinWaitingTitle', { entity })}</h2>
          <p>{t('joinWaitingBody', { entity })}</p>
        </>
      )}
      {status === 'APPROVED' && <p class="ok-box">{t('joinApprovedBody', { entity })}</p>}
      {(status === 'REJECTED' || status === 'EXPIRED') && (
        <>
          <p class="error-box">
            {t(status === 'REJECTED' ? 'joinRejectedBody' : 'joinExpiredBody', { entity })}
          </p>
          <Link class="btn btn-small-light" href="/join">
            {t('joinAgain')}
          </Link>
        </>
      )}
      <ErrorBox error={error} />
    </section>
  );
}

/**
 * Requests waiting for an answer: a member sees those for their entity, the help desk and the
 * organiser all of the fair's. Refetched whenever a join event arrives on the board.
 */
export function JoinRequests({ fairId, board, scope }: { fairId: number; board: BoardState; scope: Scope }) {
  const { t } = useI18n();
  const client = api(scope);
  const tick = tickOf(board, 'join');
  const list = useAsync(
    () => unwrap(client.GET('/api/fairs/{fairId}/join-requests', { params: { path: { fairId } } })),
    [fairId, tick],
  );
  const [answered, setAnswered] = useState<number[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const waiting = (list.data ?? []).filter(
    (r) => !answered.includes(r.id!) && Date.parse(r.expiresAt ?? '') > now,
  );
  if (waiting.length === 0 && !error) return null;

  const answer = async (id: number, decision: 'approve' | 'reject') => {
    setBusy(id);
    setError(null);
    try {
      const path = { fairId, requestId: id };
      await unwrap(
        decision === 'approve'
          ? client.POST('/api/fairs/{fairId}/join-requests/{requestId}/approve', { params: { path } })
          : client.POST('/api/fairs/{fairId}/join-requests/{requestId}/reject', { params: { path } }),
      );
      setAnswered((a) => [...a, id]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card join-door" data-testid="join-requests" aria-live="polite">
      <h2>{t('joinRequestsTitle')}</h2>
      <ul class="join-list">
        {waiting.map((r) => (
          <li key={r.id} class="join-item" data-testid="join-request" data-request={r.id}>
            <p>{t('joinRequestLine', { name: r.displayName ?? '', entity: r.entityName ?? '' })}</p>
            <div class="join-actions">
              <button
                type="button"
                class="btn btn-primary"
                disabled={busy === r.id}
                data-testid="join-approve"
                onClick={() => void answer(r.id!, 'approve')}
              >
                {t('joinApprove')}
              </button>
              <button
                type="button"
                class="btn"
                disabled={busy === r.id}
                data-testid="join-reject"
                onClick={() => void answer(r.id!, 'reject')}
              >
                {t('joinReject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p class="muted">{t('joinRequestsHint')}</p>
      <ErrorBox error={error} />
    </section>
  );
}
