/**
 * Which web app manifest the page links: on a fair's pages (/f/:fairId…) that fair's own
 * (served by the backend, start_url /f/:fairId: installed from fair 7's board, the app opens fair
 * 7), elsewhere the generic one (start_url /?source=pwa: the fair of the badge signed in on the
 * phone). Imports nothing: the entry script runs it before the app has loaded.
 */

/** Fired by the router after history.pushState/replaceState (ui/router.tsx). */
export const NAVIGATE_EVENT = 'gielda:navigate';

export function manifestFor(path: string): string {
  const m = /^\/f\/(\d+)(?:\/|$)/.exec(path);
  return m ? `/f/${m[1]}/manifest.webmanifest` : '/manifest.webmanifest';
}

/** Keeps <link rel="manifest"> on the current page's manifest, now and after each navigation. */
export function followManifest(): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!link) return;
  const update = () => {
    const href = manifestFor(location.pathname);
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  };
  update();
  window.addEventListener('popstate', update);
  window.addEventListener(NAVIGATE_EVENT, update);
}
