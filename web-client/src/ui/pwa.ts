/**
 * Service worker registration and its update flow. A new version never replaces a running page by
 * itself: the page learns that one waits (useUpdate → "Nowa wersja"), and only when the person taps
 * "Odśwież" does it take over and the page reload. Closing every tab of the app does the same.
 */
import { useEffect, useState } from 'preact/hooks';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function watch(reg: ServiceWorkerRegistration): void {
  const found = (sw: ServiceWorker | null) => {
    // A first install (no controller yet) is not an update.
    if (sw && navigator.serviceWorker.controller) {
      waiting = sw;
      notify();
    }
  };
  if (reg.waiting) found(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const sw = reg.installing;
    sw?.addEventListener('statechange', () => {
      if (sw.state === 'installed') found(sw);
    });
  });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const start = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(watch, () => {
      /* no service worker (private mode, old browser): the app still works online */
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** Whether a new version waits, and the action that switches to it. */
export function useUpdate(): { available: boolean; apply: () => void } {
  const [available, setAvailable] = useState(waiting !== null);
  useEffect(() => {
    const l = () => setAvailable(waiting !== null);
    listeners.add(l);
    l();
    return () => void listeners.delete(l);
  }, []);
  const apply = () => {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  return { available, apply };
}
