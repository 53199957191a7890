/** The board WebSocket protocol (/ws/fairs/{fairId}/board) and a pure reducer that applies it. */
import type { Post as ApiPost } from '../api/types';

/** A post as kept on the board: always with its id. */
export type Post = ApiPost & { id: number };

export interface Counters {
  /** Registered people. */
  people: number;
  /** People checked in at the hall. */
  present: number;
  entities: number;
  offers: number;
  requests: number;
  /** Only once the server counts contracts. */
  contracts?: number;
}

export type Epoch = string | number | null;

export type ClientMessage =
  { type: 'resume'; epoch: Epoch; after: number; batch?: boolean } | { type: 'ping' };

export interface BoardEvent {
  kind: string;
  [key: string]: unknown;
}

export type EventMessage = {
  type: 'event';
  fairId: number;
  seq: number;
  epoch?: Epoch;
  at?: number;
  event: BoardEvent;
};

export type ServerMessage =
  | {
      type: 'snapshot';
      fairId: number;
      epoch: Epoch;
      seq: number;
      posts: ApiPost[];
      counters?: Partial<Counters>;
      phase?: string;
      /** The newest contract.registered events up to `seq`, newest first. */
      registered?: { seq: number; event: BoardEvent }[];
    }
  | EventMessage
  /** What a resume missed, as one message (asked for with `batch: true`). */
  | { type: 'events'; events: EventMessage[] }
  | { type: 'caughtUp'; seq: number }
  | { type: 'pong' }
  | { type: 'error'; code: string; message?: string }
  | MatchMessage;

/**
 * "Nowe dopasowanie": sent only to the phones of the entity whose post got a new good match. It
 * carries the seq of the event that caused it but is not a log event (no seq bookkeeping).
 */
export interface MatchMessage {
  type: 'match';
  seq: number;
  postId: number;
  postTitle?: string;
  match: { postId: number; title?: string; kind?: string; entityId?: number; entityName?: string };
}

/** A registered contract as the ticker shows it (from the contract.registered event). */
export interface RegisteredContract {
  seq: number;
  contractId: number;
  number: number;
  parties: string[];
  headline: string;
}

export interface BoardState {
  epoch: Epoch;
  /** Last sequence number applied (0 = nothing yet). */
  seq: number;
  posts: ReadonlyMap<number, Post>;
  counters: Counters;
  phase: string | null;
  /** True once the server said we are caught up (or sent a snapshot). */
  caughtUp: boolean;
  /** A resume was sent because of a gap; further gap events are ignored until it is answered. */
  resyncing: boolean;
  lastError: string | null;
  /**
   * How many events of each family ("post", "contract", "help", …) were applied since the page
   * opened: screens that read something over REST refetch when their family's number changes.
   */
  ticks: Readonly<Record<string, number>>;
  /** The newest registered contracts, newest first (kept with the board). */
  registered: readonly RegisteredContract[];
  /** The newest events other than posts (help, contracts, …), oldest first (not kept). */
  recent: readonly { seq: number; event: BoardEvent }[];
  /** New-match notices for this phone, oldest first (not kept). */
  matches: readonly MatchMessage[];
}

export const EMPTY_COUNTERS: Counters = { people: 0, present: 0, entities: 0, offers: 0, requests: 0 };

export function initialState(): BoardState {
  return {
    epoch: null,
    seq: 0,
    posts: new Map(),
    counters: { ...EMPTY_COUNTERS },
    phase: null,
    caughtUp: false,
    resyncing: false,
    lastError: null,
    ticks: {},
    registered: [],
    recent: [],
    matches: [],
  };
}

const REGISTERED_KEPT = 10;
const MATCHES_KEPT = 20;
const RECENT_KEPT = 30;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The ticker line of a contract.registered event, or null if the event lacks its number. */
export function registeredOf(seq: number, ev: BoardEvent): RegisteredContract | null {
  const number = num(ev.number);
  const contractId = num(ev.contractId);
  if (number === undefined || contractId === undefined) return null;
  const parties = Array.isArray(ev.parties)
    ? ev.parties.map((p) =>
        typeof p === 'object' && p !== null ? str((p as { name?: unknown }).name) : str(p),
      )
    : [];
  return { seq, contractId, number, parties: parties.filter(Boolean), headline: str(ev.headline) };
}

/** A number that changes whenever an event of one of `families` (or a new snapshot) arrives. */
export function tickOf(s: BoardState, ...families: string[]): number {
  return families.reduce((n, f) => n + (s.ticks[f] ?? 0), s.ticks['*'] ?? 0);
}

/** The family of an event kind: "contract.registered" → "contract". */
export function family(kind: string): string {
  const i = kind.indexOf('.');
  return i < 0 ? kind : kind.slice(0, i);
}

export function resumeMessage(s: BoardState): ClientMessage {
  // batch: after the hall's Wi-Fi comes back, thousands of phones resume at once; one message per
  // phone instead of one per missed event.
  return { type: 'resume', epoch: s.epoch, after: s.seq, batch: true };
}

function isPost(v: unknown): v is Post {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'number';
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Offers and requests on the board, counted from the posts we hold (the snapshot has them all). */
function countPosts(posts: ReadonlyMap<number, Post>, counters: Counters): Counters {
  let offers = 0;
  let requests = 0;
  for (const p of posts.values()) {
    if (p.status !== 'ACTIVE' || p.hidden) continue;
    if (p.kind === 'OFFER') offers++;
    else if (p.kind === 'REQUEST') requests++;
  }
  return offers === counters.offers && requests === counters.requests
    ? counters
    : { ...counters, offers, requests };
}

/**
 * What is left of a hidden post: no text, so a moderator's decision also removes it from memory
 * and from the stored board.
 */
function tombstone(p: Post): Post {
  return { ...p, hidden: true, title: '', description: '', quantity: '', availability: '', town: '' };
}

/** Applies one event's data to the state (seq bookkeeping is done by the caller). */
export function applyEvent(s: BoardState, ev: BoardEvent): BoardState {
  let posts = s.posts;
  let counters = s.counters;
  let phase = s.phase;
  const post = isPost(ev.post) ? ev.post : null;
  const set = (p: Post) => {
    const m = new Map(posts);
    m.set(p.id, p);
    posts = m;
  };
  const add = (k: 'people' | 'present' | 'entities' | 'contracts') => {
    counters = { ...counters, [k]: (counters[k] ?? 0) + 1 };
  };
  switch (ev.kind) {
    case 'post.created':
    case 'post.updated':
    case 'post.unhidden':
      if (post) set(post);
      break;
    case 'post.withdrawn':
    case 'post.hidden': {
      const id = post?.id ?? num(ev.postId) ?? num(ev.id);
      const old = id !== undefined ? posts.get(id) : undefined;
      if (old) {
        set(ev.kind === 'post.hidden' ? tombstone(old) : { ...old, status: 'WITHDRAWN' as Post['status'] });
      }
      break;
    }
    case 'person.joined':
      add('people');
      break;
    case 'person.checkedIn':
      add('present');
      break;
    case 'entity.created':
      add('entities');
      break;
    case 'contract.registered':
      add('contracts');
      break;
    case 'fair.phase':
      if (typeof ev.phase === 'string') phase = ev.phase;
      break;
    default:
      break; // unknown kinds are skipped but still advance seq
  }
  if (typeof ev.counters === 'object' && ev.counters !== null) {
    counters = { ...counters, ...(ev.counters as Partial<Counters>) };
  }
  if (posts !== s.posts) counters = countPosts(posts, counters);
  return { ...s, posts, counters, phase };
}

/**
 * Applies one server message. Returns the new state and, when the client must say something
 * (a gap in seq), the message to send.
 */
export function reduce(s: BoardState, msg: ServerMessage): { state: BoardState; send?: ClientMessage } {
  switch (msg.type) {
    case 'snapshot': {
      const posts = new Map<number, Post>();
      for (const p of msg.posts ?? []) if (isPost(p)) posts.set(p.id, p);
      const registered = msg.registered
        ? msg.registered
            .map((r) => registeredOf(r.seq, r.event))
            .filter((r): r is RegisteredContract => r !== null)
            .slice(0, REGISTERED_KEPT)
        : s.registered;
      return {
        state: {
          ...s,
          epoch: msg.epoch,
          seq: msg.seq,
          posts,
          counters: countPosts(posts, { ...EMPTY_COUNTERS, ...msg.counters }),
          phase: msg.phase ?? s.phase,
          registered,
          caughtUp: true,
          resyncing: false,
          lastError: null,
          // Anything may have changed: everyone who reads over REST refetches.
          ticks: { ...s.ticks, '*': (s.ticks['*'] ?? 0) + 1 },
        },
      };
    }
    case 'event': {
      if (msg.seq <= s.seq) return { state: s }; // duplicate after a resume: already applied
      if (msg.seq !== s.seq + 1) {
        if (s.resyncing) return { state: s };
        const state = { ...s, resyncing: true };
        return { state, send: resumeMessage(state) };
      }
      const applied = applyEvent(s, msg.event);
      const f = family(String(msg.event.kind));
      const ticks = { ...s.ticks, [f]: (s.ticks[f] ?? 0) + 1 };
      let registered = s.registered;
      if (msg.event.kind === 'contract.registered') {
        const r = registeredOf(msg.seq, msg.event);
        if (r) registered = [r, ...registered.filter((x) => x.number !== r.number)].slice(0, REGISTERED_KEPT);
      }
      const recent =
        f === 'post' ? s.recent : [...s.recent, { seq: msg.seq, event: msg.event }].slice(-RECENT_KEPT);
      return { state: { ...applied, seq: msg.seq, resyncing: false, ticks, registered, recent } };
    }
    case 'events': {
      let state = s;
      for (const m of Array.isArray(msg.events) ? msg.events : []) {
        const r = reduce(state, m);
        state = r.state;
        if (r.send) return r; // a gap: resume again from what is applied
      }
      return { state };
    }
    case 'caughtUp':
      return { state: { ...s, caughtUp: true, resyncing: false } };
    case 'error':
      return { state: { ...s, lastError: msg.code } };
    case 'match': {
      if (typeof msg.postId !== 'number' || typeof msg.match?.postId !== 'number') return { state: s };
      const same = (m: MatchMessage) => m.postId === msg.postId && m.match.postId === msg.match.postId;
      if (s.matches.some(same)) return { state: s };
      return { state: { ...s, matches: [...s.matches, msg].slice(-MATCHES_KEPT) } };
    }
    case 'pong':
    default:
      return { state: s };
  }
}

/** Active, visible posts of one kind, newest first. */
export function visiblePosts(s: BoardState, kind?: Post['kind']): Post[] {
  return [...s.posts.values()]
    .filter((p) => p.status === 'ACTIVE' && !p.hidden && (!kind || p.kind === kind))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id);
}

/** The board as kept in localStorage, so a reload (or the app reopened offline) resumes from its seq instead of a snapshot. */
export function serialize(s: BoardState): string {
  return JSON.stringify({
    v: 1,
    epoch: s.epoch,
    seq: s.seq,
    phase: s.phase,
    counters: s.counters,
    posts: [...s.posts.values()],
    registered: s.registered,
  });
}

export function deserialize(text: string | null): BoardState | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as {
      v?: number;
      epoch?: Epoch;
      seq?: number;
      phase?: string | null;
      counters?: Partial<Counters>;
      posts?: unknown[];
      registered?: RegisteredContract[];
    };
    if (o.v !== 1 || typeof o.seq !== 'number' || o.seq < 0 || !Array.isArray(o.posts)) return null;
    const posts = new Map<number, Post>();
    for (const p of o.posts) if (isPost(p)) posts.set(p.id, p);
    return {
      ...initialState(),
      epoch: o.epoch ?? null,
      seq: o.seq,
      phase: o.phase ?? null,
      posts,
      counters: { ...EMPTY_COUNTERS, ...o.counters },
      registered: Array.isArray(o.registered)
        ? o.registered.filter((r) => typeof r?.number === 'number').slice(0, REGISTERED_KEPT)
        : [],
    };
  } catch {
    return null;
  }
}
