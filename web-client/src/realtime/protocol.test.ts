import { describe, expect, it } from 'vitest';
import type { Post } from './protocol';
import { initialState, reduce, visiblePosts, type ServerMessage } from './protocol';

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

const ev = (seq: number, event: Record<string, unknown>): ServerMessage => ({
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
    expect(gap.send).toEqual({ type: 'resume', epoch: 'e1', after: 5 });
    expect(gap.state.seq).toBe(5);
    const gap2 = reduce(gap.state, ev(9, { kind: 'post.created', post: post(5) }));
    expect(gap2.send).toBeUndefined();
    const replay = reduce(gap2.state, ev(6, { kind: 'post.withdrawn', postId: 1 }));
    expect(replay.state.seq).toBe(6);
    expect(replay.state.resyncing).toBe(false);
    expect(visiblePosts(replay.state, 'OFFER')).toEqual([]);
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
