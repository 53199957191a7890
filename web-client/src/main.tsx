/**
 * The entry script: small on purpose (it imports only api/early.ts and ui/manifest.ts). It starts the first board's
 * requests and then runs the app (start.tsx), whose code the page already downloads in parallel
 * (modulepreload links that vite.config.ts adds to index.html). It also keeps the page's
 * manifest link on the fair's own manifest (ui/manifest.ts).
 */
import { personSession, prefetchBoard, takeEarly } from './api/early';
import { followManifest } from './ui/manifest';
import './ui/app.css';

// The installed app may start at "/?source=pwa" (the generic manifest's start_url): straight to
// this phone's fair. (A fair's own manifest starts at /f/:fairId.)
const fairId = personSession()?.fairId;
if (
  location.pathname === '/' &&
  new URLSearchParams(location.search).get('source') === 'pwa' &&
  fairId != null
) {
  history.replaceState(null, '', `/f/${fairId}`);
}

followManifest();
prefetchBoard();
void import('./start').then((m) => m.start(takeEarly));
