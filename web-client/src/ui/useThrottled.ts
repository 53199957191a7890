import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Refetches at most every `minMs` when `tick` changes (events arrive in bursts at a busy fair):
 * returns a number that follows `tick`, throttled.
 */
export function useThrottled(tick: number, minMs: number): number {
  const [value, setValue] = useState(tick);
  const last = useRef(0);
  useEffect(() => {
    if (tick === value) return;
    const wait = Math.max(0, last.current + minMs - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setValue(tick);
    }, wait);
    return () => clearTimeout(timer);
  }, [tick, value, minMs]);
  return value;
}
