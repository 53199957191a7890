import type { Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import type { TextKey } from '../i18n/pl';
import { tickOf } from '../realtime/protocol';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import type { Tab } from './BoardTabs';
import { MyActions } from './MyPostActions';
import { PostCard } from './PostCard';
import type { ShownPost } from './posts';
import type { FairData } from './useFairData';

const MyContracts = lazy(() => import('./MyContracts').then((m) => m.MyContracts));
const MyMatches = lazy(() => import('./Matches').then((m) => m.MyMatches));

/** The open tab's panel: posts as cards, my matches, or my contracts. */
export function BoardList({
  fairId,
  tab,
  list,
  total,
  data,
  onEdit,
  onWithdraw,
  onPropose,
}: {
  fairId: number;
  tab: Tab;
  list: ShownPost[];
  /** How many posts the tab has before the search and the chips. */
  total: number;
  data: FairData;
  onEdit: (p: ShownPost) => void;
  onWithdraw: (p: ShownPost) => void;
  onPropose: (mine: ApiPost | undefined, theirs: ApiPost | undefined) => void;
}) {
  const { t } = useI18n();
  const { roles, open, live, connects, hasLive, rest, outbox, catLabel } = data;
  const boardUrl = `/f/${fairId}`;
  const empty: TextKey =
    total > 0
      ? 'noMatches'
      : tab === 'offers'
        ? 'boardEmptyOffers'
        : tab === 'requests'
          ? 'boardEmptyRequests'
          : 'boardEmptyMine';
  return (
    <section
      role="tabpanel"
      id="tabpanel"
      aria-labelledby={`tab-${tab}`}
      class="board"
      data-testid={`board-${tab}`}
    >
      {tab === 'contracts' ? (
        <>
          {roles.includes('participant') && open && (
            <Link
              class="btn btn-primary btn-block"
              href={`${boardUrl}/contracts/new`}
              data-testid="new-contract"
            >
              {t('newContract')}
            </Link>
          )}
          <MyContracts fairId={fairId} tick={tickOf(live, 'contract') + connects} />
        </>
      ) : tab === 'matches' ? (
        roles.includes('participant') ? (
          <MyMatches
            fairId={fairId}
            tick={tickOf(live, 'post') + live.matches.length}
            categoryLabel={catLabel}
            onPropose={onPropose}
          />
        ) : (
          <p class="muted center empty">{t('matchesEmpty')}</p>
        )
      ) : list.length === 0 ? (
        <p class="muted center empty">
          {hasLive || rest.data ? t(empty) : rest.error ? t('networkError') : t('loading')}
        </p>
      ) : (
        <ul class="cards">
          {list.map((p) =>
            p.hidden ? (
              <li key={p.id} class="post post-hidden-mine" data-testid="post-hidden-mine">
                <p class="field-error">{t('postHiddenMine')}</p>
                <Link href={`${boardUrl}/p/${p.id}`}>{t('postHiddenSee')} →</Link>
              </li>
            ) : (
              <PostCard
                key={p.pendingKey ?? p.id}
                post={p}
                categoryLabel={catLabel(p.category ?? '')}
                showKind={tab === 'mine'}
                href={p.pendingKey ? undefined : `${boardUrl}/p/${p.id}`}
              >
                {tab === 'mine' && (
                  <MyActions
                    post={p}
                    onEdit={() => onEdit(p)}
                    onCancel={() => p.pendingKey && outbox?.cancel(p.pendingKey)}
                    onWithdraw={() => onWithdraw(p)}
                  />
                )}
              </PostCard>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
