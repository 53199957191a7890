import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { kept, remembered } from '../api/remembered';
import { getSession } from '../api/session';
import type { Entity, Fair as ApiFair, Me as MeView, Person, Post as ApiPost } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import type { TextKey } from '../i18n/pl';
import type { Post } from '../realtime/protocol';
import { useBoard } from '../realtime/useBoard';
import { JoinDoor } from './JoinDoor';
import { ConnBar } from '../ui/ConnBar';
import { ErrorBox, Page, Spinner, TopBar } from '../ui/components';
import { lazy } from '../ui/lazy';
import { Link, navigate } from '../ui/router';
import { useAsync } from '../ui/useAsync';
import { useOnline } from '../ui/useOnline';
import type { FailedItem, Outbox, PostInput, PostUpdate } from './outbox';
import { PostCard } from './PostCard';
import { amountText, parseAmount } from './amount';
import type { FormError, PostValues } from './PostForm';
import {
  categoryName,
  filterPosts,
  mergeConfirmed,
  newestFirst,
  proposeUrl,
  withPending,
  type Category,
  type ShownPost,
} from './posts';
import { useOutbox } from './useOutbox';
import type { Me as ContractMe } from './Contracts';
import { tickOf, type MatchMessage } from '../realtime/protocol';

type Tab = 'offers' | 'requests' | 'mine' | 'matches' | 'contracts';
const TABS: { id: Tab; label: TextKey }[] = [
  { id: 'offers', label: 'tabOffers' },
  { id: 'requests', label: 'tabRequests' },
  { id: 'mine', label: 'tabMine' },
  { id: 'matches', label: 'tabMatches' },
  { id: 'contracts', label: 'tabContracts' },
];
const TAB_KEY = 'gielda.tab';

function storedTab(): Tab {
  try {
    const v = sessionStorage.getItem(TAB_KEY);
    return TABS.some((x) => x.id === v) ? (v as Tab) : 'offers';
  } catch {
    return 'offers';
  }
}
/** How long the form waits for the server before it says "saved on this phone". */
const FORM_WAIT_MS = 6000;

/** Whether the form was opened from the board (so closing it goes back in history). */
let formPushed = false;

export type FairView =
  'board' | 'new' | 'edit' | 'post' | 'contract-new' | 'contract' | 'contract-edit' | 'scan';

// The first screen is the board: the camera and the QR decoder load only when a scan starts; the
// post form, the contracts, the matches and the help button each load on first use (own chunks),
// so that a phone on slow Wi-Fi downloads only what draws the board before it shows it.
const FairScan = lazy(() => import('../scan/ScanFlows').then((m) => m.FairScan));
const PostForm = lazy(() => import('./PostForm').then((m) => m.PostForm));
const ContractDetail = lazy(() => import('./Contracts').then((m) => m.ContractDetail));
const ContractForm = lazy(() => import('./Contracts').then((m) => m.ContractForm));
const MyContracts = lazy(() => import('./Contracts').then((m) => m.MyContracts));
const MyMatches = lazy(() => import('./Matches').then((m) => m.MyMatches));
const PostMatchList = lazy(() => import('./Matches').then((m) => m.PostMatchList));
const HelpButton = lazy(
  () => import('./HelpButton').then((m) => m.HelpButton),
  () => null,
);

/** /f/:fairId (+ /new, /edit/:ref) — the participant's home on the phone. */
export function FairHome({ id, view = 'board', postRef }: { id: string; view?: FairView; postRef?: string }) {
  const { t, tx, lang } = useI18n();
  const fairId = Number(id);
  const session = getSession('person');
  const signedIn = session !== null && session.fairId === fairId;
  const [tab, setTabState] = useState<Tab>(storedTab);
  const setTab = (x: Tab) => {
    setTabState(x);
    try {
      sessionStorage.setItem(TAB_KEY, x);
    } catch {
      /* storage unavailable */
    }
  };
  const [category, setCategory] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [flash, setFlash] = useState<{ text: string; key: number } | null>(null);
  const [prefill, setPrefill] = useState<PostInput | null>(null);

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
        ? remembered(`me.${session.personId ?? ''}`, () => unwrap(client.GET('/api/me')))
        : Promise.resolve(null as MeView | null),
    [signedIn],
    () => (signedIn ? kept<MeView>(`me.${session.personId ?? ''}`) : undefined),
  );
  const roles = me.data?.roles ?? [];
  const isAnimator = roles.includes('animator');
  const canPost = roles.includes('participant') || isAnimator;
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
    [fairId, signedIn, isAnimator, view === 'new'],
  );
  const outbox = useOutbox(
    fairId,
    signedIn ? session.personId : undefined,
    status === 'live' ? live.epoch : null,
  );

  // Tell the person when what waited on the phone has gone out.
  const queuedNow = outbox?.pending().length ?? 0;
  const online = useOnline();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (queuedNow > 0 && (!online || status !== 'live')) setWaited(true);
    if (queuedNow === 0 && waited) {
      setWaited(false);
      if ((outbox?.failed().length ?? 0) === 0) setFlash({ text: t('queueSent'), key: Date.now() });
    }
  }, [queuedNow, online, status]);

  // "Nowe dopasowanie": a toast (tap → Dopasowania) and a count on the tab until it is opened.
  const [seenMatches, setSeenMatches] = useState(0);
  const [matchToast, setMatchToast] = useState<MatchMessage | null>(null);
  const unseenMatches = Math.max(0, live.matches.length - seenMatches);
  useEffect(() => {
    const last = live.matches[live.matches.length - 1];
    if (last && live.matches.length > seenMatches) setMatchToast(last);
  }, [live.matches.length]);
  useEffect(() => {
    if (tab === 'matches') setSeenMatches(live.matches.length);
  }, [tab, live.matches.length]);
  useEffect(() => {
    if (!matchToast) return;
    const timer = setTimeout(() => setMatchToast(null), 10000);
    return () => clearTimeout(timer);
  }, [matchToast]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 5000);
    return () => clearTimeout(timer);
  }, [flash]);

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

  const queued = outbox?.pending().length ?? 0;
  const failed = outbox?.failed() ?? [];
  const phase = live.phase ?? fair.data?.phase;
  const open = phase === 'REGISTRATION' || phase === 'LIVE';
  const isMine = (p: ShownPost) =>
    !!p.pendingKey ||
    (meInfo.entityId !== undefined && p.entityId === meInfo.entityId && roles.includes('participant')) ||
    (isAnimator && p.onBehalfBy === meInfo.id);
  const visible = all.filter((p) => p.pendingChange !== 'withdraw' || !isMine(p));
  const offers = filterPosts(visible, { kind: 'OFFER', category, query, categoryLabel: catLabel });
  const requests = filterPosts(visible, { kind: 'REQUEST', category, query, categoryLabel: catLabel });
  const mine = all.filter((p) => isMine(p) && p.status === 'ACTIVE' && !p.hidden).sort(newestFirst);
  const offerCount = filterPosts(visible, { kind: 'OFFER' }).length;
  const requestCount = filterPosts(visible, { kind: 'REQUEST' }).length;

  const boardUrl = `/f/${fairId}`;
  const closeForm = () => {
    setPrefill(null);
    if (formPushed) {
      formPushed = false;
      history.back();
    } else navigate(boardUrl, { replace: true });
  };
  const openForm = (url: string) => {
    formPushed = true;
    navigate(url);
  };

  const submit = async (v: PostValues, target: EditTarget): Promise<FormError | null> => {
    if (!outbox) return { fieldErrors: {}, message: t('unknownError') };
    let key: string;
    if (target.kind === 'queued') {
      if (!outbox.replaceCreate(target.key, toInput(v)))
        return { fieldErrors: {}, message: t('cannotChangeSent') };
      key = target.key;
    } else if (target.kind === 'post') {
      key = outbox.enqueue({
        type: 'update',
        postId: target.post.id,
        body: toUpdate(v, target.post.version ?? 0),
      });
    } else {
      key = outbox.enqueue({ type: 'create', body: toInput(v) });
    }
    let outcome: Awaited<ReturnType<Outbox['waitFor']>> = { kind: 'queued' };
    if (navigator.onLine !== false && !outbox.authFailed) {
      const wait = outbox.waitFor(key, FORM_WAIT_MS);
      outbox.wakeUp();
      void outbox.flush();
      outcome = await wait;
    }
    if (outcome.kind === 'failed') {
      outbox.dismissFailed(key);
      return failureToForm(outcome.failed, t);
    }
    setTab(v.kind === 'OFFER' ? 'offers' : 'requests');
    if (target.kind === 'post' || target.kind === 'queued') setTab('mine');
    setFlash({
      text: outcome.kind === 'ok' ? t(target.kind === 'new' ? 'postedOk' : 'savedOk') : t('postedQueued'),
      key: Date.now(),
    });
    closeForm();
    return null;
  };

  const withdraw = async (p: ShownPost) => {
    if (!outbox) return;
    const key = outbox.enqueue({ type: 'withdraw', postId: p.id });
    if (navigator.onLine === false) {
      setFlash({ text: t('postedQueued'), key: Date.now() });
      return;
    }
    const wait = outbox.waitFor(key, FORM_WAIT_MS);
    void outbox.flush();
    const o = await wait;
    setFlash({
      text: o.kind === 'ok' ? t('withdrawnOk') : o.kind === 'queued' ? t('postedQueued') : t('failedTitle'),
      key: Date.now(),
    });
  };

  const propose = (mine: ApiPost | undefined, theirs: ApiPost | undefined) =>
    navigate(proposeUrl(fairId, mine, theirs));

  const myEntity =
    meInfo.entityId !== undefined ? { entityId: meInfo.entityId, entityName: meInfo.entityName ?? '' } : null;
  const categoryOptions = categories.map((c) => ({ code: c.code ?? '', label: catLabel(c.code) }));
  if (view === 'contract-new' || view === 'contract' || view === 'contract-edit') {
    const contractId = Number(postRef);
    const q = new URLSearchParams(location.search);
    const byId = (k: string) => {
      const id = Number(q.get(k));
      return Number.isFinite(id) && id > 0 ? all.find((p) => p.id === id && !p.pendingKey) : undefined;
    };
    const ready = (!me.loading || me.data) && (!fair.loading || fair.data);
    return (
      <>
        <TopBar />
        <ConnBar status={status} queued={queued} asOf={asOf} />
        <Page>
          {!ready || (view !== 'contract' && !entities.data) ? (
            <Spinner />
          ) : view === 'contract' ? (
            <ContractDetail
              key={contractId}
              fairId={fairId}
              contractId={contractId}
              board={live}
              me={myEntity}
              categoryLabel={catLabel}
            />
          ) : !myEntity || !roles.includes('participant') ? (
            <p class="error-box">{t('failedForbidden')}</p>
          ) : view === 'contract-new' ? (
            <ContractForm
              fairId={fairId}
              me={myEntity}
              entities={entities.data ?? []}
              categories={categoryOptions}
              seed={{ mine: byId('mine'), theirs: byId('theirs') }}
            />
          ) : (
            <EditContract
              fairId={fairId}
              contractId={contractId}
              me={myEntity}
              entities={entities.data ?? []}
              categories={categoryOptions}
            />
          )}
        </Page>
      </>
    );
  }

  if (view === 'scan') {
    return (
      <>
        <TopBar />
        <ConnBar status={status} queued={queued} asOf={asOf} />
        <Page>{me.data ? <FairScan fairId={fairId} roles={roles} /> : <Spinner />}</Page>
      </>
    );
  }

  if (view === 'post') {
    const post = all.find((p) => !p.pendingKey && String(p.id) === postRef);
    const own = post ? isMine(post) : false;
    return (
      <>
        <TopBar />
        <ConnBar status={status} queued={queued} asOf={asOf} />
        <Page>
          <p>
            <Link href={boardUrl}>← {t('backToBoard')}</Link>
          </p>
          {!post ? (
            hasLive || rest.data ? (
              <p class="error-box">{t('notFoundPost')}</p>
            ) : (
              <Spinner />
            )
          ) : (
            <>
              <ul class="cards">
                <PostCard post={post} categoryLabel={catLabel(post.category)} showKind>
                  {!own && canPost && open && roles.includes('participant') && (
                    <div class="post-actions">
                      <button
                        type="button"
                        class="btn btn-primary"
                        data-testid="propose-swap"
                        onClick={() => propose(undefined, post)}
                      >
                        {t('proposeSwap')}
                      </button>
                    </div>
                  )}
                </PostCard>
              </ul>
              <PostMatchList
                fairId={fairId}
                postId={post.id}
                tick={tickOf(live, 'post')}
                categoryLabel={catLabel}
                onPropose={
                  own && open && roles.includes('participant') ? (theirs) => propose(post, theirs) : undefined
                }
              />
            </>
          )}
        </Page>
      </>
    );
  }

  // The form (new / edit) replaces the board while it is open; the socket stays connected.
  if (view !== 'board') {
    const target = editTarget(view, postRef, all, outbox);
    const myEntity = entities.data?.find((e) => e.id === meInfo.entityId);
    let initial: PostValues | null = null;
    if (target.kind === 'new') {
      initial = prefill
        ? valuesOf(prefill, lang)
        : {
            kind: tab === 'requests' ? 'REQUEST' : 'OFFER',
            category: category ?? '',
            title: '',
            description: '',
            quantity: '',
            availability: '',
            town: roles.includes('participant') ? (myEntity?.town ?? '') : '',
            valuePln: '',
            hours: '',
            onBehalfOf: forPerson(),
          };
    } else if (target.kind === 'queued' && target.body) initial = valuesOf(target.body, lang);
    else if (target.kind === 'post') initial = valuesOf(target.post as PostInput, lang);
    return (
      <>
        <TopBar />
        <ConnBar status={status} queued={queued} asOf={asOf} />
        <Page>
          {(fair.loading && !fair.data) || (me.loading && !me.data) ? (
            <Spinner />
          ) : !initial || !canPost ? (
            <>
              <p class="error-box">{t('notFoundPost')}</p>
              <Link class="btn btn-primary btn-block" href={boardUrl}>
                {t('backToBoard')}
              </Link>
            </>
          ) : (
            <PostForm
              key={postRef ?? 'new'}
              mode={target.kind === 'new' ? 'new' : 'edit'}
              initial={initial}
              categories={categories}
              people={isAnimator ? (people.data ?? []) : undefined}
              selfAllowed={roles.includes('participant')}
              onSubmit={(v) => submit(v, target)}
              onCancel={closeForm}
            />
          )}
        </Page>
      </>
    );
  }

  // WAI-ARIA tabs: arrows, Home and End move between the tabs and select them.
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = TABS[to]!.id;
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };

  const list = tab === 'offers' ? offers : tab === 'requests' ? requests : tab === 'mine' ? mine : [];
  const tabCount = (x: Tab) =>
    x === 'offers' ? offerCount : x === 'requests' ? requestCount : x === 'mine' ? mine.length : null;
  const total = tab === 'offers' ? offerCount : tab === 'requests' ? requestCount : mine.length;
  const empty: TextKey =
    total > 0
      ? 'noMatches'
      : tab === 'offers'
        ? 'boardEmptyOffers'
        : tab === 'requests'
          ? 'boardEmptyRequests'
          : 'boardEmptyMine';

  return (
    <>
      <TopBar />
      <ConnBar status={status} queued={queued} asOf={asOf} />
      <Page>
        {fair.loading && !fair.data && <Spinner />}
        <ErrorBox error={fair.error} />
        {fair.data && (
          <>
            <section class="fair-head">
              <h1 data-testid="fair-name">{fair.data.name}</h1>
              <span class={`badge phase-${phase}`} data-testid="fair-phase">
                {tx(`phase_${phase}`, phase)}
              </span>
              <Link
                class="btn btn-small-light"
                href={`${boardUrl}/scan`}
                data-testid="scan"
                aria-label={t('scanLabel')}
              >
                {t('scan')}
              </Link>
              {roles.some((r) => r === 'notary' || r === 'animator') && (
                <Link class="btn btn-small-light" href="/notary" data-testid="to-moderation">
                  {t('consoleTitle')}
                </Link>
              )}
              {roles.includes('participant') && session.personId !== undefined && (
                <HelpButton fairId={fairId} personId={session.personId} board={live} />
              )}
            </section>
            <JoinDoor fairId={fairId} board={live} me={me.data} />
            <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onTabKey}>
              {TABS.map((x) => (
                <button
                  key={x.id}
                  id={`tab-${x.id}`}
                  type="button"
                  role="tab"
                  aria-selected={tab === x.id}
                  aria-controls="tabpanel"
                  tabIndex={tab === x.id ? 0 : -1}
                  class={tab === x.id ? 'tab tab-active' : 'tab'}
                  onClick={() => setTab(x.id)}
                >
                  {t(x.label)}
                  {x.id === 'matches'
                    ? unseenMatches > 0 && (
                        <span class="tab-badge" data-testid="matches-badge">
                          {unseenMatches}
                        </span>
                      )
                    : tabCount(x.id) !== null && <span class="tab-count">{tabCount(x.id)}</span>}
                </button>
              ))}
            </div>
            {(tab === 'offers' || tab === 'requests') && (
              <div class="filters">
                <input
                  type="search"
                  class="search"
                  data-testid="search"
                  aria-label={t('searchLabel')}
                  placeholder={t('searchPlaceholder')}
                  autoComplete="off"
                  value={query}
                  onInput={(e) => setQuery(e.currentTarget.value)}
                />
                <div class="chips chips-scroll" role="group" aria-label={t('categoriesLabel')}>
                  <button
                    type="button"
                    class={category === null ? 'chip chip-on' : 'chip'}
                    aria-pressed={category === null}
                    onClick={() => setCategory(null)}
                  >
                    {t('allCategories')}
                  </button>
                  {categories.map((c) => (
                    <button
                      key={c.code}
                      type="button"
                      class={category === c.code ? 'chip chip-on' : 'chip'}
                      aria-pressed={category === c.code}
                      onClick={() => setCategory(category === c.code ? null : (c.code ?? null))}
                    >
                      {catLabel(c.code ?? '')}
                    </button>
                  ))}
                </div>
              </div>
            )}
            {tab === 'mine' && failed.length > 0 && (
              <FailedList
                failed={failed}
                onDismiss={(k) => outbox?.dismissFailed(k)}
                onFix={(f) => {
                  if (f.item.action.type !== 'create') return;
                  setPrefill(f.item.action.body);
                  outbox?.dismissFailed(f.item.key);
                  openForm(`${boardUrl}/new`);
                }}
              />
            )}
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
                    onPropose={propose}
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
                  {list.map((p) => (
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
                          onEdit={() =>
                            openForm(`${boardUrl}/edit/${p.pendingKey ? `q-${p.pendingKey}` : p.id}`)
                          }
                          onCancel={() => p.pendingKey && outbox?.cancel(p.pendingKey)}
                          onWithdraw={() => void withdraw(p)}
                        />
                      )}
                    </PostCard>
                  ))}
                </ul>
              )}
            </section>
            {canPost && open && (
              <button
                type="button"
                class="fab"
                data-testid="add-post"
                aria-label={t('addPostLabel')}
                onClick={() => openForm(`${boardUrl}/new`)}
              >
                <span aria-hidden="true">+</span> {t('addPost')}
              </button>
            )}
          </>
        )}
        {flash && (
          <p class="toast" role="status" data-testid="toast" key={flash.key}>
            {flash.text}
          </p>
        )}
        {matchToast && !flash && (
          <button
            type="button"
            class="toast toast-match"
            role="status"
            data-testid="match-toast"
            onClick={() => {
              setMatchToast(null);
              setTab('matches');
              if (view !== 'board') navigate(boardUrl);
            }}
          >
            {t('newMatchToast', { title: matchToast.match.title ?? '' })}
            <span class="toast-action">{t('newMatchOpen')} →</span>
          </button>
        )}
      </Page>
    </>
  );
}

function MyActions({
  post,
  onEdit,
  onCancel,
  onWithdraw,
}: {
  post: ShownPost;
  onEdit: () => void;
  onCancel: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (post.pendingChange === 'withdraw' || (post.pendingKey && post.pendingSent)) return null;
  if (post.pendingKey) {
    return (
      <div class="post-actions">
        <button type="button" class="btn" onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancelQueued')}
        </button>
      </div>
    );
  }
  return (
    <div class="post-actions">
      {confirming ? (
        <>
          <span class="confirm-text">{t('withdrawConfirm')}</span>
          <button type="button" class="btn btn-danger" onClick={onWithdraw} data-testid="withdraw-yes">
            {t('withdrawYes')}
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <>
          <button type="button" class="btn" onClick={onEdit} data-testid="edit">
            {t('edit')}
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(true)} data-testid="withdraw">
            {t('withdraw')}
          </button>
        </>
      )}
    </div>
  );
}

function FailedList({
  failed,
  onDismiss,
  onFix,
}: {
  failed: readonly FailedItem[];
  onDismiss: (key: string) => void;
  onFix: (f: FailedItem) => void;
}) {
  const { t } = useI18n();
  return (
    <section class="failed" data-testid="failed">
      <h2>{t('failedTitle')}</h2>
      <ul class="cards">
        {failed.map((f) => {
          const a = f.item.action;
          const title = a.type === 'create' || a.type === 'update' ? a.body.title : `#${a.postId}`;
          return (
            <li key={f.item.key} class="post post-failed">
              <strong class="post-title">{title}</strong>
              <p class="field-error">{failureToForm(f, t).message}</p>
              <div class="post-actions">
                {a.type === 'create' && (
                  <button type="button" class="btn btn-primary" onClick={() => onFix(f)}>
                    {t('fixAndSend')}
                  </button>
                )}
                <button type="button" class="btn" onClick={() => onDismiss(f.item.key)}>
                  {t('dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type EditTarget =
  | { kind: 'new' }
  | { kind: 'queued'; key: string; body: PostInput | null }
  | { kind: 'post'; post: ShownPost }
  | { kind: 'missing' };

function editTarget(
  view: FairView,
  ref: string | undefined,
  all: ShownPost[],
  outbox: Outbox | null,
): EditTarget {
  if (view === 'new') return { kind: 'new' };
  if (!ref) return { kind: 'missing' };
  if (ref.startsWith('q-')) {
    const key = ref.slice(2);
    const item = outbox?.pending().find((i) => i.key === key);
    return item && item.action.type === 'create' && !item.sent
      ? { kind: 'queued', key, body: item.action.body }
      : { kind: 'missing' };
  }
  const post = all.find((p) => !p.pendingKey && String(p.id) === ref);
  return post && post.status === 'ACTIVE' && !post.hidden && post.pendingChange !== 'withdraw'
    ? { kind: 'post', post }
    : { kind: 'missing' };
}

function restPosts(posts: ApiPost[] | undefined): Map<number, Post> {
  const m = new Map<number, Post>();
  for (const p of posts ?? []) if (typeof p.id === 'number') m.set(p.id, p as Post);
  return m;
}

function valuesOf(p: Partial<PostInput>, lang: Lang): PostValues {
  return {
    kind: p.kind ?? 'OFFER',
    category: p.category ?? '',
    title: p.title ?? '',
    description: p.description ?? '',
    quantity: p.quantity ?? '',
    availability: p.availability ?? '',
    town: p.town ?? '',
    valuePln: amountText(p.valuePln, lang),
    hours: amountText(p.hours, lang),
    onBehalfOf: p.onBehalfOf ?? null,
  };
}

function toInput(v: PostValues): PostInput {
  const body: PostInput = { kind: v.kind, category: v.category, title: v.title.trim() };
  const opt = (s: string) => s.trim() || undefined;
  if (opt(v.description)) body.description = v.description.trim();
  if (opt(v.quantity)) body.quantity = v.quantity.trim();
  if (opt(v.availability)) body.availability = v.availability.trim();
  if (opt(v.town)) body.town = v.town.trim();
  const value = parseAmount(v.valuePln);
  const hours = parseAmount(v.hours);
  if (value !== undefined) body.valuePln = value;
  if (hours !== undefined) body.hours = hours;
  if (v.onBehalfOf !== null) body.onBehalfOf = v.onBehalfOf;
  return body;
}

function toUpdate(v: PostValues, version: number): PostUpdate {
  const i = toInput(v);
  return {
    category: i.category,
    title: i.title,
    description: i.description ?? '',
    quantity: i.quantity ?? '',
    availability: i.availability ?? '',
    town: i.town ?? '',
    valuePln: i.valuePln,
    hours: i.hours,
    version,
  };
}

function failureToForm(f: FailedItem, t: (k: TextKey) => string): FormError {
  let message: string;
  if (f.status === 409 && f.item.action.type === 'update') message = t('failedStale');
  else if (f.status === 403) message = t('failedForbidden');
  else if (f.status === 409) message = t('failedClosed');
  else message = f.detail && f.detail !== f.title ? `${f.title}: ${f.detail}` : f.title;
  return { message, fieldErrors: f.fieldErrors };
}

/** Loads a contract and opens the form on it (a change clears the signatures). */
function EditContract({
  fairId,
  contractId,
  me,
  entities,
  categories,
}: {
  fairId: number;
  contractId: number;
  me: ContractMe;
  entities: Entity[];
  categories: { code: string; label: string }[];
}) {
  const c = useAsync(
    () =>
      unwrap(
        api('person').GET('/api/fairs/{fairId}/contracts/{contractId}', {
          params: { path: { fairId, contractId } },
        }),
      ),
    [fairId, contractId],
  );
  if (!c.data) return c.error ? <ErrorBox error={c.error} /> : <Spinner />;
  return (
    <ContractForm
      fairId={fairId}
      me={me}
      entities={entities}
      categories={categories}
      seed={{}}
      editing={c.data}
    />
  );
}

/** The help desk scanned a badge: the new post is on behalf of its owner (`?for=<personId>`). */
function forPerson(): number | null {
  const id = Number(new URLSearchParams(location.search).get('for'));
  return Number.isInteger(id) && id > 0 ? id : null;
}
