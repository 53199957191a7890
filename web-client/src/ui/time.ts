export const FAIR_TIME_ZONE = 'Europe/Warsaw';

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-11-28T10:00" wall-clock in `timeZone` -> "2026-11-28T09:00:00Z". Null when not parseable. */
export function zonedLocalToInstant(local: string, timeZone: string = FAIR_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** Instant -> "2026-11-28T10:00" wall-clock in `timeZone`, for datetime-local inputs. */
export function instantToZonedLocal(iso: string, timeZone: string = FAIR_TIME_ZONE): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + offsetMs(t, timeZone)).toISOString().slice(0, 16);
}

export function formatDateTime(
  iso: string | null | undefined,
  lang: string,
  timeZone = FAIR_TIME_ZONE,
): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(t);
}
