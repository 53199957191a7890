import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { FailedItem } from './outbox';
import { failureToForm } from './postValues';
import type { ShownPost } from './posts';

/** Under my own post: edit or withdraw (with a confirmation); a queued one can be cancelled. */
export function MyActions({
  post,
  onEdit,
  onCancel,
  onWithdraw,
}: {
  post: ShownPost;
  onEdit: () => void;
  onCancel: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (post.pendingChange === 'withdraw' || (post.pendingKey && post.pendingSent)) return null;
  if (post.pendingKey) {
    return (
      <div class="post-actions">
        <button type="button" class="btn" onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancelQueued')}
        </button>
      </div>
    );
  }
  return (
    <div class="post-actions">
      {confirming ? (
        <>
          <span class="confirm-text">{t('withdrawConfirm')}</span>
          <button type="button" class="btn btn-danger" onClick={onWithdraw} data-testid="withdraw-yes">
            {t('withdrawYes')}
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <>
          <button type="button" class="btn" onClick={onEdit} data-testid="edit">
            {t('edit')}
          </button>
          <button type="button" class="btn" onClick={() => setConfirming(true)} data-testid="withdraw">
            {t('withdraw')}
          </button>
        </>
      )}
    </div>
  );
}

/** Writes the server refused for good: fix a post and send it again, or dismiss it. */
export function FailedList({
  failed,
  onDismiss,
  onFix,
}: {
  failed: readonly FailedItem[];
  onDismiss: (key: string) => void;
  onFix: (f: FailedItem) => void;
}) {
  const { t } = useI18n();
  return (
    <section class="failed" data-testid="failed">
      <h2>{t('failedTitle')}</h2>
      <ul class="cards">
        {failed.map((f) => {
          const a = f.item.action;
          const title = a.type === 'create' || a.type === 'update' ? a.body.title : `#${a.postId}`;
          return (
            <li key={f.item.key} class="post post-failed">
              <strong class="post-title">{title}</strong>
              <p class="field-error">{failureToForm(f, t).message}</p>
              <div class="post-actions">
                {a.type === 'create' && (
                  <button type="button" class="btn btn-primary" onClick={() => onFix(f)}>
                    {t('fixAndSend')}
                  </button>
                )}
                <button type="button" class="btn" onClick={() => onDismiss(f.item.key)}>
                  {t('dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
