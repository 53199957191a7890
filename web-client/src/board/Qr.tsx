import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

/** A QR code as an SVG built from elements (one path of dark modules), never from markup strings. */
export function Qr({
  value,
  size,
  label,
  testId = 'join-qr',
}: {
  value: string;
  size: number;
  label: string;
  testId?: string;
}) {
  const { d, n } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 2 });
    const parts: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return { d: parts.join(''), n: qr.size };
  }, [value]);
  return (
    <svg
      class="qr"
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-value={value}
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
