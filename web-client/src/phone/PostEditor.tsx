import { useI18n } from '../i18n';
import { Spinner } from '../ui/components';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import type { Outbox, PostInput } from './outbox';
import type { FormError, PostValues } from './PostForm';
import {
  editTarget,
  failureToForm,
  forPerson,
  toInput,
  toUpdate,
  valuesOf,
  type EditTarget,
} from './postValues';
import type { FairData } from './useFairData';

const PostForm = lazy(() => import('./PostForm').then((m) => m.PostForm));

/** How long the form waits for the server before it says "saved on this phone". */
const FORM_WAIT_MS = 6000;

/** /f/:fair/new and /f/:fair/edit/:ref — the post form over the outbox (queued when offline). */
export function PostEditor({
  fairId,
  isNew,
  postRef,
  data,
  defaultKind,
  category,
  prefill,
  onSaved,
  onClose,
}: {
  fairId: number;
  isNew: boolean;
  postRef: string | undefined;
  data: FairData;
  defaultKind: 'OFFER' | 'REQUEST';
  category: string | null;
  prefill: PostInput | null;
  /** Saved (or queued): which kind it was, whether it was an edit, and what to tell the person. */
  onSaved: (kind: 'OFFER' | 'REQUEST', edited: boolean, message: string) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { outbox, all, entities, meInfo, roles, isAnimator, canPost, people, fair, me, categories } = data;
  const target = editTarget(isNew, postRef, all, outbox);
  const myEntity = entities.data?.find((e) => e.id === meInfo.entityId);
  let initial: PostValues | null = null;
  if (target.kind === 'new') {
    initial = prefill
      ? valuesOf(prefill, lang)
      : {
          kind: defaultKind,
          category: category ?? '',
          title: '',
          description: '',
          quantity: '',
          availability: '',
          town: roles.includes('participant') ? (myEntity?.town ?? '') : '',
          valuePln: '',
          hours: '',
          onBehalfOf: forPerson(),
        };
  } else if (target.kind === 'queued' && target.body) initial = valuesOf(target.body, lang);
  else if (target.kind === 'post') initial = valuesOf(target.post as PostInput, lang);

  const submit = async (v: PostValues): Promise<FormError | null> => {
    if (!outbox) return { fieldErrors: {}, message: t('unknownError') };
    const key = enqueue(outbox, v, target);
    if (key === null) return { fieldErrors: {}, message: t('cannotChangeSent') };
    let outcome: Awaited<ReturnType<Outbox['waitFor']>> = { kind: 'queued' };
    if (navigator.onLine !== false && !outbox.authFailed) {
      const wait = outbox.waitFor(key, FORM_WAIT_MS);
      outbox.wakeUp();
      void outbox.flush();
      outcome = await wait;
    }
    if (outcome.kind === 'failed') {
      outbox.dismissFailed(key);
      return failureToForm(outcome.failed, t);
    }
    const edited = target.kind === 'post' || target.kind === 'queued';
    onSaved(
      v.kind,
      edited,
      outcome.kind === 'ok' ? t(target.kind === 'new' ? 'postedOk' : 'savedOk') : t('postedQueued'),
    );
    return null;
  };

  if ((fair.loading && !fair.data) || (me.loading && !me.data)) return <Spinner />;
  if (!initial || !canPost) {
    return (
      <>
        <p class="error-box">{t('notFoundPost')}</p>
        <Link class="btn btn-primary btn-block" href={`/f/${fairId}`}>
          {t('backToBoard')}
        </Link>
      </>
    );
  }
  return (
    <PostForm
      key={postRef ?? 'new'}
      mode={target.kind === 'new' ? 'new' : 'edit'}
      initial={initial}
      categories={categories}
      people={isAnimator ? (people.data ?? []) : undefined}
      selfAllowed={roles.includes('participant')}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}

/** Puts the form's values in the outbox; null when a queued post has already gone out. */
function enqueue(outbox: Outbox, v: PostValues, target: EditTarget): string | null {
  if (target.kind === 'queued') return outbox.replaceCreate(target.key, toInput(v)) ? target.key : null;
  if (target.kind === 'post') {
    return outbox.enqueue({
      type: 'update',
      postId: target.post.id,
      body: toUpdate(v, target.post.version ?? 0),
    });
  }
  return outbox.enqueue({ type: 'create', body: toInput(v) });
}
