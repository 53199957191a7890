import { useEffect, useMemo, useState } from 'preact/hooks';
import { getSession } from '../api/session';
import type { Outbox } from './outbox';

const POLL_MS = 1000;

type OutboxModule = typeof import('./outbox');
let outboxModule: OutboxModule | null = null;
let loading: Promise<OutboxModule> | null = null;

/**
 * The outbox's code loads just after the board (its own chunk, from the service worker's cache
 * when offline): the board draws first, then what waits on the phone joins it.
 */
function useOutboxModule(): OutboxModule | null {
  const [mod, setMod] = useState(outboxModule);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loading ??= import('./outbox').then(
      (m) => (outboxModule = m),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    loading.then(
      (m) => live && setMod(m),
      () => {
        /* not loaded (offline before it was ever cached): the board still shows */
      },
    );
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}

/**
 * The outbox of the signed-in person in one fair, flushed when it is due, when the phone comes
 * back online and when the board reconnects (`kick` changes).
 */
export function useOutbox(fairId: number, personId: number | undefined, kick: unknown): Outbox | null {
  const mod = useOutboxModule();
  const box = useMemo(() => {
    if (!mod || !Number.isFinite(fairId) || personId === undefined) return null;
    return new mod.Outbox(
      `gielda.outbox.${fairId}.${personId}`,
      mod.httpSender(fairId, () => getSession('person')?.token ?? null),
      localStorage,
    );
  }, [mod, fairId, personId]);
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
