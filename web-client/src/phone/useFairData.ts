import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { kept, remembered } from '../api/remembered';
import { getSession } from '../api/session';
import type { Fair as ApiFair, Me as MeView, Person, Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import type { Post } from '../realtime/protocol';
import { useBoard } from '../realtime/useBoard';
import { useAsync } from '../ui/useAsync';
import { categoryName, mergeConfirmed, withPending, type Category, type ShownPost } from './posts';
import { useOutbox } from './useOutbox';

/**
 * Everything the phone's fair screens read: the fair, who I am, the live board (or the posts over
 * REST until it connects), entities and people for the forms, and the outbox of queued writes.
 */
export function useFairData(fairId: number, wantsPeople: boolean) {
  const { lang } = useI18n();
  const session = getSession('person');
  const signedIn = session !== null && session.fairId === fairId;
  const personKey = session?.personId ?? '';
  const client = api('person');
  // Fair and "me" are kept on the phone too: reopened without Wi-Fi, it still shows its board.
  const fair = useAsync(
    () =>
      signedIn
        ? remembered(`fair.${fairId}`, () =>
            unwrap(client.GET('/api/fairs/{fairId}', { params: { path: { fairId } } })),
          )
        : Promise.reject(new Error('no session')),
    [fairId, signedIn],
    () => (signedIn ? kept<ApiFair>(`fair.${fairId}`) : undefined),
  );
  const me = useAsync(
    () =>
      signedIn
        ? remembered(`me.${personKey}`, () => unwrap(client.GET('/api/me')))
        : Promise.resolve(null as MeView | null),
    [signedIn],
    () => (signedIn ? kept<MeView>(`me.${personKey}`) : undefined),
  );
  const roles = me.data?.roles ?? [];
  const isAnimator = roles.includes('animator');
  const isParticipant = roles.includes('participant');
  const canPost = isParticipant || isAnimator;
  const { board: live, status, asOf } = useBoard(fairId, 'person', signedIn);
  // How many times the board has (re)connected: lists read over REST refetch when it comes back,
  // even if nothing of theirs changed meanwhile (a list opened offline showed only an error).
  const [connects, setConnects] = useState(0);
  useEffect(() => {
    if (status === 'live') setConnects((n) => n + 1);
  }, [status]);
  const hasLive = live.epoch !== null;
  // Until the WebSocket has a board (or if it cannot connect), show the posts loaded over REST.
  const rest = useAsync(
    () =>
      signedIn && !hasLive
        ? unwrap(client.GET('/api/fairs/{fairId}/posts', { params: { path: { fairId } } }))
        : Promise.resolve(undefined as ApiPost[] | undefined),
    [fairId, signedIn, hasLive],
  );
  // Loaded up front (small), so the form opens at once even when the Wi-Fi has just dropped.
  const entities = useAsync(
    () =>
      signedIn && canPost
        ? remembered(`entities.${fairId}`, () =>
            unwrap(client.GET('/api/fairs/{fairId}/entities', { params: { path: { fairId } } })),
          )
        : Promise.resolve(undefined),
    [fairId, signedIn, canPost],
  );
  const people = useAsync(
    () =>
      signedIn && isAnimator
        ? unwrap(client.GET('/api/fairs/{fairId}/people', { params: { path: { fairId } } }))
        : Promise.resolve(undefined as Person[] | undefined),
    [fairId, signedIn, isAnimator, wantsPeople],
  );
  const outbox = useOutbox(
    fairId,
    signedIn ? session.personId : undefined,
    status === 'live' ? live.epoch : null,
  );

  const categories: Category[] = fair.data?.categories ?? [];
  const catLabel = (code: string | undefined) => categoryName(categories, code ?? '', lang);
  const meInfo = {
    id: me.data?.id ?? session?.personId ?? -1,
    entityId: me.data?.entity?.id,
    entityName: me.data?.entity?.name,
    sector: me.data?.entity?.sector,
  };
  // Recomputed on every render: the outbox changes in place and the lists are small.
  const base: ReadonlyMap<number, Post> = hasLive ? live.posts : restPosts(rest.data);
  const merged = outbox ? mergeConfirmed(base, outbox.confirmed) : new Map(base);
  const all: ShownPost[] = withPending(merged.values(), outbox?.pending() ?? [], meInfo, fairId);
  const phase = live.phase ?? fair.data?.phase;
  const open = phase === 'REGISTRATION' || phase === 'LIVE';
  const isMine = (p: ShownPost) =>
    !!p.pendingKey ||
    (meInfo.entityId !== undefined && p.entityId === meInfo.entityId && isParticipant) ||
    (isAnimator && p.onBehalfBy === meInfo.id);

  return {
    session,
    signedIn,
    fair,
    me,
    roles,
    isAnimator,
    isParticipant,
    canPost,
    live,
    status,
    asOf,
    connects,
    hasLive,
    rest,
    entities,
    people,
    outbox,
    categories,
    catLabel,
    meInfo,
    all,
    phase,
    open,
    isMine,
  };
}

export type FairData = ReturnType<typeof useFairData>;

function restPosts(posts: ApiPost[] | undefined): Map<number, Post> {
  const m = new Map<number, Post>();
  for (const p of posts ?? []) if (typeof p.id === 'number') m.set(p.id, p as Post);
  return m;
}
