import { useI18n } from '../i18n';
import type { SocketStatus } from '../realtime/socket';
import { useOnline } from './useOnline';

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
export function ConnBar({ status, queued = 0 }: { status: SocketStatus; queued?: number }) {
  const { t, p } = useI18n();
  const state = connState(status, useOnline());
  return (
    <div class={`connbar conn conn-${state}`} data-testid="conn" role="status" aria-live="polite">
      <span class="conn-dot" aria-hidden="true" />
      <span class="conn-text">{t(LABEL[state])}</span>
      {queued > 0 && (
        <span class="conn-queued" data-testid="queued">
          {' · '}
          {p('queued', queued)}
        </span>
      )}
    </div>
  );
}
