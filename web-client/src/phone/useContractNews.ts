import { useEffect, useRef, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { BoardEvent, BoardState } from '../realtime/protocol';
import { useThrottled } from '../ui/useThrottled';
import { isOwnContractWrite } from './ownContractWrites';

/** Entity ids an event names: compact contract events list ids, contract.registered objects. */
function partiesOf(e: BoardEvent): number[] {
  if (!Array.isArray(e.parties)) return [];
  return e.parties
    .map((p: unknown) => (typeof p === 'number' ? p : (p as { entityId?: unknown } | null)?.entityId))
    .filter((x): x is number => typeof x === 'number');
}

/**
 * Contracts that wait for my entity's signature (the count on "Kontrakty") and a toast when a new
 * proposal — or a change that cleared my signature — arrives from a partner, live. The list is
 * read again only when an event names my entity (not for every deal in the hall).
 */
export function useContractNews(
  fairId: number,
  live: BoardState,
  entityId: number | undefined,
  connects: number,
) {
  const [toast, setToast] = useState<{ contractId: number; key: number } | null>(null);
  const [waiting, setWaiting] = useState(0);
  const lastSeen = useRef(0);
  const [myTick, setMyTick] = useState(0);

  useEffect(() => {
    if (entityId === undefined) return;
    let tick = 0;
    let news: number | null = null;
    for (const { seq, event } of live.recent) {
      if (seq <= lastSeen.current || !event.kind.startsWith('contract.')) continue;
      if (!partiesOf(event).includes(entityId)) continue;
      tick += seq;
      const contractId = typeof event.contractId === 'number' ? event.contractId : null;
      const signed = Array.isArray(event.signed) ? (event.signed as unknown[]) : [];
      const asksMe =
        (event.kind === 'contract.proposed' || event.kind === 'contract.updated') &&
        !signed.includes(entityId);
      if (asksMe && contractId !== null && live.caughtUp && !isOwnContractWrite(contractId))
        news = contractId;
    }
    const last = live.recent[live.recent.length - 1];
    if (last) lastSeen.current = Math.max(lastSeen.current, last.seq);
    if (tick > 0) setMyTick((n) => n + tick);
    if (news !== null) setToast({ contractId: news, key: Date.now() });
  }, [live.recent, entityId]);

  const throttled = useThrottled(myTick + connects, 1500);
  useEffect(() => {
    if (entityId === undefined) return;
    let cancelled = false;
    unwrap(api('person').GET('/api/fairs/{fairId}/contracts', { params: { path: { fairId } } })).then(
      (list) => {
        if (cancelled) return;
        setWaiting(
          list.filter(
            (c) =>
              c.status === 'PROPOSED' && (c.parties ?? []).some((p) => p.entityId === entityId && !p.signed),
          ).length,
        );
      },
      () => {
        /* keep the last count; the next event or reconnect reads again */
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fairId, entityId, throttled]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 15000);
    return () => clearTimeout(timer);
  }, [toast]);

  return { waiting, toast, dismiss: () => setToast(null) };
}
