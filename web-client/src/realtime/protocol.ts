/** The board WebSocket protocol (/ws/fairs/{fairId}/board) and a pure reducer that applies it. */
import type { Post as ApiPost } from '../api/types';

/** A post as kept on the board: always with its id. */
export type Post = ApiPost & { id: number };

export interface Counters {
  people: number;
  entities: number;
  offers: number;
  requests: number;
  contracts: number;
}

export type Epoch = string | number | null;

export type ClientMessage = { type: 'resume'; epoch: Epoch; after: number } | { type: 'ping' };

export interface BoardEvent {
  kind: string;
  [key: string]: unknown;
}

export type ServerMessage =
  | {
      type: 'snapshot';
      fairId: number;
      epoch: Epoch;
      seq: number;
      posts: ApiPost[];
      counters?: Partial<Counters>;
      phase?: string;
    }
  | { type: 'event'; fairId: number; seq: number; epoch?: Epoch; event: BoardEvent }
  | { type: 'caughtUp'; seq: number }
  | { type: 'pong' }
  | { type: 'error'; code: string; message?: string };

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
}

export const EMPTY_COUNTERS: Counters = { people: 0, entities: 0, offers: 0, requests: 0, contracts: 0 };

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
  };
}

export function resumeMessage(s: BoardState): ClientMessage {
  return { type: 'resume', epoch: s.epoch, after: s.seq };
}

function isPost(v: unknown): v is Post {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'number';
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Applies one event's data to the state (seq bookkeeping is done by the caller). */
export function applyEvent(s: BoardState, ev: BoardEvent): BoardState {
  let posts = s.posts;
  let counters = s.counters;
  let phase = s.phase;
  const post = isPost(ev.post) ? ev.post : isPost(ev) ? (ev as unknown as Post) : null;
  const upsert = (p: Post) => {
    const m = new Map(posts);
    m.set(p.id, p);
    posts = m;
  };
  switch (ev.kind) {
    case 'post.created':
    case 'post.updated':
    case 'post.unhidden':
      if (post) upsert(post);
      break;
    case 'post.withdrawn':
    case 'post.hidden': {
      if (post) upsert(post);
      else {
        const id = num(ev.postId) ?? num(ev.id);
        const old = id !== undefined ? posts.get(id) : undefined;
        if (old) {
          upsert(
            ev.kind === 'post.hidden'
              ? { ...old, hidden: true }
              : { ...old, status: 'WITHDRAWN' as Post['status'] },
          );
        }
      }
      break;
    }
    case 'person.joined':
      if (!ev.counters) counters = { ...counters, people: counters.people + 1 };
      break;
    case 'entity.created':
      if (!ev.counters) counters = { ...counters, entities: counters.entities + 1 };
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
      return {
        state: {
          ...s,
          epoch: msg.epoch,
          seq: msg.seq,
          posts,
          counters: { ...EMPTY_COUNTERS, ...msg.counters },
          phase: msg.phase ?? s.phase,
          caughtUp: true,
          resyncing: false,
          lastError: null,
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
      return { state: { ...applied, seq: msg.seq, resyncing: false } };
    }
    case 'caughtUp':
      return { state: { ...s, caughtUp: true, resyncing: false } };
    case 'error':
      return { state: { ...s, lastError: msg.code } };
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
