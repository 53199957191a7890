import { useEffect, useRef, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import type { Fair, Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import { tickOf, visiblePosts, type BoardState, type RegisteredContract } from '../realtime/protocol';
import { useThrottled } from '../ui/useThrottled';
import { playGong } from './gong';
import { useBoard } from '../realtime/useBoard';
import { categoryName } from '../phone/posts';
import { FAIR_TIME_ZONE } from '../ui/time';
import { Qr } from './Qr';
import { useUpdate } from '../ui/pwa';
import { ScreenCharts, useTallies } from '../report/ScreenCharts';
import { useFitList } from './useFitList';

const TICKER_SIZE = 6;
// The newest contract only: the counter has the total, and posts keep their place on the ticker.
const CONTRACTS_SHOWN = 1;
const LOOKING_PAGE = 4;
const LOOKING_ROTATE_MS = 8000;
const RETRY_MS = [2000, 5000, 10000, 20000, 30000];

/**
 * /screen/:token — the hall's big screen (1920×1080, nobody touches it): live counters, the newest
 * posts, and a QR code to join. It signs in with the screen link, and starts over by itself when
 * the server or the token goes away.
 */
export function Screen({ token }: { token: string }) {
  const { t, tx, lang, p } = useI18n();
  const [fair, setFair] = useState<Fair | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (n: number) => {
      try {
        const res = await unwrap(api(null).POST('/api/auth/screen', { body: { screenToken: token } }));
        const session = toSession(res);
        if (session.fairId === undefined) throw new Error('The screen token names no fair');
        setSession('screen', session);
        const f = await unwrap(
          api('screen').GET('/api/fairs/{fairId}', { params: { path: { fairId: session.fairId } } }),
        );
        if (!cancelled) setFair(f);
      } catch (e) {
        if (cancelled) return;
        if (e instanceof ApiProblem && (e.status === 401 || e.status === 404)) {
          setInvalid(true);
          return;
        }
        timer = setTimeout(() => void attempt(n + 1), RETRY_MS[Math.min(n, RETRY_MS.length - 1)]);
      }
    };
    void attempt(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, generation]);

  const { board, status } = useBoard(fair?.id ?? NaN, 'screen', fair !== null, generation);

  // A refused token (expired, or the server restarted with new keys): sign in again.
  useEffect(() => {
    if (status !== 'forbidden') return;
    const timer = setTimeout(() => setGeneration((g) => g + 1), 3000);
    return () => clearTimeout(timer);
  }, [status]);

  // Nobody taps the big screen: a new version takes over by itself (it has no forms to lose).
  const update = useUpdate();
  useEffect(() => {
    if (update.available) update.apply();
  }, [update.available]);

  const now = useClock();
  const gong = useGong(board.registered[0]?.seq, board.caughtUp ? board.seq : undefined);
  const looking = useStillLooking(fair?.id, tickOf(board, 'post', 'contract'));
  const announcement = useAnnouncement(
    board,
    (n) => p('screenNewPosts', n),
    (k) => `${t('contractNo', { n: k.number })}: ${k.parties.join(' ↔ ')}`,
  );
  const tallies = useTallies(fair?.id, tickOf(board, 'post', 'contract', 'person', 'entity'), board.seq);
  // Whatever does not fit whole is not shown at all (never an item cut mid-line).
  const tickerRef = useFitList<HTMLElement>([board.seq, board.registered.length]);
  const lookingRef = useFitList<HTMLElement>([looking.page, looking.items.length]);

  if (invalid) {
    return (
      <div class="screen screen-error">
        <p>{t('screenInvalid')}</p>
      </div>
    );
  }

  const c = board.counters;
  const phase = board.phase ?? fair?.phase;
  // No join QR while the fair is a draft or after it closed: a phone scanning it could not join.
  const joining = phase === 'REGISTRATION' || phase === 'LIVE';
  // The server's public address (the hall's), not the origin this screen was opened at.
  const joinUrl = joining
    ? (fair?.joinUrl ?? (fair?.joinCode ? `${location.origin}/join/${fair.joinCode}` : null))
    : null;
  const contracts = board.registered.slice(0, CONTRACTS_SHOWN);
  const latest = visiblePosts(board).slice(0, TICKER_SIZE - contracts.length);
  const categories = fair?.categories ?? [];

  return (
    <div class="screen" data-testid="screen">
      <p class="sr-only" aria-live="polite" data-testid="screen-announce">
        {announcement}
      </p>
      <header class="screen-head">
        <div>
          <h1>{fair?.name ?? t('appName')}</h1>
          {fair && <p>{fair.venue}</p>}
        </div>
        <div class="screen-status">
          {phase && <span class={`screen-phase phase-${phase}`}>{tx(`phase_${phase}`, phase)}</span>}
          <span class="screen-clock">{now}</span>
          {status !== 'live' && (
            <span class="screen-conn" data-testid="screen-conn">
              {t('screenReconnecting')}
            </span>
          )}
        </div>
      </header>
      <section class="screen-counters" data-testid="counters">
        <Counter id="present" value={c.present} of={c.people} label={t('screenPresent')} />
        <Counter id="entities" value={c.entities} label={t('screenEntities')} />
        <Counter id="offers" value={c.offers} label={t('screenOffers')} kind="OFFER" />
        <Counter id="requests" value={c.requests} label={t('screenRequests')} kind="REQUEST" />
        {c.contracts !== undefined && (
          <Counter id="contracts" value={c.contracts} label={t('screenContracts')} />
        )}
      </section>
      <section class="screen-ticker" data-testid="ticker" ref={tickerRef}>
        <h2>{t('screenLatest')}</h2>
        {contracts.length > 0 && (
          <ul class="ticker-contracts">
            {contracts.map((k, i) => (
              <li
                key={k.number}
                class={`ticker-item ticker-contract${i === 0 && gong ? ' gong' : ''}`}
                data-testid="ticker-contract"
                data-number={k.number}
              >
                <span class="ticker-kind kind-CONTRACT">
                  <span aria-hidden="true">✔ {t('contractNoShort', { n: k.number })}</span>
                  <span class="sr-only">{t('contractNo', { n: k.number })}</span>
                </span>
                <div class="ticker-body">
                  {/* Every party whole, wrapping as needed: a name is never cut on the ticker. */}
                  <span class="ticker-parties" data-testid="ticker-parties">
                    {k.parties.map((name, j) => (
                      <span key={j} class="ticker-party">
                        {j > 0 && <span aria-hidden="true">↔ </span>}
                        {name}
                      </span>
                    ))}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        {latest.length === 0 && contracts.length === 0 ? (
          <p class="ticker-empty">{t('screenNoPosts')}</p>
        ) : (
          <ul class="ticker-posts">
            {latest.map((p) => (
              <li
                key={p.id}
                class={`ticker-item ticker-${p.kind}`}
                data-testid="ticker-item"
                data-post-id={p.id}
              >
                <span class={`ticker-kind kind-${p.kind}`}>{tx(`kind${p.kind}`, p.kind)}</span>
                <div class="ticker-body">
                  <span class="ticker-title">{p.title}</span>
                  <span class="ticker-meta">
                    {p.entityName}
                    {' · '}
                    {categoryName(categories, p.category, lang)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="screen-looking" data-testid="still-looking" ref={lookingRef}>
        <h2>{t('screenStillLooking')}</h2>
        {looking.items.length === 0 && (
          <p class="ticker-empty">{t(c.requests > 0 ? 'screenStillLookingEmpty' : 'screenNoRequestsYet')}</p>
        )}
        <ul key={looking.page}>
          {looking.items.map((p) => (
            <li key={p.id} class="looking-item" data-testid="looking-item">
              <span class="ticker-title">{p.title}</span>
              <span class="ticker-meta">
                {p.entityName}
                {' · '}
                {categoryName(categories, p.category, lang)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <ScreenCharts tallies={tallies} categories={categories} />
      <aside class="screen-join">
        {joinUrl ? (
          <>
            <h2>{t('screenJoinTitle')}</h2>
            <Qr value={joinUrl} size={400} label={joinUrl} />
            <p class="join-url" data-testid="join-url">
              {/* May break after a slash, never inside the code. */}
              {joinUrl
                .replace(/^https?:\/\//, '')
                .replace(/\/[^/]*$/, '/')
                .split('/')
                .filter(Boolean)
                .map((part, i) => (
                  <span key={i}>
                    {part}/<wbr />
                  </span>
                ))}
              <span class="join-url-code">{fair?.joinCode}</span>
            </p>
          </>
        ) : (
          <p class="join-closed" data-testid="join-closed">
            {t(phase === 'CLOSED' ? 'screenClosedThanks' : 'screenJoinSoon')}
          </p>
        )}
        {fair?.joinCode && joining && (
          <p class="join-code">
            {t('screenJoinCode')}: <strong data-testid="join-code">{fair.joinCode}</strong>
          </p>
        )}
      </aside>
    </div>
  );
}

function Counter({
  id,
  value,
  label,
  of,
  kind,
}: {
  id: string;
  value: number;
  label: string;
  /** "3 / 5": present of registered, on the value's line (a sub-line made this counter taller). */
  of?: number;
  kind?: string;
}) {
  const { lang, t } = useI18n();
  const fmt = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB');
  return (
    <div class={`counter${kind ? ` counter-${kind}` : ''}`} data-testid={`counter-${id}`}>
      <span class="counter-value">
        {fmt.format(value)}
        {of !== undefined && (
          <span class="counter-of">
            <span aria-hidden="true"> / {fmt.format(of)}</span>
            <span class="sr-only">{t('screenRegistered', { n: of })}</span>
          </span>
        )}
      </span>
      <span class="counter-label">{label}</span>
    </div>
  );
}

/**
 * Plays the gong and returns true for a few seconds when a new contract is registered (not for
 * the ones already known when the screen opened).
 */
/**
 * Rings for a contract registered while the screen watches — not for those the snapshot or a
 * resume brought when it opened (`caughtUpAt`: the board's number when it first caught up).
 */
function useGong(newestSeq: number | undefined, caughtUpAt: number | undefined): boolean {
  const watchingFrom = useRef<number | undefined>(undefined);
  if (watchingFrom.current === undefined && caughtUpAt !== undefined) watchingFrom.current = caughtUpAt;
  const rung = useRef<number | undefined>(undefined);
  const [on, setOn] = useState(false);
  useEffect(() => {
    const from = watchingFrom.current;
    if (newestSeq === undefined || from === undefined || newestSeq <= from || newestSeq === rung.current)
      return;
    rung.current = newestSeq;
    playGong();
    setOn(true);
    const timer = setTimeout(() => setOn(false), 6000);
    return () => clearTimeout(timer);
  }, [newestSeq]);
  return on;
}

/**
 * "Wciąż szukają": requests without a good match, refetched when posts change (at most every few
 * seconds), shown a page at a time in rotation.
 */
function useStillLooking(fairId: number | undefined, tick: number): { items: ApiPost[]; page: number } {
  const throttled = useThrottled(tick, 5000);
  const [items, setItems] = useState<ApiPost[]>([]);
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (fairId === undefined) return;
    let cancelled = false;
    unwrap(
      api('screen').GET('/api/fairs/{fairId}/still-looking', {
        params: { path: { fairId }, query: { limit: 12 } },
      }),
    ).then(
      (list) => {
        if (!cancelled) setItems(list);
      },
      () => {
        /* keep what is shown; the next change tries again */
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fairId, throttled]);
  const pages = Math.max(1, Math.ceil(items.length / LOOKING_PAGE));
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((x) => x + 1), LOOKING_ROTATE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const start = (page % pages) * LOOKING_PAGE;
  return { items: items.slice(start, start + LOOKING_PAGE), page: page % pages };
}

const ANNOUNCE_EVERY_MS = 5000;

/**
 * Text for the screen's one polite live region: not every event, but at most every few seconds a
 * summary of what came since ("2 nowe ogłoszenia", "Kontrakt nr 7: A ↔ B"). What the snapshot
 * brought when the screen opened is not announced.
 */
function useAnnouncement(
  board: BoardState,
  postsText: (n: number) => string,
  contractText: (k: RegisteredContract) => string,
): string {
  const known = useRef<Set<number> | null>(null);
  const lastContract = useRef<number>(0);
  const pending = useRef<{ posts: number; contract: RegisteredContract | null }>({
    posts: 0,
    contract: null,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!board.caughtUp) return;
    const ids = visiblePosts(board).map((x) => x.id);
    const newest = board.registered[0];
    if (known.current === null) {
      known.current = new Set(ids);
      lastContract.current = newest?.number ?? 0;
      return;
    }
    const fresh = ids.filter((id) => !known.current!.has(id));
    fresh.forEach((id) => known.current!.add(id));
    pending.current.posts += fresh.length;
    if (newest && newest.number > lastContract.current) {
      lastContract.current = newest.number;
      pending.current.contract = newest;
    }
    if ((pending.current.posts > 0 || pending.current.contract) && timer.current === undefined) {
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const { posts, contract } = pending.current;
        pending.current = { posts: 0, contract: null };
        setText(
          [contract ? contractText(contract) : '', posts > 0 ? postsText(posts) : '']
            .filter(Boolean)
            .join('. '),
        );
      }, ANNOUNCE_EVERY_MS);
    }
  }, [board.seq, board.caughtUp]);
  return text;
}

function useClock(): string {
  const fmt = () =>
    new Intl.DateTimeFormat('pl-PL', { hour: '2-digit', minute: '2-digit', timeZone: FAIR_TIME_ZONE }).format(
      Date.now(),
    );
  const [now, setNow] = useState(fmt);
  useEffect(() => {
    const timer = setInterval(() => setNow(fmt()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
