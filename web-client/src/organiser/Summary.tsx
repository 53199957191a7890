import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract, Fair } from '../api/types';
import { useI18n } from '../i18n';
import { categoryName } from '../phone/posts';
import { tickOf } from '../realtime/protocol';
import { useBoard } from '../realtime/useBoard';
import {
  FOLLOW_UP_STATUSES,
  SECTORS,
  download,
  fetchTallies,
  num,
  type BalanceView,
  type ExportKind,
  type FollowUpStatus,
  type FollowUpView,
  type StaleContract,
  type Tallies,
} from '../report/api';
import { Bars, SectorMatrix, categoryBars, formatHours, formatPln } from '../report/charts';
import { ErrorBox, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useThrottled } from '../ui/useThrottled';

const CSV_TABLES = ['contracts', 'items', 'entities', 'people', 'tallies'] as const;

/** "Podsumowanie": live tallies, exports and — after the fair — follow-up of the contracts. */
export function Summary({ fairId, fair }: { fairId: number; fair: Fair }) {
  const { board } = useBoard(fairId, 'organiser');
  const tick = useThrottled(tickOf(board, 'post', 'contract', 'person', 'entity'), 3000);
  const [manual, setManual] = useState(0);
  const [tallies, setTallies] = useState<Tallies | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    fetchTallies('organiser', fairId).then(
      (x) => {
        if (cancelled) return;
        setTallies(x);
        setError(null);
      },
      (e) => {
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fairId, tick, manual]);
  return (
    <>
      <TalliesCard fair={fair} tallies={tallies} error={error} onRefresh={() => setManual((x) => x + 1)} />
      <Exports fairId={fairId} />
      {fair.phase === 'CLOSED' && <FollowUps fairId={fairId} />}
      {fair.phase === 'CLOSED' && <SectorBalance fairId={fairId} />}
    </>
  );
}

function TalliesCard({
  fair,
  tallies,
  error,
  onRefresh,
}: {
  fair: Fair;
  tallies: Tallies | null;
  error: unknown;
  onRefresh: () => void;
}) {
  const { t, tx, lang } = useI18n();
  const fmt = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB');
  const cat = (c: string) => categoryName(fair.categories, c, lang);
  const h = tallies?.headline;
  return (
    <section class="card" data-testid="summary">
      <h2>{t('summaryTitle')}</h2>
      <div class="btn-row">
        <button type="button" class="btn" onClick={onRefresh} data-testid="summary-refresh">
          {t('summaryRefresh')}
        </button>
        {tallies && <span class="muted">{t('summaryAsOf', { n: tallies.seq })}</span>}
      </div>
      <ErrorBox error={error} />
      {!tallies && !error && <Spinner />}
      {h && (
        <dl class="facts" data-testid="summary-headline">
          <dt>{t('screenRegisteredPeople')}</dt>
          <dd data-testid="tally-people">{fmt.format(h.people)}</dd>
          <dt>{t('screenPresent')}</dt>
          <dd data-testid="tally-present">{fmt.format(h.present)}</dd>
          <dt>{t('screenEntities')}</dt>
          <dd data-testid="tally-entities">{fmt.format(h.entities)}</dd>
          <dt>{t('screenOffers')}</dt>
          <dd data-testid="tally-offers">{fmt.format(h.offers)}</dd>
          <dt>{t('screenRequests')}</dt>
          <dd data-testid="tally-requests">{fmt.format(h.requests)}</dd>
          <dt>{t('screenContracts')}</dt>
          <dd data-testid="tally-contracts">{fmt.format(h.contracts)}</dd>
          <dt>{t('chartItems')}</dt>
          <dd>{fmt.format(h.items)}</dd>
          <dt>{t('chartValue')}</dt>
          <dd data-testid="tally-value">
            {formatPln(h.valuePln, lang)} · {formatHours(h.hours, lang)} {t('hoursUnit')}
          </dd>
        </dl>
      )}
      {tallies?.entitiesBySector && (
        <>
          <h3>{t('summaryBySector')}</h3>
          <div class="summary-chart">
            <Bars
              bars={SECTORS.map((s) => ({
                label: tx(`sector_${s}`, s),
                a: tallies.entitiesBySector?.[s] ?? 0,
              }))}
            />
          </div>
        </>
      )}
      {tallies && (tallies.offersByCategory || tallies.requestsByCategory) && (
        <>
          <h3>{t('chartCategories')}</h3>
          <div class="table-wrap">
            <table class="table" data-testid="summary-categories">
              <thead>
                <tr>
                  <th>{t('summaryCategory')}</th>
                  <th>{t('summaryOffers')}</th>
                  <th>{t('summaryRequests')}</th>
                </tr>
              </thead>
              <tbody>
                {categoryBars(tallies.offersByCategory, tallies.requestsByCategory, cat, 100).map((b) => (
                  <tr key={b.label} data-testid="summary-category-row">
                    <td>{b.label}</td>
                    <td>{b.a}</td>
                    <td>{b.b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {tallies?.itemsByCategory && tallies.itemsByCategory.length > 0 && (
        <>
          <h3>{t('summaryItems')}</h3>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th>{t('summaryCategory')}</th>
                  <th>{t('summaryItemsCol')}</th>
                  <th>{t('summaryContracts')}</th>
                  <th>{t('summaryValue')}</th>
                  <th>{t('summaryHours')}</th>
                </tr>
              </thead>
              <tbody>
                {tallies.itemsByCategory.map((c) => (
                  <tr key={c.category}>
                    <td>{cat(c.category)}</td>
                    <td>{c.items}</td>
                    <td>{c.contracts}</td>
                    <td>{formatPln(c.valuePln, lang)}</td>
                    <td>{formatHours(c.hours, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {tallies?.sectorPairs && (
        <>
          <h3>{t('chartMatrix')}</h3>
          <div class="summary-chart summary-matrix">
            <SectorMatrix pairs={tallies.sectorPairs} testId="summary-matrix" />
          </div>
        </>
      )}
    </section>
  );
}

function Exports({ fairId }: { fairId: number }) {
  const { t, tx } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (key: string, kind: ExportKind, fallback: string) => {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      setDone(await download('organiser', fairId, kind, fallback));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card" data-testid="exports">
      <h2>{t('exportsTitle')}</h2>
      <div class="btn-row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy !== null}
          data-testid="export-xlsx"
          onClick={() => run('xlsx', 'xlsx', `gielda-${fairId}.xlsx`)}
        >
          {t('exportXlsx')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={busy !== null}
          data-testid="export-pdf"
          onClick={() => run('pdf', 'pdf', `gielda-${fairId}-raport.pdf`)}
        >
          {t('exportPdf')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={busy !== null}
          data-testid="export-json"
          onClick={() => run('json', 'json', `gielda-${fairId}-archiwum.json`)}
        >
          {t('exportJson')}
        </button>
      </div>
      <div class="btn-row">
        {CSV_TABLES.map((table) => (
          <button
            key={table}
            type="button"
            class="btn"
            disabled={busy !== null}
            data-testid={`export-csv-${table}`}
            onClick={() => run(table, { csv: table }, `gielda-${fairId}-${table}.csv`)}
          >
            {t('exportCsv', { table: tx(`csv_${table}`, table) })}
          </button>
        ))}
      </div>
      {busy && <Spinner />}
      {done && (
        <p class="ok-box" role="status" data-testid="export-done">
          {t('exportDone', { name: done })}
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(Date.now());

function FollowUps({ fairId }: { fairId: number }) {
  const { t, tx, p } = useI18n();
  const contracts = useAsync(
    () =>
      unwrap(
        api('organiser').GET('/api/fairs/{fairId}/contracts', {
          params: { path: { fairId }, query: { status: 'REGISTERED' } },
        }),
      ) as Promise<Contract[]>,
    [fairId],
  );
  const stale = useAsync(
    () =>
      unwrap(
        api('organiser').GET('/api/fairs/{fairId}/follow-ups/stale', {
          params: { path: { fairId }, query: { days: 14 } },
        }),
      ) as Promise<StaleContract[]>,
    [fairId],
  );
  const [latest, setLatest] = useState<Record<number, FollowUpView | null>>({});
  useEffect(() => {
    const list = contracts.data ?? [];
    let cancelled = false;
    void Promise.all(
      list.map(async (c) => {
        try {
          const h = (await unwrap(
            api('organiser').GET('/api/fairs/{fairId}/contracts/{contractId}/follow-ups', {
              params: { path: { fairId, contractId: c.id! } },
            }),
          )) as FollowUpView[];
          return [c.id, h[0] ?? null /* newest first */] as const;
        } catch {
          return [c.id, null] as const;
        }
      }),
    ).then((pairs) => {
      if (!cancelled) setLatest(Object.fromEntries(pairs));
    });
    return () => {
      cancelled = true;
    };
  }, [fairId, contracts.data]);
  const list = [...(contracts.data ?? [])].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return (
    <section class="card" data-testid="follow-ups">
      <h2>{t('followUpTitle')}</h2>
      {contracts.loading && !contracts.data && <Spinner />}
      <ErrorBox error={contracts.error} />
      {list.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('followUpContract')}</th>
                <th>{t('followUpLatest')}</th>
                <th>{t('followUpStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const last = latest[c.id ?? -1];
                return (
                  <tr key={c.id} data-testid="follow-up-row">
                    <td>
                      {t('contractNo', { n: c.number ?? '' })}:{' '}
                      {(c.parties ?? []).map((p) => p.name).join(' ↔ ')}
                      {c.title && <div class="muted">{c.title}</div>}
                    </td>
                    <td>
                      {last ? (
                        <>
                          {tx(`followUp_${last.status}`, last.status)} · {last.date}
                          {last.note && <div class="muted">{last.note}</div>}
                        </>
                      ) : (
                        t('followUpNone')
                      )}
                    </td>
                    <td>
                      {c.id !== undefined && (
                        <FollowUpForm
                          fairId={fairId}
                          contractId={c.id}
                          onSaved={(v) => {
                            setLatest((m) => ({ ...m, [v.contractId]: v }));
                            stale.reload();
                          }}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('staleTitle')}</h3>
      <ErrorBox error={stale.error} />
      {stale.data && stale.data.length === 0 && <p class="muted">{t('staleEmpty')}</p>}
      {stale.data && stale.data.length > 0 && (
        <ul data-testid="stale-list">
          {stale.data.map((s) => (
            <li key={s.contractId}>
              {t('contractNo', { n: s.number })}: {s.parties.join(' ↔ ')} —{' '}
              {tx(`followUp_${s.lastStatus ?? 'NONE'}`, s.lastStatus ?? '')} ·{' '}
              {p('staleDays', s.daysSinceUpdate)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUpForm({
  fairId,
  contractId,
  onSaved,
}: {
  fairId: number;
  contractId: number;
  onSaved: (v: FollowUpView) => void;
}) {
  const { t, tx } = useI18n();
  const [status, setStatus] = useState<FollowUpStatus>('DELIVERED');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const v = (await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/contracts/{contractId}/follow-ups', {
          params: { path: { fairId, contractId } },
          body: { status, ...(date ? { date } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      )) as FollowUpView;
      setNote('');
      onSaved(v);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="follow-up-form" onSubmit={save} data-testid="follow-up-form">
      <select
        aria-label={t('followUpStatus')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as FollowUpStatus)}
      >
        {FOLLOW_UP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tx(`followUp_${s}`, s)}
          </option>
        ))}
      </select>
      <input
        type="date"
        aria-label={t('followUpDate')}
        value={date}
        onInput={(e) => setDate(e.currentTarget.value)}
      />
      <input
        type="text"
        aria-label={t('followUpNote')}
        placeholder={t('followUpNote')}
        maxLength={1000}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit" class="btn" disabled={busy}>
        {t('followUpSave')}
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

function SectorBalance({ fairId }: { fairId: number }) {
  const { t, tx, lang } = useI18n();
  const balance = useAsync(
    () =>
      unwrap(
        api('organiser').GET('/api/fairs/{fairId}/balance', { params: { path: { fairId } } }),
      ) as Promise<BalanceView>,
    [fairId],
  );
  return (
    <section class="card" data-testid="balance">
      <h2>{t('balanceTitle')}</h2>
      {balance.loading && !balance.data && <Spinner />}
      <ErrorBox error={balance.error} />
      {balance.data && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('sector')}</th>
                <th>{t('balanceGiven')}</th>
                <th>{t('balanceReceived')}</th>
                <th>{t('balanceNet')}</th>
              </tr>
            </thead>
            <tbody>
              {balance.data.sectors.map((s) => (
                <tr key={s.sector} data-testid="balance-row">
                  <td>{tx(`sector_${s.sector}`, s.sector)}</td>
                  <td>{formatPln(s.balance.givenPln, lang)}</td>
                  <td>{formatPln(s.balance.receivedPln, lang)}</td>
                  <td class={num(s.balance.balancePln) < 0 ? 'balance-neg' : ''}>
                    {formatPln(s.balance.balancePln, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
