import { useEffect } from 'preact/hooks';
import { getSession } from '../api/session';
import { navigate } from '../ui/router';

/** Sends the user to the organiser login when there is no organiser session. Returns whether one exists. */
export function useOrganiserGuard(): boolean {
  const ok = getSession('organiser') !== null;
  useEffect(() => {
    if (!ok) navigate(`/organiser/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  }, [ok]);
  return ok;
}
