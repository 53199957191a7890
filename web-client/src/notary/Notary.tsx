import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { getSession } from '../api/session';
import type { Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import type { Post } from '../realtime/protocol';
import { useBoard } from '../realtime/useBoard';
import { categoryName, newestFirst } from '../phone/posts';
import { ConnBar } from '../ui/ConnBar';
import { ErrorBox, Page, Spinner, TopBar } from '../ui/components';
import { Link } from '../ui/router';
import { matchesQuery, queryTerms, useLexicon } from '../ui/search';
import { useAsync } from '../ui/useAsync';
import { tickOf } from '../realtime/protocol';
import { ContractQueue, PaperForm } from './ContractQueue';
import { Deals } from './Deals';
import { DeskPhones } from './DeskPhones';
import { HelpQueue } from './HelpQueue';
import { JoinRequests } from '../phone/JoinDoor';
import { NewEntities } from './NewEntities';

/**
 * Moderators' view of the board: the live posts plus the hidden ones (the board socket never
 * carries hidden text, so those come from REST and from our own answers).
 */
export function moderatorPosts(board: ReadonlyMap<number, Post>, known: ReadonlyMap<number, Post>): Post[] {
  const out = new Map<number, Post>();
  for (const [id, r] of known) out.set(id, r);
  for (const [id, p] of board) {
    const r = known.get(id);
    if (r && (r.version ?? 0) > (p.version ?? 0)) continue;
    // A hidden post on the board is a tombstone without text: keep the text we know.
    out.set(id, p.hidden && r ? { ...r, hidden: true, version: p.version } : p);
  }
  return [...out.values()].filter((p) => p.status === 'ACTIVE' && (p.title || !p.hidden));
}

/** /notary — hide abusive posts (with a reason) and restore them. Contracts come later. */
export function Notary() {
  const { t, tx, lang } = useI18n();
  const session = getSession('person');
  const fairId = session?.fairId ?? NaN;
  const client = api('person');
  const me = useAsync(
    () => (session ? unwrap(client.GET('/api/me')) : Promise.resolve(null)),
    [session?.token],
  );
  const roles = me.data?.roles ?? [];
  const allowed = roles.some((r) => r === 'notary' || r === 'organiser' || r === 'animator');
  const moderator = roles.some((r) => r === 'notary' || r === 'organiser');
  const broker = roles.some((r) => r === 'notary' || r === 'animator');
  const fair = useAsync(
    () =>
      allowed
        ? unwrap(client.GET('/api/fairs/{fairId}', { params: { path: { fairId } } }))
        : Promise.resolve(undefined),
    [fairId, allowed],
  );
  const { board, status } = useBoard(fairId, 'person', allowed);
  const [known, setKnown] = useState<Map<number, Post>>(new Map());
  const rest = useAsync(async () => {
    if (!moderator) return undefined;
    const list = await unwrap(client.GET('/api/fairs/{fairId}/posts', { params: { path: { fairId } } }));
    setKnown(toMap(list));
    return list;
  }, [fairId, moderator]);
  const [filter, setFilter] = useState<'all' | 'hidden'>('all');
  const [query, setQuery] = useState('');
  useLexicon(query.trim() !== '');

  if (!session || (me.data && !allowed)) {
    return (
      <>
        <TopBar />
        <Page>
          <p class="error-box">{t('modNotNotary')}</p>
        </Page>
      </>
    );
  }

  const remember = (p: ApiPost) => setKnown((m) => new Map(m).set(p.id!, p as Post));
  const categories = fair.data?.categories ?? [];
  const terms = queryTerms(query);
  const all = moderatorPosts(board.posts, known).sort(newestFirst);
  const hiddenCount = all.filter((p) => p.hidden).length;
  const list = all.filter(
    (p) =>
      (filter === 'all' || p.hidden) &&
      matchesQuery(terms, [
        p.title,
        p.description,
        p.entityName,
        p.town,
        categoryName(categories, p.category, lang),
      ]),
  );

  return (
    <>
      <TopBar />
      <ConnBar status={status} />
      <Page wide>
        <p class="console-links">
          <Link href={`/f/${fairId}`}>← {t('backToBoard')}</Link>
          {/* The help desk scans a badge (a post on its owner's behalf) or a contract's QR. */}
          <Link class="btn btn-small-light" href={`/f/${fairId}/scan`} data-testid="console-scan">
            {t('scan')}
          </Link>
        </p>
        <h1>{moderator ? t('consoleTitle') : t('helpDeskTitle')}</h1>
        {moderator && fair.data && (
          <div class="console-grid console-grid-contracts">
            <ContractQueue
              fairId={fairId}
              tick={tickOf(board, 'contract', 'entity')}
              categoryLabel={(c) => categoryName(categories, c, lang)}
            />
            <PaperForm
              fairId={fairId}
              categories={categories.map((c) => ({
                code: c.code ?? '',
                label: categoryName(categories, c.code, lang),
              }))}
            />
          </div>
        )}
        {(roles.includes('animator') || roles.includes('organiser')) && (
          <div class="console-grid" data-testid="desk-joins">
            <JoinRequests fairId={fairId} board={board} scope="person" />
            <NewEntities fairId={fairId} tick={tickOf(board, 'entity')} />
          </div>
        )}
        {allowed && (
          <div class="console-grid">
            <HelpQueue fairId={fairId} tick={tickOf(board, 'help')} canAct={broker} />
            {roles.includes('animator') && <DeskPhones fairId={fairId} />}
            <Deals
              fairId={fairId}
              tick={tickOf(board, 'post')}
              postTitle={(id) => (id === undefined ? undefined : board.posts.get(id)?.title)}
            />
          </div>
        )}
        {moderator && <ModerationHead />}
        {(me.loading || rest.loading || fair.loading) && !(rest.data && fair.data) && <Spinner />}
        <ErrorBox error={me.error ?? rest.error ?? fair.error} />
        {moderator && (
          <>
            <div class="filters">
              <div class="chips" role="group">
                <button
                  type="button"
                  class={filter === 'all' ? 'chip chip-on' : 'chip'}
                  aria-pressed={filter === 'all'}
                  onClick={() => setFilter('all')}
                >
                  {t('modFilterAll')} ({all.length})
                </button>
                <button
                  type="button"
                  class={filter === 'hidden' ? 'chip chip-on' : 'chip'}
                  aria-pressed={filter === 'hidden'}
                  onClick={() => setFilter('hidden')}
                >
                  {t('modFilterHidden')} ({hiddenCount})
                </button>
              </div>
              <input
                type="search"
                class="search"
                aria-label={t('searchLabel')}
                placeholder={t('searchPlaceholder')}
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
            {rest.data && fair.data && list.length === 0 && <p class="muted center">{t('modEmpty')}</p>}
            <ul class="cards mod-list" hidden={!fair.data}>
              {list.map((p) => (
                <li
                  key={p.id}
                  class={`post post-${p.kind}${p.hidden ? ' post-hidden' : ''}`}
                  data-testid="mod-post"
                  data-post-id={p.id}
                >
                  <div class="post-top">
                    <span class={`kind kind-${p.kind}`}>{tx(`kind${p.kind}`, p.kind)}</span>
                    <span class="post-cat">{categoryName(categories, p.category, lang)}</span>
                    {p.hidden && <span class="badge badge-hidden">{t('modHidden')}</span>}
                  </div>
                  <strong class="post-title">{p.title}</strong>
                  {p.description && <p class="post-desc">{p.description}</p>}
                  <span class="post-entity">{p.entityName}</span>
                  <Moderate fairId={fairId} post={p} onDone={remember} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Page>
    </>
  );
}

function ModerationHead() {
  const { t } = useI18n();
  return <h2 class="console-h">{t('modTitle')}</h2>;
}

function Moderate({ fairId, post, onDone }: { fairId: number; post: Post; onDone: (p: ApiPost) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const client = api('person');
  const path = { fairId, postId: post.id };

  const run = async (call: () => Promise<ApiPost>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
      setOpen(false);
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (post.hidden) {
    return (
      <div class="post-actions">
        <button
          type="button"
          class="btn"
          disabled={busy}
          data-testid="unhide"
          onClick={() =>
            void run(() =>
              unwrap(client.POST('/api/fairs/{fairId}/posts/{postId}/unhide', { params: { path } })),
            )
          }
        >
          {t('modUnhide')}
        </button>
        <ErrorBox error={error} />
      </div>
    );
  }
  if (!open) {
    return (
      <div class="post-actions">
        <button type="button" class="btn btn-danger" data-testid="hide" onClick={() => setOpen(true)}>
          {t('modHide')}
        </button>
      </div>
    );
  }
  const presets = [t('modReasonMoney'), t('modReasonAbuse'), t('modReasonSpam')];
  return (
    <form
      class="hide-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        void run(() =>
          unwrap(
            client.POST('/api/fairs/{fairId}/posts/{postId}/hide', {
              params: { path },
              body: { reason: reason.trim() },
            }),
          ),
        );
      }}
    >
      <div class="chips chips-wrap">
        {presets.map((r) => (
          <button
            key={r}
            type="button"
            class={reason === r ? 'chip chip-on' : 'chip'}
            onClick={() => {
              setReason(r);
              setMissing(false);
            }}
          >
            {r}
          </button>
        ))}
      </div>
      <div class={missing ? 'field field-invalid' : 'field'}>
        <label for={`reason-${post.id}`}>{t('modReason')}</label>
        <input
          id={`reason-${post.id}`}
          data-testid="hide-reason"
          maxLength={300}
          value={reason}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
        />
        {missing && <small class="field-error">{t('modReasonMissing')}</small>}
      </div>
      <ErrorBox error={error} />
      <div class="post-actions">
        <button type="submit" class="btn btn-danger" disabled={busy} data-testid="hide-confirm">
          {t('modConfirmHide')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function toMap(list: ApiPost[]): Map<number, Post> {
  const m = new Map<number, Post>();
  for (const p of list) if (typeof p.id === 'number') m.set(p.id, p as Post);
  return m;
}
