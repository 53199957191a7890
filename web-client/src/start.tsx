import { render } from 'preact';
import { App } from './App';
import { useEarlyAnswers } from './api/client';
import type { TakeEarly } from './api/early';
import { loadLang, storedLang } from './i18n';
import { claimPhoneOnce } from './phone/device';
import { registerServiceWorker } from './ui/pwa';

/**
 * Draws the app (in English at once if that was chosen) and registers the service worker.
 * `takeEarly`: the first board's answers the entry script asked for (api/early.ts).
 */
export function start(takeEarly: TakeEarly): void {
  useEarlyAnswers(takeEarly);
  // The entry script is async: it may run before the page has been parsed to the end.
  const parsed = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
  const draw = () => void parsed.then(() => render(<App />, document.getElementById('app')!));
  loadLang(storedLang()).then(draw, draw);
  if (import.meta.env.PROD) registerServiceWorker();
  claimPhoneOnce();
}
