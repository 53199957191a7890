/**
 * The phone's outbox: every post, edit and withdrawal goes through it. An action is stored in
 * localStorage with its Idempotency-Key before the first attempt, and sent in order. A network
 * error (or a 5xx) keeps it, and the retry carries the same key, so a write whose answer was lost
 * is not done twice; a refusal (4xx) moves it to `failed` for the person to see.
 */
import type { Post } from '../realtime/protocol';
import type { paths } from '../api/schema';
import { uuid } from '../api/uuid';

type JsonBody<T> = T extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
export type PostInput = JsonBody<paths['/api/fairs/{fairId}/posts']['post']>;
export type PostUpdate = JsonBody<paths['/api/fairs/{fairId}/posts/{postId}']['put']>;

export type OutboxAction =
  | { type: 'create'; body: PostInput }
  | { type: 'update'; postId: number; body: PostUpdate }
  | { type: 'withdraw'; postId: number };

export interface OutboxItem {
  /** The Idempotency-Key, also the item's id. */
  key: string;
  action: OutboxAction;
  queuedAt: string;
  /** At least one attempt went out: the request may have been done, so its body is frozen. */
  sent: boolean;
  attempts: number;
  /** Not before this time (ms) after a failed attempt. */
  notBefore?: number;
}

export interface FailedItem {
  item: OutboxItem;
  status: number;
  title: string;
  detail?: string;
  fieldErrors: Record<string, string>;
}

export type SendResult =
  | { kind: 'ok'; post: Post }
  | { kind: 'retry' } // no answer, 5xx, 408, 429: try again with the same key
  | { kind: 'auth' } // 401: the badge no longer works; keep everything
  | { kind: 'refused'; status: number; title: string; detail?: string; fieldErrors: Record<string, string> };

export type Outcome =
  { kind: 'ok'; post: Post } | { kind: 'queued' } | { kind: 'failed'; failed: FailedItem };

export interface KeyValueStore {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

interface Stored {
  v: 1;
  items: OutboxItem[];
  failed: FailedItem[];
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export class Outbox {
  private items: OutboxItem[] = [];
  private failedItems: FailedItem[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly waiters = new Map<string, (o: Outcome) => void>();
  private flushing: Promise<void> | null = null;
  private again = false;
  /** Answers to our own writes, so the phone shows them before the board's event arrives. */
  readonly confirmed = new Map<number, Post>();
  authFailed = false;

  constructor(
    readonly storageKey: string,
    private readonly send: (item: OutboxItem) => Promise<SendResult>,
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {
    this.reload();
  }

  /** Reads the stored queue (another tab may have changed it). */
  reload(): void {
    try {
      const raw = this.store.getItem(this.storageKey);
      const s = raw ? (JSON.parse(raw) as Stored) : null;
      this.items = s?.v === 1 && Array.isArray(s.items) ? s.items : [];
      this.failedItems = s?.v === 1 && Array.isArray(s.failed) ? s.failed : [];
    } catch {
      this.items = [];
      this.failedItems = [];
    }
    this.notify();
  }

  private persist(): void {
    const s: Stored = { v: 1, items: this.items, failed: this.failedItems };
    try {
      this.store.setItem(this.storageKey, JSON.stringify(s));
    } catch {
      /* storage full: the queue still lives in memory */
    }
  }

  private notify(): void {
    this.listeners.forEach((l) => l());
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  pending(): readonly OutboxItem[] {
    return this.items;
  }

  failed(): readonly FailedItem[] {
    return this.failedItems;
  }

  /** Adds an action, merging it with a not-yet-sent action on the same post. Returns its key. */
  enqueue(action: OutboxAction): string {
    if (action.type === 'update') {
      const same = this.items.find(
        (i) => !i.sent && i.action.type === 'update' && i.action.postId === action.postId,
      );
      if (same && same.action.type === 'update') {
        // Keep the version the first edit was based on: the server checks it.
        same.action = { ...action, body: { ...action.body, version: same.action.body.version } };
        this.changed();
        return same.key;
      }
    }
    if (action.type === 'withdraw') {
      const existing = this.items.find(
        (i) => i.action.type === 'withdraw' && i.action.postId === action.postId,
      );
      if (existing) return existing.key;
      this.items = this.items.filter(
        (i) => i.sent || !(i.action.type === 'update' && i.action.postId === action.postId),
      );
    }
    const item: OutboxItem = {
      key: uuid(),
      action,
      queuedAt: new Date(this.now()).toISOString(),
      sent: false,
      attempts: 0,
    };
    this.items = [...this.items, item];
    this.changed();
    return item.key;
  }

  /** Changes a queued post that has not gone out yet; false when it already did. */
  replaceCreate(key: string, body: PostInput): boolean {
    const item = this.items.find((i) => i.key === key);
    if (!item || item.sent || item.action.type !== 'create') return false;
    item.action = { type: 'create', body };
    this.changed();
    return true;
  }

  /** Drops a queued action that has not gone out yet; false when it already did. */
  cancel(key: string): boolean {
    const item = this.items.find((i) => i.key === key);
    if (!item || item.sent) return false;
    this.items = this.items.filter((i) => i !== item);
    this.changed();
    return true;
  }

  dismissFailed(key: string): void {
    this.failedItems = this.failedItems.filter((f) => f.item.key !== key);
    this.changed();
  }

  private changed(): void {
    this.persist();
    this.notify();
  }

  /** Resolves when the action is done, refused, or (after `ms`) still waiting. */
  waitFor(key: string, ms: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        resolve({ kind: 'queued' });
      }, ms);
      this.waiters.set(key, (o) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(o);
      });
    });
  }

  private settle(key: string, o: Outcome): void {
    this.waiters.get(key)?.(o);
  }

  /** Forget the wait for retries (e.g. the phone is back online). */
  wakeUp(): void {
    let touched = false;
    for (const i of this.items) {
      if (i.notBefore !== undefined) {
        delete i.notBefore;
        touched = true;
      }
    }
    this.authFailed = false;
    if (touched) this.persist();
  }

  /** Earliest time something is due, or null when the queue is empty. */
  nextDue(): number | null {
    if (this.items.length === 0) return null;
    return this.items[0]!.notBefore ?? 0;
  }

  /** Sends due actions in order; stops at the first one that must wait. One flush at a time. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.flushOnce();
        } while (this.again);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    this.reload();
    while (!this.authFailed) {
      const item = this.items[0];
      if (!item) return;
      if (item.notBefore !== undefined && item.notBefore > this.now()) return;
      item.sent = true;
      item.attempts++;
      this.changed(); // stored as "sent" before the request leaves
      let result: SendResult;
      try {
        result = await this.send(item);
      } catch {
        result = { kind: 'retry' };
      }
      if (result.kind === 'retry') {
        // The queue may have been re-read meanwhile (another tab): update the stored copy.
        const cur = this.items.find((i) => i.key === item.key);
        if (cur) {
          const delay = BACKOFF_MS[Math.min(item.attempts - 1, BACKOFF_MS.length - 1)]!;
          cur.sent = true;
          cur.notBefore = this.now() + delay * (0.75 + Math.random() * 0.5);
          this.changed();
        }
        // One lost answer is often a blip and the retry follows within a second or two: a waiting
        // form hears "queued" only when that retry fails as well.
        if (item.attempts >= 2) this.settle(item.key, { kind: 'queued' });
        return;
      }
      if (result.kind === 'auth') {
        this.authFailed = true;
        this.notify();
        this.settle(item.key, { kind: 'queued' });
        return;
      }
      this.items = this.items.filter((i) => i.key !== item.key);
      if (result.kind === 'ok') {
        const post = result.post;
        this.confirmed.set(post.id, post);
        // Later edits of this post were based on the version before this write.
        const before = item.action.type === 'update' ? item.action.body.version : undefined;
        for (const next of this.items) {
          if (
            next.action.type === 'update' &&
            next.action.postId === post.id &&
            typeof post.version === 'number' &&
            (before === undefined || next.action.body.version === before)
          ) {
            next.action = { ...next.action, body: { ...next.action.body, version: post.version } };
          }
        }
        this.changed();
        this.settle(item.key, { kind: 'ok', post });
      } else {
        const failed: FailedItem = {
          item,
          status: result.status,
          title: result.title,
          fieldErrors: result.fieldErrors,
        };
        if (result.detail !== undefined) failed.detail = result.detail;
        this.failedItems = [...this.failedItems, failed];
        this.changed();
        this.settle(item.key, { kind: 'failed', failed });
      }
    }
  }
}

/** The request for one action, as sent by `httpSender`. */
export function requestFor(
  fairId: number,
  action: OutboxAction,
): { method: string; path: string; body?: unknown } {
  const base = `/api/fairs/${fairId}/posts`;
  switch (action.type) {
    case 'create':
      return { method: 'POST', path: base, body: action.body };
    case 'update':
      return { method: 'PUT', path: `${base}/${action.postId}`, body: action.body };
    case 'withdraw':
      return { method: 'POST', path: `${base}/${action.postId}/withdraw` };
  }
}

function fieldErrorsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return out;
  for (const e of errors) {
    if (typeof e !== 'object' || e === null) continue;
    const path = String((e as { field?: unknown }).field ?? '');
    const name = path.split('.').filter(Boolean).pop() ?? path;
    out[name] = String((e as { message?: unknown }).message ?? '');
  }
  return out;
}

/**
 * No answer by then: give up this attempt and retry with the same key. Without it a request sent
 * into a Wi-Fi whose uplink is gone waits for TCP (minutes) and holds the whole queue.
 */
export const SEND_TIMEOUT_MS = 20_000;

/** Sends an action with plain fetch (no hidden retries: the outbox retries with the same key). */
export function httpSender(
  fairId: number,
  token: () => string | null,
  doFetch: typeof fetch = (...a) => fetch(...a),
  timeoutMs = SEND_TIMEOUT_MS,
): (item: OutboxItem) => Promise<SendResult> {
  return async (item) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return await sendOnce(fairId, token, doFetch, item, abort.signal);
    } catch {
      return { kind: 'retry' }; // aborted while reading the answer
    } finally {
      clearTimeout(timer);
    }
  };
}

async function sendOnce(
  fairId: number,
  token: () => string | null,
  doFetch: typeof fetch,
  item: OutboxItem,
  signal: AbortSignal,
): Promise<SendResult> {
  const t = token();
  if (!t) return { kind: 'auth' };
  const req = requestFor(fairId, item.action);
  let res: Response;
  try {
    res = await doFetch(req.path, {
      signal,
      method: req.method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${t}`,
        'Idempotency-Key': item.key,
        ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : null,
    });
  } catch {
    return { kind: 'retry' };
  }
  if (res.status === 401) return { kind: 'auth' };
  if (res.status >= 500 || res.status === 408 || res.status === 429) return { kind: 'retry' };
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    if (res.ok) return { kind: 'retry' }; // an answer cut short: ask again, same key
  }
  if (res.ok) {
    const post = body as Post;
    return typeof post?.id === 'number' ? { kind: 'ok', post } : { kind: 'retry' };
  }
  const b = (body ?? {}) as { title?: unknown; detail?: unknown };
  const refused: SendResult = {
    kind: 'refused',
    status: res.status,
    title: typeof b.title === 'string' ? b.title : `HTTP ${res.status}`,
    fieldErrors: fieldErrorsOf(body),
  };
  if (typeof b.detail === 'string') refused.detail = b.detail;
  return refused;
}
