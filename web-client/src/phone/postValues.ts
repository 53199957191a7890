import type { Lang } from '../i18n';
import type { TextKey } from '../i18n/pl';
import { amountText, parseAmount } from './amount';
import type { FailedItem, Outbox, PostInput, PostUpdate } from './outbox';
import type { FormError, PostValues } from './PostForm';
import type { ShownPost } from './posts';

/** What the post form edits: a new post, one still queued on the phone, or a published one. */
export type EditTarget =
  | { kind: 'new' }
  | { kind: 'queued'; key: string; body: PostInput | null }
  | { kind: 'post'; post: ShownPost }
  | { kind: 'missing' };

export function editTarget(
  isNew: boolean,
  ref: string | undefined,
  all: ShownPost[],
  outbox: Outbox | null,
): EditTarget {
  if (isNew) return { kind: 'new' };
  if (!ref) return { kind: 'missing' };
  if (ref.startsWith('q-')) {
    const key = ref.slice(2);
    const item = outbox?.pending().find((i) => i.key === key);
    return item && item.action.type === 'create' && !item.sent
      ? { kind: 'queued', key, body: item.action.body }
      : { kind: 'missing' };
  }
  const post = all.find((p) => !p.pendingKey && String(p.id) === ref);
  return post && post.status === 'ACTIVE' && !post.hidden && post.pendingChange !== 'withdraw'
    ? { kind: 'post', post }
    : { kind: 'missing' };
}

export function valuesOf(p: Partial<PostInput>, lang: Lang): PostValues {
  return {
    kind: p.kind ?? 'OFFER',
    category: p.category ?? '',
    title: p.title ?? '',
    description: p.description ?? '',
    quantity: p.quantity ?? '',
    availability: p.availability ?? '',
    town: p.town ?? '',
    valuePln: amountText(p.valuePln, lang),
    hours: amountText(p.hours, lang),
    onBehalfOf: p.onBehalfOf ?? null,
  };
}

export function toInput(v: PostValues): PostInput {
  const body: PostInput = { kind: v.kind, category: v.category, title: v.title.trim() };
  const opt = (s: string) => s.trim() || undefined;
  if (opt(v.description)) body.description = v.description.trim();
  if (opt(v.quantity)) body.quantity = v.quantity.trim();
  if (opt(v.availability)) body.availability = v.availability.trim();
  if (opt(v.town)) body.town = v.town.trim();
  const value = parseAmount(v.valuePln);
  const hours = parseAmount(v.hours);
  if (value !== undefined) body.valuePln = value;
  if (hours !== undefined) body.hours = hours;
  if (v.onBehalfOf !== null) body.onBehalfOf = v.onBehalfOf;
  return body;
}

export function toUpdate(v: PostValues, version: number): PostUpdate {
  const i = toInput(v);
  return {
    category: i.category,
    title: i.title,
    description: i.description ?? '',
    quantity: i.quantity ?? '',
    availability: i.availability ?? '',
    town: i.town ?? '',
    valuePln: i.valuePln,
    hours: i.hours,
    version,
  };
}

export function failureToForm(f: FailedItem, t: (k: TextKey) => string): FormError {
  let message: string;
  if (f.status === 409 && f.item.action.type === 'update') message = t('failedStale');
  else if (f.status === 403) message = t('failedForbidden');
  else if (f.status === 409) message = t('failedClosed');
  else message = f.detail && f.detail !== f.title ? `${f.title}: ${f.detail}` : f.title;
  return { message, fieldErrors: f.fieldErrors };
}

/** The help desk scanned a badge: the new post is on behalf of its owner (`?for=<personId>`). */
export function forPerson(): number | null {
  const id = Number(new URLSearchParams(location.search).get('for'));
  return Number.isInteger(id) && id > 0 ? id : null;
}
