import { useI18n } from '../i18n';
import type { SocketStatus } from '../realtime/socket';
import { FAIR_TIME_ZONE } from './time';
import { useOnline } from './useOnline';

/** "10:42" in the fair's time zone; with the date when it is not today. */
export function clockTime(at: number, lang: string, now = Date.now()): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  const day = (x: number) => new Intl.DateTimeFormat('en-CA', { timeZone: FAIR_TIME_ZONE }).format(x);
  return new Intl.DateTimeFormat(locale, {
    ...(day(at) !== day(now) ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: FAIR_TIME_ZONE,
  }).format(at);
}

export type ConnState = 'live' | 'connecting' | 'offline' | 'forbidden';

export function connState(status: SocketStatus, online: boolean): ConnState {
  if (status === 'forbidden') return 'forbidden';
  if (!online || status === 'offline') return 'offline';
  return status === 'live' ? 'live' : 'connecting';
}

const LABEL = {
  live: 'connLive',
  connecting: 'connConnecting',
  offline: 'connOffline',
  forbidden: 'connForbidden',
} as const;

/** A slim bar under the top bar: is the board live, and how many of my actions wait to be sent. */
export function ConnBar({
  status,
  queued = 0,
  asOf = null,
}: {
  status: SocketStatus;
  queued?: number;
  /** When the board shown was last current: said while it is not live ("stan z 10:42"). */
  asOf?: number | null;
}) {
  const { t, p, lang } = useI18n();
  const state = connState(status, useOnline());
  return (
    <div class={`connbar conn conn-${state}`} data-testid="conn" role="status" aria-live="polite">
      <span class="conn-dot" aria-hidden="true" />
      <span class="conn-text">{t(LABEL[state])}</span>
      {state !== 'live' && asOf !== null && (
        <span class="conn-stale" data-testid="stale">
          {' · '}
          {t('boardAsOf', { time: clockTime(asOf, lang) })}
        </span>
      )}
      {queued > 0 && (
        <span class="conn-queued" data-testid="queued">
          {' · '}
          {p('queued', queued)}
        </span>
      )}
    </div>
  );
}
