import type { Post as ApiPost } from '../api/types';
import { useI18n } from '../i18n';
import { tickOf } from '../realtime/protocol';
import { api, unwrap } from '../api/client';
import { Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import { PostCard } from './PostCard';
import type { FairData } from './useFairData';

const PostMatchList = lazy(() => import('./Matches').then((m) => m.PostMatchList));

/** /f/:fair/p/:id — one post, "Zaproponuj wymianę", and its matches. */
export function PostView({
  fairId,
  postRef,
  data,
  onPropose,
}: {
  fairId: number;
  postRef: string | undefined;
  data: FairData;
  onPropose: (mine: ApiPost | undefined, theirs: ApiPost | undefined) => void;
}) {
  const { t } = useI18n();
  const { all, isMine, canPost, open, roles, live, hasLive, rest, catLabel } = data;
  const found = all.find((p) => !p.pendingKey && String(p.id) === postRef);
  // The board drops a hidden post's text; its author reads it (with the reason) from the server.
  const hidden = useAsync(
    () =>
      (found?.hidden || (!found && (hasLive || rest.data))) && Number(postRef) > 0
        ? unwrap(
            api('person').GET('/api/fairs/{fairId}/posts/{postId}', {
              params: { path: { fairId, postId: Number(postRef) } },
            }),
          ).catch(() => null)
        : Promise.resolve(null),
    [fairId, postRef, !!found?.hidden, !!found, hasLive || !!rest.data],
  );
  const post = found?.hidden ? undefined : found;
  if (!post && hidden.data?.hidden) {
    return (
      <>
        <p>
          <Link href={`/f/${fairId}`}>← {t('backToBoard')}</Link>
        </p>
        <div class="error-box" data-testid="post-hidden-notice">
          <p>
            <strong>{hidden.data.title}</strong>
          </p>
          <p>{t('postHiddenMine')}</p>
          {hidden.data.hiddenReason && <p>{t('postHiddenReason', { reason: hidden.data.hiddenReason })}</p>}
        </div>
      </>
    );
  }
  const own = post ? isMine(post) : false;
  const participant = roles.includes('participant');
  return (
    <>
      <p>
        <Link href={`/f/${fairId}`}>← {t('backToBoard')}</Link>
      </p>
      {!post ? (
        (hasLive || rest.data) && !hidden.loading ? (
          <p class="error-box">{t('notFoundPost')}</p>
        ) : (
          <Spinner />
        )
      ) : (
        <>
          <ul class="cards">
            <PostCard post={post} categoryLabel={catLabel(post.category)} showKind>
              {!own && canPost && open && participant && (
                <div class="post-actions">
                  <button
                    type="button"
                    class="btn btn-primary"
                    data-testid="propose-swap"
                    onClick={() => onPropose(undefined, post)}
                  >
                    {t('proposeSwap')}
                  </button>
                </div>
              )}
            </PostCard>
          </ul>
          <PostMatchList
            fairId={fairId}
            postId={post.id}
            tick={tickOf(live, 'post')}
            categoryLabel={catLabel}
            onPropose={own && open && participant ? (theirs) => onPropose(post, theirs) : undefined}
          />
        </>
      )}
    </>
  );
}
