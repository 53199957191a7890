import { initialState, reduce, resumeMessage, type BoardState, type ServerMessage } from './protocol';

export type SocketStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'forbidden';

export interface BoardSocketOptions {
  fairId: number;
  token: () => string | null;
  onChange: (state: BoardState, status: SocketStatus) => void;
  /** A board kept from before (a reload): the socket resumes from its epoch and seq. */
  initial?: BoardState | null;
  /** For tests. */
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  url?: string;
}

/**
 * Liveness. A hall's access point that loses its uplink keeps the phone "online": bytes just
 * vanish and the browser notices nothing for minutes. So the socket checks every CHECK_MS, asks
 * the server (ping → pong) when it heard nothing for PING_MS, and calls the connection dead after
 * SILENT_MS without a message: the person sees "Łączenie…" within SILENT_MS + CHECK_MS (25 s).
 */
const CHECK_MS = 5_000;
const PING_MS = 10_000;
const SILENT_MS = 20_000;
/** A handshake that has not opened by then went into the void: try again. */
const OPEN_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
/** Close codes: 1008 policy (token refused: do not retry blindly), 1009 too big, 1013 try again later. */
const POLICY_VIOLATION = 1008;

/**
 * Keeps one board WebSocket open: resumes from the last applied seq after every reconnect,
 * so a dropped Wi-Fi loses nothing and doubles nothing. Reconnects with backoff and jitter;
 * stops on a refused token (status "forbidden") until start() is called again.
 */
export class BoardSocket {
  private state: BoardState;
  private status: SocketStatus = 'connecting';
  private ws: WebSocket | null = null;
  private ping: ReturnType<typeof setInterval> | undefined;
  private opening: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private stopped = false;
  private lastSeen = 0;
  private readonly opts: BoardSocketOptions;

  constructor(opts: BoardSocketOptions) {
    this.opts = opts;
    this.state = opts.initial ?? initialState();
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.wake);
    window.addEventListener('offline', this.wentOffline);
    document.addEventListener('visibilitychange', this.wake);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.wake);
    window.removeEventListener('offline', this.wentOffline);
    document.removeEventListener('visibilitychange', this.wake);
    clearTimeout(this.retry);
    this.drop(1000);
  }

  private readonly wake = () => {
    if (document.visibilityState === 'hidden' || this.stopped) return;
    if (!this.ws || this.ws.readyState === WebSocket.CLOSED) {
      clearTimeout(this.retry);
      this.failures = 0;
      this.connect();
    }
  };

  private readonly wentOffline = () => {
    if (this.stopped) return;
    // The radio is gone: do not wait for TCP to notice. Reconnect (and resume) on "online".
    this.drop(1000);
    this.scheduleReconnect();
  };

  private url(): string {
    if (this.opts.url) return this.opts.url;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}/ws/fairs/${this.opts.fairId}/board`;
  }

  private emit(status?: SocketStatus) {
    if (status) this.status = status;
    this.opts.onChange(this.state, this.status);
  }

  /** Forgets the current socket at once (its late events are ignored) and closes it. */
  private drop(code: number) {
    clearInterval(this.ping);
    clearTimeout(this.opening);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close(code);
      } catch {
        /* already closed */
      }
    }
  }

  private forbidden() {
    this.stopped = true;
    clearTimeout(this.retry);
    this.drop(1000);
    this.emit('forbidden');
  }

  private connect(): void {
    if (this.stopped) return;
    const token = this.opts.token();
    if (!token) {
      this.forbidden();
      return;
    }
    this.drop(1000);
    const protocols = [
      'bearer-token-carrier',
      encodeURI(`quarkus-http-upgrade#Authorization#Bearer ${token}`),
    ];
    let ws: WebSocket;
    try {
      ws = this.opts.createSocket
        ? this.opts.createSocket(this.url(), protocols)
        : new WebSocket(this.url(), protocols);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    let synced = false;
    clearTimeout(this.opening);
    this.opening = setTimeout(() => {
      if (this.ws !== ws || ws.readyState === WebSocket.OPEN) return;
      this.drop(1000);
      this.scheduleReconnect();
    }, OPEN_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(this.opening);
      this.lastSeen = Date.now();
      let lastPing = Date.now();
      ws.send(JSON.stringify(resumeMessage(this.state)));
      clearInterval(this.ping);
      this.ping = setInterval(() => {
        const now = Date.now();
        if (now - this.lastSeen > SILENT_MS) {
          this.drop(1000);
          this.scheduleReconnect();
        } else if (
          now - this.lastSeen >= PING_MS &&
          now - lastPing >= PING_MS &&
          ws.readyState === WebSocket.OPEN
        ) {
          lastPing = now;
          ws.send(JSON.stringify({ type: 'ping' }));
        }
      }, CHECK_MS);
    };
    ws.onmessage = (e: MessageEvent) => {
      this.lastSeen = Date.now();
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'error' && (msg.code === 'FORBIDDEN' || msg.code === 'UNAUTHORIZED')) {
        this.forbidden();
        return;
      }
      const { state, send } = reduce(this.state, msg);
      this.state = state;
      if (send && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(send));
      if (msg.type === 'snapshot' || msg.type === 'caughtUp') {
        synced = true;
        this.failures = 0;
      }
      this.emit(synced ? 'live' : undefined);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws) return;
      clearInterval(this.ping);
      clearTimeout(this.opening);
      this.ws = null;
      if (e.code === POLICY_VIOLATION) {
        this.forbidden();
        return;
      }
      // 1013 (too slow), 1009, 1006 (network) and the rest: reconnect and resume.
      if (!this.stopped) this.scheduleReconnect();
    };
    ws.onerror = () => {
      /* onclose follows */
    };
    if (this.status !== 'live') this.emit(this.failures > 0 ? 'reconnecting' : 'connecting');
    else this.emit('reconnecting');
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.failures++;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    this.emit(offline ? 'offline' : 'reconnecting');
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.failures, 6));
    const delay = base / 2 + Math.random() * (base / 2);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), delay);
  }
}
