import { useEffect, useMemo, useState } from 'preact/hooks';
import { getSession } from '../api/session';
import { httpSender, Outbox } from './outbox';

const POLL_MS = 1000;

/**
 * The outbox of the signed-in person in one fair, flushed when it is due, when the phone comes
 * back online and when the board reconnects (`kick` changes).
 */
export function useOutbox(fairId: number, personId: number | undefined, kick: unknown): Outbox | null {
  const box = useMemo(() => {
    if (!Number.isFinite(fairId) || personId === undefined) return null;
    return new Outbox(
      `gielda.outbox.${fairId}.${personId}`,
      httpSender(fairId, () => getSession('person')?.token ?? null),
      localStorage,
    );
  }, [fairId, personId]);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!box) return;
    const unsubscribe = box.subscribe(() => setTick((t) => t + 1));
    const online = () => {
      box.wakeUp();
      void box.flush();
    };
    const storage = (e: StorageEvent) => {
      if (e.key === box.storageKey) box.reload();
    };
    // A cheap check each second; the outbox itself decides whether anything is due.
    const timer = setInterval(() => {
      const due = box.nextDue();
      if (due !== null && due <= Date.now() && navigator.onLine !== false && !box.authFailed) {
        void box.flush();
      }
    }, POLL_MS);
    window.addEventListener('online', online);
    window.addEventListener('storage', storage);
    if (navigator.onLine !== false) void box.flush();
    return () => {
      unsubscribe();
      clearInterval(timer);
      window.removeEventListener('online', online);
      window.removeEventListener('storage', storage);
    };
  }, [box]);

  useEffect(() => {
    if (box && kick && navigator.onLine !== false) {
      box.wakeUp();
      void box.flush();
    }
  }, [box, kick]);

  return box;
}
