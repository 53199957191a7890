import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { getSession } from '../api/session';

/** Where badges, the join QR and screen links point (GET /api/settings/public-url). */
export interface PublicUrlInfo {
  url: string;
  source: 'CONFIGURED' | 'CHOSEN' | 'DEFAULT';
  pointsAtLocalhost: boolean;
  candidates: string[];
}

const EVENT = 'gielda:public-url';
let current: PublicUrlInfo | null = null;

function isLocal(origin: string): boolean {
  try {
    const h = new URL(origin).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h.endsWith('.localhost') || h.startsWith('127.') || h === '::1';
  } catch {
    return true;
  }
}

/** The machine's hall addresses, and this page's own origin when phones could reach it too. */
export function offers(info: PublicUrlInfo, origin: string = location.origin): string[] {
  const list = [...info.candidates];
  if (!isLocal(origin) && !list.includes(origin)) list.unshift(origin);
  return list;
}

async function load(): Promise<void> {
  if (!getSession('organiser')) return;
  current = (await unwrap(api('organiser').GET('/api/settings/public-url'))) as PublicUrlInfo;
  window.dispatchEvent(new Event(EVENT));
}

export async function choosePublicUrl(url: string): Promise<void> {
  current = (await unwrap(
    api('organiser').PUT('/api/settings/public-url', { body: { url } }),
  )) as PublicUrlInfo;
  window.dispatchEvent(new Event(EVENT));
}

/** The current public address, shared by every organiser screen on the page. */
export function usePublicUrl(): PublicUrlInfo | null {
  const [info, setInfo] = useState<PublicUrlInfo | null>(current);
  useEffect(() => {
    const update = () => setInfo(current);
    window.addEventListener(EVENT, update);
    if (!current) load().catch(() => undefined);
    return () => window.removeEventListener(EVENT, update);
  }, []);
  return info;
}
