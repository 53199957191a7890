import { useEffect, useRef, useState } from 'preact/hooks';
import type { Fair } from '../api/types';

type Category = NonNullable<Fair['categories']>[number];
import { useI18n } from '../i18n';
import { categoryName } from '../phone/posts';
import { useThrottled } from '../ui/useThrottled';
import { fetchTallies, type Tallies } from './api';
import { Bars, categoryBars, formatHours, formatPln } from './charts';

export const CHART_ROTATE_MS = 10_000;
// No "headline" slide: the counters above it show the same figures, larger.
const SLIDES = ['categories', 'matrix', 'value'] as const;

/**
 * Tallies for the big screen, refetched when `tick` changes, at most every 3 s; `seq` is the
 * board's last event, sent so the server answers from its per-event cache.
 */
export function useTallies(fairId: number | undefined, tick: number, seq?: number): Tallies | null {
  const throttled = useThrottled(tick, 3000);
  const [tallies, setTallies] = useState<Tallies | null>(null);
  const seqRef = useRef(seq);
  seqRef.current = seq;
  useEffect(() => {
    if (fairId === undefined) return;
    let cancelled = false;
    fetchTallies('screen', fairId, seqRef.current).then(
      (x) => {
        if (!cancelled) setTallies((old) => (old && old.seq > x.seq ? old : x));
      },
      () => {
        /* keep what is shown; the next event tries again */
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fairId, throttled]);
  return tallies;
}

/** The big screen's rotating chart panel: counters, categories, sector pairs, value. */
export function ScreenCharts({
  tallies,
  categories,
}: {
  tallies: Tallies | null;
  categories: readonly Category[];
}) {
  const { t, tx, lang } = useI18n();
  const [slide, setSlide] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSlide((x) => (x + 1) % SLIDES.length), CHART_ROTATE_MS);
    return () => clearInterval(timer);
  }, []);
  if (!tallies) return <section class="screen-charts" data-testid="screen-charts" />;
  const h = tallies.headline;
  const which = SLIDES[slide];
  const fmt = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB');
  const pairBars = [...(tallies.sectorPairs ?? [])]
    .filter((x) => x.items > 0)
    .sort((a, b) => b.items - a.items)
    .slice(0, 3)
    .map((x) => ({ label: `${tx(`sector_${x.from}`, x.from)} → ${tx(`sector_${x.to}`, x.to)}`, a: x.items }));
  return (
    <section class="screen-charts" data-testid="screen-charts" data-slide={which} data-seq={tallies.seq}>
      {which === 'categories' && (
        <>
          <h2>{t('chartCategories')}</h2>
          <Bars
            testId="chart-categories"
            width={1100}
            rowHeight={40}
            labelWidth={360}
            fontRatio={0.78}
            legend={[t('screenOffers'), t('screenRequests')]}
            bars={categoryBars(
              tallies.offersByCategory,
              tallies.requestsByCategory,
              (c) => categoryName(categories, c, lang),
              3,
            )}
          />
        </>
      )}
      {which === 'matrix' && (
        <>
          <h2>{t('chartMatrix')}</h2>
          {/* From across the hall a 5×5 grid is unreadable: the busiest sector pairs as bars. */}
          {pairBars.length > 0 ? (
            <Bars
              testId="chart-matrix"
              width={1100}
              rowHeight={40}
              labelWidth={520}
              fontRatio={0.78}
              bars={pairBars}
            />
          ) : (
            <p class="ticker-empty">{t('screenNoContractsYet')}</p>
          )}
        </>
      )}
      {which === 'value' && (
        <div class="chart-value" data-testid="chart-value">
          <h2>{t('chartValue')}</h2>
          <p class="big-figure" data-testid="value-pln">
            {formatPln(h.valuePln, lang)}
          </p>
          <p class="big-figure" data-testid="value-hours">
            {formatHours(h.hours, lang)} {t('hoursUnit')}
          </p>
          <p class="muted">
            {t('chartItems')}: {fmt.format(h.items)}
          </p>
        </div>
      )}
    </section>
  );
}
