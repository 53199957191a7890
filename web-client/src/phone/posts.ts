/** Board lists as a phone shows them: live posts, our own answers, and what still waits in the outbox. */
import type { Fair, Post as ApiPost } from '../api/types';
import type { Lang } from '../i18n';
import type { Post } from '../realtime/protocol';
import { matchesQuery, queryTerms } from '../ui/search';
import type { OutboxItem, PostInput } from './outbox';

export type Category = NonNullable<Fair['categories']>[number];

/** A post on a phone's list: a real one, or one that waits in the outbox (`pendingKey`). */
export type ShownPost = Post & {
  pendingKey?: string;
  /** An edit or withdrawal of this post waits in the outbox. */
  pendingChange?: 'update' | 'withdraw';
  /** The queued action already went out once (it may not be changed any more). */
  pendingSent?: boolean;
};

export function categoryName(
  categories: readonly Category[] | undefined,
  code: string | undefined,
  lang: Lang,
): string {
  const c = categories?.find((x) => x.code === code);
  if (!c) return code ?? '';
  return (lang === 'pl' ? c.namePl : c.nameEn) ?? c.namePl ?? c.code ?? '';
}

/** Board posts, with answers to our own writes where the board has not caught up yet. */
export function mergeConfirmed(
  board: ReadonlyMap<number, Post>,
  confirmed: ReadonlyMap<number, Post>,
): Map<number, Post> {
  const m = new Map(board);
  for (const [id, p] of confirmed) {
    const cur = m.get(id);
    if (cur?.hidden) continue; // a moderator's decision wins
    if (!cur || (cur.version ?? 0) < (p.version ?? 0)) m.set(id, p);
  }
  return m;
}

export interface Me {
  id: number;
  entityId?: number;
  entityName?: string;
  sector?: string;
}

/** Applies queued actions to the posts: new ones first, edits shown as edited, withdrawals marked. */
export function withPending(
  posts: Iterable<Post>,
  pending: readonly OutboxItem[],
  me: Me,
  fairId: number,
): ShownPost[] {
  const updates = new Map<number, OutboxItem>();
  const withdrawals = new Map<number, OutboxItem>();
  const creates: ShownPost[] = [];
  pending.forEach((item, i) => {
    const a = item.action;
    if (a.type === 'update') updates.set(a.postId, item);
    else if (a.type === 'withdraw') withdrawals.set(a.postId, item);
    else creates.push(pendingPost(a.body, item, me, fairId, -(i + 1)));
  });
  const out: ShownPost[] = [];
  for (const p of posts) {
    const w = withdrawals.get(p.id);
    const u = updates.get(p.id);
    if (w) out.push({ ...p, pendingChange: 'withdraw', pendingSent: w.sent });
    else if (u && u.action.type === 'update') {
      out.push({ ...p, ...stripVersion(u.action.body), pendingChange: 'update', pendingSent: u.sent });
    } else out.push(p);
  }
  return [...creates.reverse(), ...out];
}

function stripVersion<T extends { version?: number }>(b: T): Omit<T, 'version'> {
  const rest: Partial<T> = { ...b };
  delete rest.version;
  return rest as Omit<T, 'version'>;
}

function pendingPost(body: PostInput, item: OutboxItem, me: Me, fairId: number, id: number): ShownPost {
  return {
    ...body,
    id,
    fairId,
    entityId: me.entityId,
    entityName: me.entityName,
    sector: me.sector as Post['sector'],
    authorId: body.onBehalfOf ?? me.id,
    status: 'ACTIVE',
    hidden: false,
    version: 0,
    createdAt: item.queuedAt,
    pendingKey: item.key,
    pendingSent: item.sent,
  } as ShownPost;
}

/** Active, visible posts (newest first), of one kind, in one category, matching the search. */
export function filterPosts(
  posts: readonly ShownPost[],
  opts: {
    kind?: Post['kind'];
    category?: string | null;
    query?: string;
    categoryLabel?: (code: string) => string;
  },
): ShownPost[] {
  const terms = queryTerms(opts.query ?? '');
  return posts
    .filter(
      (p) =>
        p.status === 'ACTIVE' &&
        !p.hidden &&
        (!opts.kind || p.kind === opts.kind) &&
        (!opts.category || p.category === opts.category) &&
        matchesQuery(terms, [
          p.title,
          p.description,
          p.entityName,
          p.town,
          p.quantity,
          p.availability,
          opts.categoryLabel && p.category ? opts.categoryLabel(p.category) : p.category,
        ]),
    )
    .sort(newestFirst);
}

export function newestFirst(a: ShownPost, b: ShownPost): number {
  if (!!a.pendingKey !== !!b.pendingKey) return a.pendingKey ? -1 : 1;
  return (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id;
}

/** Where "Zaproponuj kontrakt" leads: the contract form, pre-filled from my post and the match. */
export function proposeUrl(fairId: number, mine: ApiPost | undefined, theirs: ApiPost | undefined): string {
  const q = new URLSearchParams();
  if (mine?.id !== undefined) q.set('mine', String(mine.id));
  if (theirs?.id !== undefined) q.set('theirs', String(theirs.id));
  return `/f/${fairId}/contracts/new?${q.toString()}`;
}
