import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Match, Post as ApiPost, PostMatches } from '../api/types';
import { useI18n } from '../i18n';
import type { TextKey } from '../i18n/pl';
import { ErrorBox, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useThrottled } from '../ui/useThrottled';

/** Scores are 0..1; at or above 0.5 the server calls a match "good". */
export function scoreWord(score: number | undefined): TextKey {
  const s = score ?? 0;
  return s >= 0.75 ? 'score_great' : s >= 0.5 ? 'score_good' : 'score_maybe';
}

/** One suggested post: title, entity, score in words, reasons as chips, and the action. */
export function MatchCard({
  match,
  onPropose,
  categoryLabel,
}: {
  match: Match;
  onPropose?: () => void;
  categoryLabel: (code: string | undefined) => string;
}) {
  const { t, tx } = useI18n();
  const p = match.post;
  if (!p) return null;
  return (
    <li class={`match match-${p.kind}`} data-testid="match" data-post-id={p.id}>
      <div class="post-top">
        <span class={`kind kind-${p.kind}`}>{tx(`kind${p.kind}`, p.kind)}</span>
        <span class="post-cat">{categoryLabel(p.category)}</span>
        <span
          class={`score score-${scoreWord(match.score)}`}
          data-testid="match-score"
          title={t('matchScoreLabel')}
        >
          {t(scoreWord(match.score))}
        </span>
      </div>
      <strong class="post-title">{p.title}</strong>
      <span class="post-entity">{p.entityName}</span>
      {(match.reasons?.length ?? 0) > 0 && (
        <ul class="chips chips-wrap reasons" aria-label={t('matchScoreLabel')}>
          {match.reasons!.map((r) => (
            <li key={r} class="reason">
              {r}
            </li>
          ))}
        </ul>
      )}
      {onPropose && (
        <div class="post-actions">
          <button type="button" class="btn btn-primary" data-testid="propose-from-match" onClick={onPropose}>
            {t('proposeContract')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The "Dopasowania" tab: each of my posts with who fits it. */
export function MyMatches({
  fairId,
  tick,
  categoryLabel,
  onPropose,
}: {
  fairId: number;
  tick: number;
  categoryLabel: (code: string | undefined) => string;
  onPropose: (mine: ApiPost | undefined, theirs: ApiPost | undefined) => void;
}) {
  const { t, p } = useI18n();
  const throttled = useThrottled(tick, 3000);
  const list = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/matches/mine', { params: { path: { fairId } } })),
    [fairId, throttled],
  );
  // Keep showing the last list while a refetch runs.
  const [shown, setShown] = useState<PostMatches[] | undefined>(undefined);
  useEffect(() => {
    if (list.data) setShown(list.data);
  }, [list.data]);
  if (!shown) return list.error ? <ErrorBox error={list.error} /> : <Spinner />;
  if (shown.length === 0) return <p class="muted center empty">{t('matchesEmpty')}</p>;
  return (
    <div class="my-matches" data-testid="my-matches">
      {shown.map((pm) => (
        <section key={pm.post?.id} class="match-group" data-testid="match-group" data-post-id={pm.post?.id}>
          <h2 class="match-group-title">
            <span class={`kind kind-${pm.post?.kind}`}>
              {t(pm.post?.kind === 'OFFER' ? 'kindOFFER' : 'kindREQUEST')}
            </span>{' '}
            {pm.post?.title}
          </h2>
          <p class="muted">{p('matchesCount', pm.matches?.length ?? 0)}</p>
          {(pm.matches?.length ?? 0) === 0 ? (
            <p class="muted">{t('matchesNone')}</p>
          ) : (
            <ul class="cards">
              {pm.matches!.map((m) => (
                <MatchCard
                  key={m.post?.id}
                  match={m}
                  categoryLabel={categoryLabel}
                  onPropose={() => onPropose(pm.post, m.post)}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** Who fits one post (on its detail view). */
export function PostMatchList({
  fairId,
  postId,
  tick,
  categoryLabel,
  onPropose,
}: {
  fairId: number;
  postId: number;
  tick: number;
  categoryLabel: (code: string | undefined) => string;
  onPropose?: (theirs: ApiPost | undefined) => void;
}) {
  const { t } = useI18n();
  const throttled = useThrottled(tick, 3000);
  const list = useAsync(
    () =>
      unwrap(
        api('person').GET('/api/fairs/{fairId}/matches/for/{postId}', {
          params: { path: { fairId, postId }, query: { limit: 10 } },
        }),
      ),
    [fairId, postId, throttled],
  );
  return (
    <section class="post-matches" data-testid="post-matches">
      <h2>{t('postMatches')}</h2>
      {list.loading && !list.data && <Spinner />}
      <ErrorBox error={list.error} />
      {list.data && list.data.length === 0 && <p class="muted">{t('matchesNone')}</p>}
      {list.data && list.data.length > 0 && (
        <ul class="cards">
          {list.data.map((m) => (
            <MatchCard
              key={m.post?.id}
              match={m}
              categoryLabel={categoryLabel}
              onPropose={onPropose ? () => onPropose(m.post) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
