import { describe, expect, it, vi } from 'vitest';
import type { Post } from '../realtime/protocol';
import { httpSender, Outbox, SEND_TIMEOUT_MS, type OutboxItem, type SendResult } from './outbox';

class MemoryStore {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

const post = (id: number, version = 1): Post => ({ id, version, kind: 'OFFER', title: 't' }) as Post;
const create = (title = 'Sala na 40 osób') =>
  ({ type: 'create', body: { kind: 'OFFER', category: 'ROOMS', title } }) as const;

/** A sender that answers from a script and records what was sent. */
function scripted(...answers: SendResult[]) {
  const sent: { key: string; item: OutboxItem }[] = [];
  const send = async (item: OutboxItem): Promise<SendResult> => {
    sent.push({ key: item.key, item: structuredClone(item) });
    return answers.shift() ?? { kind: 'retry' };
  };
  return { sent, send };
}

describe('outbox', () => {
  it('keeps an action across a lost answer and retries it with the same key', async () => {
    const store = new MemoryStore();
    let now = 1000;
    const { sent, send } = scripted({ kind: 'retry' }, { kind: 'ok', post: post(7) });
    const box = new Outbox('k', send, store, () => now);
    const key = box.enqueue(create());
    expect(JSON.parse(store.getItem('k')!).items).toHaveLength(1);

    await box.flush();
    expect(box.pending()).toHaveLength(1);
    expect(box.pending()[0]!.sent).toBe(true);
    await box.flush(); // not due yet: nothing sent
    expect(sent).toHaveLength(1);

    now += 60_000;
    await box.flush();
    expect(sent.map((s) => s.key)).toEqual([key, key]);
    expect(box.pending()).toHaveLength(0);
    expect(box.confirmed.get(7)?.id).toBe(7);
  });

  it('survives a reload: a new outbox on the same storage sends what was queued', async () => {
    const store = new MemoryStore();
    const first = new Outbox('k', scripted().send, store);
    const key = first.enqueue(create());
    const { sent, send } = scripted({ kind: 'ok', post: post(1) });
    const second = new Outbox('k', send, store);
    await second.flush();
    expect(sent.map((s) => s.key)).toEqual([key]);
    expect(new Outbox('k', send, store).pending()).toHaveLength(0);
  });

  it('merges edits that have not gone out and drops them when the post is withdrawn', () => {
    const box = new Outbox('k', scripted().send, new MemoryStore());
    const base = { category: 'ROOMS', title: 'Sala', version: 3 };
    const a = box.enqueue({ type: 'update', postId: 5, body: base });
    const b = box.enqueue({ type: 'update', postId: 5, body: { ...base, title: 'Sala duża', version: 4 } });
    expect(b).toBe(a);
    const only = box.pending()[0]!;
    expect(only.action).toMatchObject({ body: { title: 'Sala duża', version: 3 } });
    box.enqueue({ type: 'withdraw', postId: 5 });
    box.enqueue({ type: 'withdraw', postId: 5 });
    expect(box.pending().map((i) => i.action.type)).toEqual(['withdraw']);
  });

  it('sends in order, moves a refusal to failed, and bumps the version of a later edit', async () => {
    const { sent, send } = scripted(
      { kind: 'ok', post: post(5, 4) },
      { kind: 'refused', status: 409, title: 'Conflict', fieldErrors: {} },
      { kind: 'ok', post: post(5, 5) },
    );
    const box = new Outbox('k', send, new MemoryStore());
    box.enqueue({ type: 'update', postId: 5, body: { category: 'ROOMS', title: 'A', version: 3 } });
    // Frozen: the first edit went out, so the second is a new action based on the same version.
    box.pending()[0]!.sent = true;
    box.enqueue({ type: 'update', postId: 6, body: { category: 'ROOMS', title: 'X', version: 1 } });
    box.enqueue({ type: 'update', postId: 5, body: { category: 'ROOMS', title: 'B', version: 3 } });
    await box.flush();
    expect(sent.map((s) => s.item.action)).toMatchObject([
      { postId: 5, body: { version: 3 } },
      { postId: 6 },
      { postId: 5, body: { title: 'B', version: 4 } },
    ]);
    expect(box.failed().map((f) => f.status)).toEqual([409]);
    expect(box.pending()).toHaveLength(0);
  });

  it('can change or cancel a queued post only before it went out', async () => {
    const box = new Outbox('k', scripted({ kind: 'retry' }).send, new MemoryStore());
    const key = box.enqueue(create('Pierwszy'));
    expect(box.replaceCreate(key, create('Drugi').body)).toBe(true);
    await box.flush();
    expect(box.replaceCreate(key, create('Trzeci').body)).toBe(false);
    expect(box.cancel(key)).toBe(false);
    expect(box.pending()[0]!.action).toMatchObject({ body: { title: 'Drugi' } });
  });

  it('tells a waiting form the outcome', async () => {
    const box = new Outbox(
      'k',
      scripted({ kind: 'refused', status: 400, title: 'Bad', fieldErrors: { title: 'too short' } }).send,
      new MemoryStore(),
    );
    const key = box.enqueue(create('ab'));
    const wait = box.waitFor(key, 5000);
    await box.flush();
    const outcome = await wait;
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.failed.fieldErrors.title).toBe('too short');
  });
});

describe('httpSender', () => {
  const item: OutboxItem = {
    key: 'key-1',
    action: { type: 'withdraw', postId: 9 },
    queuedAt: '',
    sent: true,
    attempts: 1,
  };
  const answer = (status: number, body?: unknown) => async () =>
    new Response(body === undefined ? null : JSON.stringify(body), { status });

  it('sends the key and the token, and sorts the answers', async () => {
    let req: { url: string; init: RequestInit } | null = null;
    const send = httpSender(
      3,
      () => 'jwt',
      async (url, init) => {
        req = { url: String(url), init: init! };
        return new Response(JSON.stringify({ id: 9, version: 2 }), { status: 200 });
      },
    );
    expect(await send(item)).toMatchObject({ kind: 'ok', post: { id: 9 } });
    expect(req!.url).toBe('/api/fairs/3/posts/9/withdraw');
    expect(req!.init.headers).toMatchObject({ 'Idempotency-Key': 'key-1', Authorization: 'Bearer jwt' });

    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await httpSender(3, () => 'jwt', failing)(item)).toEqual({ kind: 'retry' });
    expect(await httpSender(3, () => 'jwt', answer(503, {}))(item)).toEqual({ kind: 'retry' });
    expect(await httpSender(3, () => 'jwt', answer(401, {}))(item)).toEqual({ kind: 'auth' });
    expect(
      await httpSender(
        3,
        () => 'jwt',
        answer(400, { title: 'Invalid', errors: [{ field: 'create.input.title', message: 'za krótki' }] }),
      )(item),
    ).toEqual({ kind: 'refused', status: 400, title: 'Invalid', fieldErrors: { title: 'za krótki' } });
  });

  it('gives up a request that gets no answer (uplink lost) so the outbox can retry it', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const hanging = (_url: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init?.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      const result = httpSender(3, () => 'jwt', hanging as typeof fetch)(item);
      await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await result).toEqual({ kind: 'retry' });
    } finally {
      vi.useRealTimers();
    }
  });
});
