import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadMoreStrings } from '../i18n';
import { Spinner } from './components';

/**
 * Loads a screen group on first use (its own chunk), so a participant's phone on weak Wi-Fi
 * never downloads the organiser's or the big screen's code, and the board draws before the post
 * form, the contracts or the matches have loaded. `fallback`: what shows meanwhile (a spinner).
 */
export function lazy<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  fallback: () => JSX.Element | null = () => <Spinner />,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let pending: Promise<FunctionComponent<P>> | null = null;
  return function Lazy(props: P) {
    const [C, setC] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (C) return;
      // A lazy screen shows with all its strings (i18n: the first screen's come with the app).
      pending ??= Promise.all([load(), loadMoreStrings()]).then(([c]) => (loaded = c));
      pending.then(
        (c) => setC(() => c),
        () => {
          pending = null;
          setFailed(true);
        },
      );
    }, [C]);
    if (failed) {
      return (
        <p class="center">
          <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
            {'↻'}
          </button>
        </p>
      );
    }
    return C ? <C {...props} /> : fallback();
  };
}
