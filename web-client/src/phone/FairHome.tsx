import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { getSession } from '../api/session';
import type { Post as ApiPost } from '../api/types';
import type { Post } from '../realtime/protocol';
import { useI18n } from '../i18n';
import { visiblePosts, type BoardState } from '../realtime/protocol';
import { useBoard } from '../realtime/useBoard';
import { ErrorBox, Page, Spinner, TopBar } from '../ui/components';
import { Link } from '../ui/router';
import { formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';

type Tab = 'offers' | 'requests' | 'mine';
const TABS: { id: Tab; label: 'tabOffers' | 'tabRequests' | 'tabMine' }[] = [
  { id: 'offers', label: 'tabOffers' },
  { id: 'requests', label: 'tabRequests' },
  { id: 'mine', label: 'tabMine' },
];

/** /f/:fairId — the participant's home on the phone. */
export function FairHome({ id }: { id: string }) {
  const { t, tx, lang } = useI18n();
  const fairId = Number(id);
  const session = getSession('person');
  const signedIn = session !== null;
  const [tab, setTab] = useState<Tab>('offers');
  const fair = useAsync(
    () =>
      signedIn
        ? unwrap(api('person').GET('/api/fairs/{fairId}', { params: { path: { fairId } } }))
        : Promise.reject(new Error('no session')),
    [fairId, signedIn],
  );
  const { board: live, status } = useBoard(fairId, 'person', signedIn && fair.data !== undefined);
  // Until the WebSocket has caught up (or if it cannot connect), show the posts loaded over REST.
  const rest = useAsync(
    () =>
      signedIn
        ? unwrap(api('person').GET('/api/fairs/{fairId}/posts', { params: { path: { fairId } } }))
        : Promise.resolve([]),
    [fairId, signedIn],
  );
  const board = live.caughtUp ? live : withPosts(live, rest.data);

  if (!signedIn) {
    return (
      <>
        <TopBar />
        <Page>
          <p class="error-box">{t('sessionExpired')}</p>
          <Link class="btn btn-primary btn-block" href="/join">
            {t('joinTitle')}
          </Link>
        </Page>
      </>
    );
  }

  const phase = board.phase ?? fair.data?.phase;
  const connLabel = status === 'live' ? t('live') : status === 'offline' ? t('offline') : t('reconnecting');
  const offers = visiblePosts(board, 'OFFER');
  const requests = visiblePosts(board, 'REQUEST');
  const mine = visiblePosts(board).filter((p) => p.authorId === session.personId);
  const list = tab === 'offers' ? offers : tab === 'requests' ? requests : mine;
  const empty =
    tab === 'offers' ? 'boardEmptyOffers' : tab === 'requests' ? 'boardEmptyRequests' : 'boardEmptyMine';

  return (
    <>
      <TopBar>
        <span class={`conn conn-${status}`} data-testid="conn" aria-live="polite" title={connLabel}>
          <span class="conn-dot" aria-hidden="true">
            ●
          </span>
          <span class="conn-text">{connLabel}</span>
        </span>
      </TopBar>
      <Page>
        {fair.loading && !fair.data && <Spinner />}
        <ErrorBox error={fair.error} />
        {fair.data && (
          <>
            <section class="fair-head">
              <h1 data-testid="fair-name">{fair.data.name}</h1>
              <p class="muted">
                {fair.data.venue} · {formatDateTime(fair.data.startsAt, lang, fair.data.timeZone)}
              </p>
              <span class={`badge phase-${phase}`} data-testid="fair-phase">
                {tx(`phase_${phase}`, phase)}
              </span>
            </section>
            <nav class="tabs" role="tablist">
              {TABS.map((x) => (
                <button
                  key={x.id}
                  type="button"
                  role="tab"
                  aria-selected={tab === x.id}
                  class={tab === x.id ? 'tab tab-active' : 'tab'}
                  onClick={() => setTab(x.id)}
                >
                  {t(x.label)}
                  <span class="tab-count">
                    {x.id === 'offers' ? offers.length : x.id === 'requests' ? requests.length : mine.length}
                  </span>
                </button>
              ))}
            </nav>
            <section role="tabpanel" class="board">
              {list.length === 0 ? (
                <p class="muted center">{board.caughtUp || rest.data ? t(empty) : t('boardSoon')}</p>
              ) : (
                <ul class="cards">
                  {list.map((p) => (
                    <PostCard key={p.id} post={p} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Page>
    </>
  );
}

function withPosts(s: BoardState, posts: ApiPost[] | undefined): BoardState {
  if (!posts) return s;
  const m = new Map<number, Post>();
  for (const p of posts) if (typeof p.id === 'number') m.set(p.id, p as Post);
  return { ...s, posts: m };
}

function PostCard({ post }: { post: Post }) {
  const { tx } = useI18n();
  return (
    <li class={`post post-${post.kind}`}>
      <span class="post-cat">{tx(`cat_${post.category}`, post.category)}</span>
      <strong class="post-title">{post.title}</strong>
      {post.description && <p class="post-desc">{post.description}</p>}
      <span class="muted">
        {post.entityName} · {tx(`sector_${post.sector}`, post.sector)}
      </span>
    </li>
  );
}
