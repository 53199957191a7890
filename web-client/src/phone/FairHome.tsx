import { useEffect, useState } from 'preact/hooks';
import type { Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Page, Spinner, TopBar } from '../ui/components';
import { lazy } from '../ui/lazy';
import { Link, navigate } from '../ui/router';
import { useOnline } from '../ui/useOnline';
import { BoardFilters } from './BoardFilters';
import { BoardList } from './BoardList';
import { BoardTabs, useTab, type Tab, type TabMark } from './BoardTabs';
import { ContractRoutes } from './ContractRoutes';
import { FairHeader } from './FairHeader';
import { FairShell } from './FairShell';
import { FairToasts, useFlash, useMatchNews } from './FairToasts';
import { FailedList } from './MyPostActions';
import type { PostInput } from './outbox';
import { PostEditor } from './PostEditor';
import { PostView } from './PostView';
import { filterPosts, newestFirst, proposeUrl, type ShownPost } from './posts';
import { useContractNews } from './useContractNews';
import { useFairData } from './useFairData';

/** How long a withdrawal waits for the server before it says "saved on this phone". */
const WITHDRAW_WAIT_MS = 6000;

/** Whether the form was opened from the board (so closing it goes back in history). */
let formPushed = false;

export type FairView =
  'board' | 'new' | 'edit' | 'post' | 'contract-new' | 'contract' | 'contract-edit' | 'scan';

// The first screen is the board: the camera and the QR decoder load only when a scan starts; the
// post form, the contracts, the matches and the help button each load on first use (own chunks),
// so that a phone on slow Wi-Fi downloads only what draws the board before it shows it.
const FairScan = lazy(() => import('../scan/ScanFlows').then((m) => m.FairScan));

/** /f/:fairId (+ /new, /edit/:ref, /p/:ref, /contracts/…, /scan) — the participant's home on the phone. */
export function FairHome({ id, view = 'board', postRef }: { id: string; view?: FairView; postRef?: string }) {
  const { t } = useI18n();
  const fairId = Number(id);
  const data = useFairData(fairId, view === 'new');
  const { signedIn, fair, me, live, status, outbox, roles, all, isMine, canPost, open, categories } = data;
  const [tab, setTab] = useTab();
  const [category, setCategory] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [flash, setFlash] = useFlash();
  const [prefill, setPrefill] = useState<PostInput | null>(null);
  const matchNews = useMatchNews(live, tab === 'matches');
  const contractNews = useContractNews(
    fairId,
    live,
    data.isParticipant ? data.meInfo.entityId : undefined,
    data.connects,
  );

  // Tell the person when what waited on the phone has gone out.
  const queuedNow = outbox?.pending().length ?? 0;
  const online = useOnline();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (queuedNow > 0 && (!online || status !== 'live')) setWaited(true);
    if (queuedNow === 0 && waited) {
      setWaited(false);
      if ((outbox?.failed().length ?? 0) === 0) setFlash(t('queueSent'));
    }
  }, [queuedNow, online, status]);

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
  const propose = (mine: ApiPost | undefined, theirs: ApiPost | undefined) =>
    navigate(proposeUrl(fairId, mine, theirs));

  if (view === 'contract-new' || view === 'contract' || view === 'contract-edit') {
    return (
      <FairShell data={data}>
        <ContractRoutes fairId={fairId} view={view} contractRef={postRef} data={data} />
      </FairShell>
    );
  }
  if (view === 'scan') {
    return (
      <FairShell data={data}>{me.data ? <FairScan fairId={fairId} roles={roles} /> : <Spinner />}</FairShell>
    );
  }
  if (view === 'post') {
    return (
      <FairShell data={data}>
        <PostView fairId={fairId} postRef={postRef} data={data} onPropose={propose} />
      </FairShell>
    );
  }
  // The form (new / edit) replaces the board while it is open; the socket stays connected.
  if (view !== 'board') {
    return (
      <FairShell data={data}>
        <PostEditor
          fairId={fairId}
          isNew={view === 'new'}
          postRef={postRef}
          data={data}
          defaultKind={tab === 'requests' ? 'REQUEST' : 'OFFER'}
          category={category}
          prefill={prefill}
          onSaved={(kind, edited, message) => {
            setTab(edited ? 'mine' : kind === 'OFFER' ? 'offers' : 'requests');
            setFlash(message);
            closeForm();
          }}
          onClose={closeForm}
        />
      </FairShell>
    );
  }

  const withdraw = async (p: ShownPost) => {
    if (!outbox) return;
    const key = outbox.enqueue({ type: 'withdraw', postId: p.id });
    if (navigator.onLine === false) {
      setFlash(t('postedQueued'));
      return;
    }
    const wait = outbox.waitFor(key, WITHDRAW_WAIT_MS);
    void outbox.flush();
    const o = await wait;
    setFlash(o.kind === 'ok' ? t('withdrawnOk') : o.kind === 'queued' ? t('postedQueued') : t('failedTitle'));
  };

  const catLabel = data.catLabel;
  const visible = all.filter((p) => p.pendingChange !== 'withdraw' || !isMine(p));
  const offers = filterPosts(visible, { kind: 'OFFER', category, query, categoryLabel: catLabel });
  const requests = filterPosts(visible, { kind: 'REQUEST', category, query, categoryLabel: catLabel });
  // My hidden posts stay in "Moje", marked, so their author learns what happened to them.
  const mine = all.filter((p) => isMine(p) && p.status === 'ACTIVE').sort(newestFirst);
  const offerCount = filterPosts(visible, { kind: 'OFFER' }).length;
  const requestCount = filterPosts(visible, { kind: 'REQUEST' }).length;
  const list = tab === 'offers' ? offers : tab === 'requests' ? requests : tab === 'mine' ? mine : [];
  const total = tab === 'offers' ? offerCount : tab === 'requests' ? requestCount : mine.length;
  const mark = (x: Tab): TabMark =>
    x === 'offers'
      ? { kind: 'count', n: offerCount }
      : x === 'requests'
        ? { kind: 'count', n: requestCount }
        : x === 'mine'
          ? { kind: 'count', n: mine.length }
          : x === 'matches'
            ? { kind: 'news', n: matchNews.unseen, testId: 'matches-badge' }
            : { kind: 'news', n: contractNews.waiting, testId: 'contracts-badge' };
  const failed = outbox?.failed() ?? [];

  return (
    <FairShell data={data}>
      {fair.loading && !fair.data && <Spinner />}
      <ErrorBox error={fair.error} />
      {fair.data && (
        <>
          <FairHeader fairId={fairId} data={data} />
          <BoardTabs tab={tab} onTab={setTab} mark={mark} />
          {(tab === 'offers' || tab === 'requests') && (
            <BoardFilters
              query={query}
              onQuery={setQuery}
              category={category}
              onCategory={setCategory}
              categories={categories}
              catLabel={catLabel}
            />
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
          <BoardList
            fairId={fairId}
            tab={tab}
            list={list}
            total={total}
            data={data}
            onEdit={(p) => openForm(`${boardUrl}/edit/${p.pendingKey ? `q-${p.pendingKey}` : p.id}`)}
            onWithdraw={(p) => void withdraw(p)}
            onPropose={propose}
          />
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
      <FairToasts
        flash={flash}
        matchToast={matchNews.toast}
        proposal={contractNews.toast}
        onProposal={(contractId) => {
          contractNews.dismiss();
          navigate(`${boardUrl}/contracts/${contractId}`);
        }}
        onMatchToast={() => {
          matchNews.dismiss();
          setTab('matches');
          if (view !== 'board') navigate(boardUrl);
        }}
      />
    </FairShell>
  );
}
