import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

/**
 * Loads data once per `deps` change; ignores answers that arrive after a newer load started.
 * `initial`: what to show until the first answer (e.g. what the phone kept from last time).
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
  initial?: () => T | undefined,
): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const gen = useRef(0);
  useEffect(() => {
    const my = ++gen.current;
    setLoading(true);
    setError(null);
    load().then(
      (d) => {
        if (gen.current !== my) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (gen.current !== my) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { data, error, loading, reload, setData };
}
