import { render } from 'preact';
import { App } from './App';
import { getSession } from './api/session';
import { registerServiceWorker } from './ui/pwa';
import './ui/app.css';

// The installed app starts at "/?source=pwa" (manifest start_url): straight to this phone's fair.
const fairId = getSession('person')?.fairId;
if (
  location.pathname === '/' &&
  new URLSearchParams(location.search).get('source') === 'pwa' &&
  fairId != null
) {
  history.replaceState(null, '', `/f/${fairId}`);
}

render(<App />, document.getElementById('app')!);
if (import.meta.env.PROD) registerServiceWorker();
