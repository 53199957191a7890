import { describe, expect, it } from 'vitest';
import type { Post } from './protocol';
import {
  deserialize,
  initialState,
  reduce,
  resumeMessage,
  serialize,
  tickOf,
  visiblePosts,
  type EventMessage,
  type ServerMessage,
} from './protocol';

const post = (id: number, kind: Post['kind'] = 'OFFER', extra: Partial<Post> = {}): Post =>
  ({
    id,
    fairId: 1,
    kind,
    category: 'ROOMS',
    title: `post ${id}`,
    entityId: 1,
    entityName: 'E',
    sector: 'NGO',
    authorId: 7,
    status: 'ACTIVE',
    hidden: false,
    version: 1,
    createdAt: `2026-11-28T10:0${id}:00Z`,
    updatedAt: `2026-11-28T10:0${id}:00Z`,
    ...extra,
  }) as Post;

const snapshot: ServerMessage = {
  type: 'snapshot',
  fairId: 1,
  epoch: 'e1',
  seq: 5,
  posts: [post(1), post(2, 'REQUEST')],
  counters: { people: 3, entities: 2, offers: 1, requests: 1, contracts: 0 },
};

const ev = (seq: number, event: Record<string, unknown>): EventMessage => ({
  type: 'event',
  fairId: 1,
  seq,
  event: event as { kind: string },
});

describe('board reducer', () => {
  it('takes a snapshot', () => {
    const { state } = reduce(initialState(), snapshot);
    expect(state.seq).toBe(5);
    expect(state.epoch).toBe('e1');
    expect(visiblePosts(state, 'OFFER').map((p) => p.id)).toEqual([1]);
    expect(state.counters.people).toBe(3);
  });

  it('applies the next event and ignores duplicates', () => {
    let s = reduce(initialState(), snapshot).state;
    s = reduce(s, ev(6, { kind: 'post.created', post: post(3) })).state;
    expect(s.seq).toBe(6);
    const again = reduce(s, ev(6, { kind: 'post.created', post: post(3, 'OFFER', { title: 'dup' }) }));
    expect(again.state).toBe(s);
    expect(visiblePosts(s, 'OFFER').map((p) => p.id)).toEqual([3, 1]);
  });

  it('asks to resume once on a gap', () => {
    const s = reduce(initialState(), snapshot).state;
    const gap = reduce(s, ev(8, { kind: 'post.created', post: post(4) }));
    expect(gap.send).toEqual({ type: 'resume', epoch: 'e1', after: 5, batch: true });
    expect(gap.state.seq).toBe(5);
    const gap2 = reduce(gap.state, ev(9, { kind: 'post.created', post: post(5) }));
    expect(gap2.send).toBeUndefined();
    const replay = reduce(gap2.state, ev(6, { kind: 'post.withdrawn', postId: 1 }));
    expect(replay.state.seq).toBe(6);
    expect(replay.state.resyncing).toBe(false);
    expect(visiblePosts(replay.state, 'OFFER')).toEqual([]);
  });

  it('applies a batched catch-up event by event, skipping what it already has', () => {
    const s = reduce(initialState(), snapshot).state;
    const { state, send } = reduce(s, {
      type: 'events',
      events: [
        ev(5, { kind: 'post.created', post: post(9) }),
        ev(6, { kind: 'post.created', post: post(3) }),
        ev(7, { kind: 'post.withdrawn', postId: 1 }),
      ],
    });
    expect(send).toBeUndefined();
    expect(state.seq).toBe(7);
    expect(visiblePosts(state, 'OFFER').map((p) => p.id)).toEqual([3]);
  });

  it('resumes from what it applied when a batch has a gap', () => {
    const s = reduce(initialState(), snapshot).state;
    const { state, send } = reduce(s, {
      type: 'events',
      events: [
        ev(6, { kind: 'post.created', post: post(3) }),
        ev(8, { kind: 'post.created', post: post(4) }),
      ],
    });
    expect(state.seq).toBe(6);
    expect(send).toEqual({ type: 'resume', epoch: 'e1', after: 6, batch: true });
  });

  it('hides hidden posts and tracks the phase and counters', () => {
    let s = reduce(initialState(), snapshot).state;
    s = reduce(s, ev(6, { kind: 'post.hidden', postId: 2 })).state;
    s = reduce(s, ev(7, { kind: 'fair.phase', phase: 'LIVE' })).state;
    s = reduce(s, ev(8, { kind: 'person.joined', personId: 9 })).state;
    expect(visiblePosts(s, 'REQUEST')).toEqual([]);
    expect(s.phase).toBe('LIVE');
    expect(s.counters.people).toBe(4);
  });
});

describe('board counters and storage', () => {
  it('counts offers and requests from the posts, people present from check-ins', () => {
    let s = reduce(initialState(), snapshot).state;
    expect(s.counters).toMatchObject({ offers: 1, requests: 1, present: 0 });
    s = reduce(s, ev(6, { kind: 'post.created', post: post(3) })).state;
    s = reduce(s, ev(7, { kind: 'person.checkedIn', personId: 9, entityId: 1 })).state;
    s = reduce(s, ev(8, { kind: 'post.withdrawn', postId: 1 })).state;
    s = reduce(s, ev(9, { kind: 'post.hidden', postId: 2 })).state;
    expect(s.counters).toMatchObject({ offers: 1, requests: 0, present: 1 });
    expect(s.counters.contracts).toBe(0); // as the snapshot said; absent when the server does not count them
  });

  it('keeps no text of a hidden post', () => {
    let s = reduce(initialState(), snapshot).state;
    s = reduce(s, ev(6, { kind: 'post.hidden', postId: 1 })).state;
    expect(s.posts.get(1)).toMatchObject({ hidden: true, title: '', description: '' });
    s = reduce(s, ev(7, { kind: 'post.unhidden', post: post(1, 'OFFER', { version: 3 }) })).state;
    expect(visiblePosts(s, 'OFFER').map((p) => p.title)).toEqual(['post 1']);
  });

  it('survives a reload: the stored board resumes from its epoch and seq', () => {
    let s = reduce(initialState(), snapshot).state;
    s = reduce(s, ev(6, { kind: 'post.created', post: post(3) })).state;
    const back = deserialize(serialize(s))!;
    expect(resumeMessage(back)).toEqual({ type: 'resume', epoch: 'e1', after: 6, batch: true });
    expect(visiblePosts(back, 'OFFER').map((p) => p.id)).toEqual([3, 1]);
    expect(back.counters).toEqual(s.counters);
    expect(deserialize('{"v":2}')).toBeNull();
    expect(deserialize('not json')).toBeNull();
  });
});

describe('matches, ticks and registered contracts', () => {
  it('keeps a match notice without touching seq, once per pair', () => {
    let s = reduce(initialState(), snapshot).state;
    const m: ServerMessage = {
      type: 'match',
      seq: 9,
      postId: 1,
      postTitle: 'post 1',
      match: { postId: 2, title: 'post 2', kind: 'REQUEST', entityId: 2, entityName: 'F' },
    };
    s = reduce(s, m).state;
    s = reduce(s, m).state;
    expect(s.seq).toBe(5);
    expect(s.resyncing).toBe(false);
    expect(s.matches).toHaveLength(1);
    // The next real event is still applied in order.
    s = reduce(s, ev(6, { kind: 'post.created', post: post(3) })).state;
    expect(s.seq).toBe(6);
  });

  it('counts events per family and keeps registered contracts for the ticker', () => {
    let s = reduce(initialState(), snapshot).state;
    const star = tickOf(s, 'help');
    s = reduce(s, ev(6, { kind: 'help.requested', helpId: 1, entityId: 2 })).state;
    expect(tickOf(s, 'help')).toBe(star + 1);
    expect(tickOf(s, 'contract')).toBe(star);
    s = reduce(
      s,
      ev(7, {
        kind: 'contract.registered',
        contractId: 4,
        number: 1,
        parties: [{ name: 'Fundacja' }, { name: 'Bank' }],
        headline: 'sala ↔ promocja',
      }),
    ).state;
    expect(s.counters.contracts).toBe(1);
    expect(s.registered[0]).toMatchObject({
      number: 1,
      parties: ['Fundacja', 'Bank'],
      headline: 'sala ↔ promocja',
    });
    const back = deserialize(serialize(s));
    expect(back?.registered[0]?.number).toBe(1);
  });

  it('fills the ticker from the registered contracts a snapshot carries', () => {
    const s = reduce(initialState(), {
      ...snapshot,
      registered: [
        {
          seq: 4,
          event: { kind: 'contract.registered', contractId: 9, number: 2, parties: [], headline: 'b' },
        },
        {
          seq: 2,
          event: { kind: 'contract.registered', contractId: 8, number: 1, parties: [], headline: 'a' },
        },
      ],
    } as ServerMessage).state;
    expect(s.registered.map((r) => r.number)).toEqual([2, 1]);
  });
});
