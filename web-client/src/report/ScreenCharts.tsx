import { useEffect, useState } from 'preact/hooks';
import type { Fair } from '../api/types';

type Category = NonNullable<Fair['categories']>[number];
import { useI18n } from '../i18n';
import { categoryName } from '../phone/posts';
import { useThrottled } from '../ui/useThrottled';
import { fetchTallies, type Tallies } from './api';
import { Bars, SectorMatrix, categoryBars, formatHours, formatPln } from './charts';

export const CHART_ROTATE_MS = 10_000;
const SLIDES = ['headline', 'categories', 'matrix', 'value'] as const;

/** Tallies for the big screen, refetched when `tick` changes, at most every 3 s. */
export function useTallies(fairId: number | undefined, tick: number): Tallies | null {
  const throttled = useThrottled(tick, 3000);
  const [tallies, setTallies] = useState<Tallies | null>(null);
  useEffect(() => {
    if (fairId === undefined) return;
    let cancelled = false;
    fetchTallies('screen', fairId).then(
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
  const { t, lang } = useI18n();
  const [slide, setSlide] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSlide((x) => (x + 1) % SLIDES.length), CHART_ROTATE_MS);
    return () => clearInterval(timer);
  }, []);
  if (!tallies) return <section class="screen-charts" data-testid="screen-charts" />;
  const h = tallies.headline;
  const which = SLIDES[slide];
  const fmt = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB');
  return (
    <section class="screen-charts" data-testid="screen-charts" data-slide={which} data-seq={tallies.seq}>
      {which === 'headline' && (
        <>
          <h2>{t('chartHeadline')}</h2>
          <Bars
            testId="chart-headline"
            width={1100}
            rowHeight={40}
            labelWidth={260}
            bars={[
              { label: t('screenRegisteredPeople'), a: h.people },
              { label: t('screenPresent'), a: h.present },
              { label: t('screenEntities'), a: h.entities },
              { label: t('screenOffers'), a: h.offers },
              { label: t('screenRequests'), a: h.requests },
              { label: t('screenContracts'), a: h.contracts },
            ]}
          />
        </>
      )}
      {which === 'categories' && (
        <>
          <h2>{t('chartCategories')}</h2>
          <Bars
            testId="chart-categories"
            width={1100}
            rowHeight={36}
            labelWidth={260}
            legend={[t('screenOffers'), t('screenRequests')]}
            bars={categoryBars(
              tallies.offersByCategory,
              tallies.requestsByCategory,
              (c) => categoryName(categories, c, lang),
              7,
            )}
          />
        </>
      )}
      {which === 'matrix' && (
        <>
          <h2>{t('chartMatrix')}</h2>
          <SectorMatrix
            testId="chart-matrix"
            pairs={tallies.sectorPairs ?? []}
            cell={40}
            wide={3.2}
            fontScale={0.55}
          />
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
