import { useI18n } from '../i18n';
import { SECTORS, num, type SectorPair } from './api';

export interface Bar {
  label: string;
  a: number;
  b?: number;
}

/** Horizontal bars drawn with plain SVG; `b` (if any) is drawn below `a` in the second colour. */
export function Bars({
  bars,
  legend,
  width = 600,
  rowHeight = 28,
  labelWidth = 200,
  fontRatio = 0.5,
  testId,
}: {
  bars: Bar[];
  legend?: [string, string];
  width?: number;
  rowHeight?: number;
  labelWidth?: number;
  /** Text height over row height (the big screen wants it large). */
  fontRatio?: number;
  testId?: string;
}) {
  const max = Math.max(1, ...bars.map((x) => Math.max(x.a, x.b ?? 0)));
  const two = bars.some((x) => x.b !== undefined);
  const barH = two ? rowHeight * 0.38 : rowHeight * 0.7;
  const font = rowHeight * fontRatio;
  const valueText = (x: Bar) => (two ? `${x.a} / ${x.b ?? 0}` : String(x.a));
  // Room for the widest figure ("12 / 10") right of the longest bar: it was cut to "1 / (".
  const valueW = Math.max(60, ...bars.map((x) => valueText(x).length * font * 0.62 + 12));
  const span = width - labelWidth - valueW;
  const height = bars.length * rowHeight + (legend ? rowHeight : 0);
  // The same figures as text for screen readers (the drawing itself is an image).
  const summary = bars.map((x) => `${x.label}: ${x.a}${x.b !== undefined ? ` / ${x.b}` : ''}`).join('; ');
  const name = legend ? `${legend[0]} / ${legend[1]} — ${summary}` : summary;
  return (
    <svg
      class="chart chart-bars"
      viewBox={`0 0 ${width} ${Math.max(height, rowHeight)}`}
      role="img"
      aria-label={name || '—'}
      data-testid={testId}
    >
      {bars.map((x, i) => {
        const y = i * rowHeight;
        return (
          <g key={x.label} data-testid="chart-bar" data-label={x.label}>
            <text
              x={labelWidth - 8}
              y={y + rowHeight / 2}
              text-anchor="end"
              dominant-baseline="middle"
              font-size={font}
            >
              {x.label}
            </text>
            <rect
              class="bar-a"
              x={labelWidth}
              y={y + rowHeight * 0.1}
              width={(x.a / max) * span}
              height={barH}
            />
            {two && (
              <rect
                class="bar-b"
                x={labelWidth}
                y={y + rowHeight * 0.1 + barH + 2}
                width={((x.b ?? 0) / max) * span}
                height={barH}
              />
            )}
            <text
              x={labelWidth + Math.max((x.a / max) * span, ((x.b ?? 0) / max) * span) + 6}
              y={y + rowHeight / 2}
              dominant-baseline="middle"
              font-size={font}
            >
              {valueText(x)}
            </text>
          </g>
        );
      })}
      {legend && (
        <g>
          <rect
            class="bar-a"
            x={labelWidth}
            y={bars.length * rowHeight + rowHeight * 0.3}
            width={font}
            height={font}
          />
          <text
            x={labelWidth + font + 6}
            y={bars.length * rowHeight + rowHeight * 0.55}
            dominant-baseline="middle"
            font-size={font}
          >
            {legend[0]}
          </text>
          <rect
            class="bar-b"
            x={labelWidth + span / 2}
            y={bars.length * rowHeight + rowHeight * 0.3}
            width={font}
            height={font}
          />
          <text
            x={labelWidth + span / 2 + font + 6}
            y={bars.length * rowHeight + rowHeight * 0.55}
            dominant-baseline="middle"
            font-size={font}
          >
            {legend[1]}
          </text>
        </g>
      )}
    </svg>
  );
}

/** Items given from sector (row) to sector (column): a 5×5 heat map in SVG. */
export function SectorMatrix({
  pairs,
  cell = 80,
  wide = 1,
  fontScale = 0.32,
  testId,
}: {
  pairs: SectorPair[];
  cell?: number;
  /** Cell width over height (a wide screen row has room sideways). */
  wide?: number;
  fontScale?: number;
  testId?: string;
}) {
  const { tx } = useI18n();
  const counts = new Map(pairs.map((p) => [`${p.from}>${p.to}`, p.items]));
  const max = Math.max(1, ...pairs.map((p) => p.items));
  const font = Math.max(11, cell * fontScale);
  const label = font * 10;
  const head = font * 3.5;
  const cw = cell * wide;
  const size = SECTORS.length * cell;
  // The non-empty cells as text for screen readers: "Pozarządowy → Biznes: 3".
  const summary = pairs
    .filter((p) => p.items > 0)
    .map((p) => `${tx(`sector_${p.from}`, p.from)} → ${tx(`sector_${p.to}`, p.to)}: ${p.items}`)
    .join('; ');
  return (
    <svg
      class="chart chart-matrix"
      viewBox={`0 0 ${label + SECTORS.length * cw + font * 5} ${head + size}`}
      role="img"
      aria-label={summary || '—'}
      data-testid={testId}
    >
      {SECTORS.map((s, j) => {
        const x = label + j * cw + cw / 2;
        const name = tx(`sector_${s}`, s);
        // Side by side (wide cells): two lines at most; else one slanted line.
        const lines = wide > 1.5 ? name.split(' ') : [name];
        return (
          <text
            key={`c${s}`}
            x={x}
            y={head - 8 - (lines.length - 1) * font * 1.1}
            text-anchor="middle"
            font-size={font}
            transform={wide > 1.5 ? undefined : `rotate(-25 ${x} ${head - 8})`}
          >
            {lines.map((line, k) => (
              <tspan key={k} x={x} dy={k === 0 ? 0 : font * 1.1}>
                {line}
              </tspan>
            ))}
          </text>
        );
      })}
      {SECTORS.map((from, i) => (
        <g key={from}>
          <text
            x={label - 8}
            y={head + i * cell + cell / 2}
            text-anchor="end"
            dominant-baseline="middle"
            font-size={font}
          >
            {tx(`sector_${from}`, from)}
          </text>
          {SECTORS.map((to, j) => {
            const n = counts.get(`${from}>${to}`) ?? 0;
            const alpha = n === 0 ? 0.06 : 0.2 + 0.8 * (n / max);
            return (
              <g key={to} data-testid="matrix-cell" data-from={from} data-to={to} data-items={n}>
                <rect
                  x={label + j * cw + 2}
                  y={head + i * cell + 2}
                  width={cw - 4}
                  height={cell - 4}
                  rx={4}
                  class="heat"
                  fill-opacity={alpha}
                />
                <text
                  x={label + j * cw + cw / 2}
                  y={head + i * cell + cell / 2}
                  text-anchor="middle"
                  dominant-baseline="middle"
                  font-size={font * 1.4}
                >
                  {n > 0 ? n : ''}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** Categories as bars of offers and requests (sorted by the sum, biggest first). */
export function categoryBars(
  offers: Record<string, number> | undefined,
  requests: Record<string, number> | undefined,
  name: (code: string) => string,
  limit = 10,
): Bar[] {
  const keys = new Set([...Object.keys(offers ?? {}), ...Object.keys(requests ?? {})]);
  return [...keys]
    .map((k) => ({ label: name(k), a: offers?.[k] ?? 0, b: requests?.[k] ?? 0 }))
    .sort((x, y) => y.a + (y.b ?? 0) - (x.a + (x.b ?? 0)))
    .slice(0, limit);
}

export function formatPln(v: unknown, lang: string): string {
  return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    style: 'currency',
    currency: 'PLN',
    maximumFractionDigits: 0,
  }).format(num(v as number));
}

export function formatHours(v: unknown, lang: string): string {
  return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 1 }).format(
    num(v as number),
  );
}
