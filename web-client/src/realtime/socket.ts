import { initialState, reduce, resumeMessage, type BoardState, type ServerMessage } from './protocol';

export type SocketStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'forbidden';

export interface BoardSocketOptions {
  fairId: number;
  token: () => string | null;
  onChange: (state: BoardState, status: SocketStatus) => void;
  /** For tests. */
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  url?: string;
}

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps one board WebSocket open: resumes from the last applied seq after every reconnect,
 * so a dropped Wi-Fi loses nothing and doubles nothing.
 */
export class BoardSocket {
  private state: BoardState = initialState();
  private status: SocketStatus = 'connecting';
  private ws: WebSocket | null = null;
  private ping: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private stopped = false;
  private readonly opts: BoardSocketOptions;

  constructor(opts: BoardSocketOptions) {
    this.opts = opts;
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    clearTimeout(this.retry);
    clearInterval(this.ping);
    this.ws?.close(1000);
    this.ws = null;
  }

  private readonly wake = () => {
    if (document.visibilityState === 'hidden' || this.stopped) return;
    if (!this.ws || this.ws.readyState === WebSocket.CLOSED) {
      clearTimeout(this.retry);
      this.failures = 0;
      this.connect();
    }
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

  private connect(): void {
    const token = this.opts.token();
    if (!token) {
      this.emit('forbidden');
      return;
    }
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
    ws.onopen = () => {
      this.failures = 0;
      ws.send(JSON.stringify(resumeMessage(this.state)));
      clearInterval(this.ping);
      this.ping = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }));
      }, PING_MS);
    };
    ws.onmessage = (e: MessageEvent) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      const { state, send } = reduce(this.state, msg);
      this.state = state;
      if (send && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(send));
      if (msg.type === 'error' && msg.code === 'FORBIDDEN') {
        this.stopped = true;
        ws.close(1000);
        this.emit('forbidden');
        return;
      }
      this.emit(state.caughtUp ? 'live' : this.status);
    };
    ws.onclose = () => {
      clearInterval(this.ping);
      if (this.ws === ws) this.ws = null;
      if (!this.stopped) this.scheduleReconnect();
    };
    ws.onerror = () => {
      /* onclose follows */
    };
    if (this.status !== 'live') this.emit(this.failures > 0 ? 'reconnecting' : 'connecting');
  }

  private scheduleReconnect(): void {
    this.failures++;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    this.emit(offline ? 'offline' : 'reconnecting');
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.failures, 6));
    const delay = base / 2 + Math.random() * (base / 2);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), delay);
  }
}
