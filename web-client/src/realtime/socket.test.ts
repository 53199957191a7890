import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardSocket, type SocketStatus } from './socket';

/** A stand-in for the browser's WebSocket that the test drives by hand. */
class FakeSocket {
  static OPEN = 1;
  static CLOSED = 3;
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = FakeSocket.CLOSED;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop(code: number) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

describe('board socket', () => {
  const sockets: FakeSocket[] = [];
  const statuses: SocketStatus[] = [];
  let board: BoardSocket;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets.length = 0;
    statuses.length = 0;
    const target = { addEventListener: () => {}, removeEventListener: () => {} };
    vi.stubGlobal('window', target);
    vi.stubGlobal('document', { ...target, visibilityState: 'visible' });
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('WebSocket', FakeSocket);
    board = new BoardSocket({
      fairId: 4,
      url: 'ws://fair/ws/fairs/4/board',
      token: () => 'jwt',
      onChange: (_s, status) => statuses.push(status),
      createSocket: (url, protocols) => {
        const s = new FakeSocket(url, protocols);
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
  });
  afterEach(() => {
    board.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const snapshot = { type: 'snapshot', fairId: 4, epoch: 2, seq: 10, posts: [], counters: {} };

  it('sends the token as a subprotocol, resumes, and after a drop resumes from the last seq', () => {
    board.start();
    const first = sockets[0]!;
    expect(first.protocols).toEqual([
      'bearer-token-carrier',
      encodeURI('quarkus-http-upgrade#Authorization#Bearer jwt'),
    ]);
    first.open();
    expect(first.sent).toEqual([{ type: 'resume', epoch: null, after: 0, batch: true }]);
    first.receive(snapshot);
    first.receive({ type: 'event', seq: 11, event: { kind: 'person.joined', personId: 1 } });
    expect(statuses.at(-1)).toBe('live');

    first.drop(1013); // too slow: reconnect and resume
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(5_000); // the backoff, not the handshake timeout
    const second = sockets[1]!;
    second.open();
    expect(second.sent).toEqual([{ type: 'resume', epoch: 2, after: 11, batch: true }]);
    expect(statuses.at(-1)).toBe('reconnecting');
    second.receive({ type: 'caughtUp', seq: 11 });
    expect(statuses.at(-1)).toBe('live');
  });

  it('does not retry blindly when the token is refused (1008)', () => {
    board.start();
    sockets[0]!.open();
    sockets[0]!.drop(1008);
    expect(statuses.at(-1)).toBe('forbidden');
    vi.advanceTimersByTime(120_000);
    expect(sockets).toHaveLength(1);
  });

  it('asks again from the last applied seq when an event is missing', () => {
    board.start();
    const s = sockets[0]!;
    s.open();
    s.receive(snapshot);
    s.receive({ type: 'event', seq: 12, event: { kind: 'fair.phase', phase: 'LIVE' } });
    expect(s.sent.at(-1)).toEqual({ type: 'resume', epoch: 2, after: 10, batch: true });
  });

  it('calls a silent connection dead within 25 s (uplink lost, browser still online) and resumes', () => {
    board.start();
    const s = sockets[0]!;
    s.open();
    s.receive(snapshot);
    expect(statuses.at(-1)).toBe('live');
    vi.advanceTimersByTime(9_000);
    expect(s.sent).toHaveLength(1); // only the resume: a board that talks needs no ping
    vi.advanceTimersByTime(6_000);
    expect(s.sent.at(-1)).toEqual({ type: 'ping' });
    vi.advanceTimersByTime(10_000); // no pong
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(s.readyState).toBe(FakeSocket.CLOSED);
    vi.advanceTimersByTime(2_000);
    const next = sockets[1]!;
    next.open();
    expect(next.sent).toEqual([{ type: 'resume', epoch: 2, after: 10, batch: true }]);
  });

  it('stays live on a quiet board while pongs come back', () => {
    board.start();
    const s = sockets[0]!;
    s.open();
    s.receive(snapshot);
    const pings = () => s.sent.filter((m) => (m as { type?: string }).type === 'ping').length;
    let answered = 0;
    for (let i = 0; i < 24; i++) {
      vi.advanceTimersByTime(5_000);
      if (pings() > answered) {
        answered = pings();
        s.receive({ type: 'pong' });
      }
    }
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('live');
    expect(pings()).toBeGreaterThanOrEqual(5);
  });

  it('gives up a handshake that does not open within 10 s and tries again', () => {
    board.start();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(9_000);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(sockets[0]!.readyState).toBe(FakeSocket.CLOSED);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(2_000);
    expect(sockets).toHaveLength(2);
  });
});
