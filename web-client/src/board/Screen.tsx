import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import type { Fair } from '../api/types';
import { useI18n } from '../i18n';
import { useBoard } from '../realtime/useBoard';

/** /screen/:token — the hall's big screen (1920×1080, no interaction). Live charts come later. */
export function Screen({ token }: { token: string }) {
  const { t, p } = useI18n();
  const [fair, setFair] = useState<Fair | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const res = await unwrap(api(null).POST('/api/auth/screen', { body: { screenToken: token } }));
      const session = toSession(res);
      if (session.fairId === undefined) throw new Error('The screen token names no fair');
      setSession('screen', session);
      const f = await unwrap(
        api('screen').GET('/api/fairs/{fairId}', { params: { path: { fairId: session.fairId } } }),
      );
      if (!cancelled) setFair(f);
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [token]);

  const { board } = useBoard(fair?.id ?? NaN, 'screen', fair !== null);
  const c = board.counters;

  if (error) {
    return (
      <div class="screen screen-error">
        <p>{error instanceof ApiProblem && error.status === 401 ? t('screenInvalid') : t('networkError')}</p>
      </div>
    );
  }
  return (
    <div class="screen">
      <header class="screen-head">
        <h1>{fair?.name ?? t('appName')}</h1>
        {fair && <p>{fair.venue}</p>}
      </header>
      <div class="screen-counters">
        <div class="counter">
          <span class="counter-value">{c.contracts}</span>
          <span class="counter-label">{p('contracts', c.contracts).replace(/^\S+\s/, '')}</span>
        </div>
        <div class="counter">
          <span class="counter-value">{c.offers}</span>
          <span class="counter-label">{p('offers', c.offers).replace(/^\S+\s/, '')}</span>
        </div>
        <div class="counter">
          <span class="counter-value">{c.requests}</span>
          <span class="counter-label">{p('requests', c.requests).replace(/^\S+\s/, '')}</span>
        </div>
        <div class="counter">
          <span class="counter-value">{c.people}</span>
          <span class="counter-label">{p('people', c.people).replace(/^\S+\s/, '')}</span>
        </div>
      </div>
      {fair && (
        <footer class="screen-foot">
          {t('screenJoinHint')}: <strong>{fair.joinCode}</strong>
        </footer>
      )}
    </div>
  );
}
