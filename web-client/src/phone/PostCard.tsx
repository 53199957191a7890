import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { Link } from '../ui/router';
import { FAIR_TIME_ZONE } from '../ui/time';
import type { ShownPost } from './posts';

function timeOf(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: FAIR_TIME_ZONE,
  }).format(t);
}

/** One offer or request. All text comes from users and is rendered as text. */
export function PostCard({
  post,
  categoryLabel,
  showKind,
  href,
  children,
}: {
  post: ShownPost;
  categoryLabel: string;
  showKind?: boolean;
  /** Where a tap on the title leads (the post's detail with its matches). */
  href?: string;
  children?: ComponentChildren;
}) {
  const { t, tx, lang } = useI18n();
  const details = [post.quantity, post.availability, post.town].filter(Boolean).join(' · ');
  const pending = post.pendingKey
    ? post.pendingSent
      ? t('pendingSending')
      : t('pendingSend')
    : post.pendingChange === 'update'
      ? t('pendingUpdate')
      : post.pendingChange === 'withdraw'
        ? t('pendingWithdraw')
        : null;
  return (
    <li
      class={`post post-${post.kind}${pending ? ' post-pending' : ''}`}
      data-testid="post-card"
      data-post-id={post.pendingKey ? undefined : post.id}
      data-kind={post.kind}
    >
      <div class="post-top">
        {showKind && <span class={`kind kind-${post.kind}`}>{tx(`kind${post.kind}`, post.kind)}</span>}
        <span class="post-cat">{categoryLabel}</span>
        <span class="post-time">{timeOf(post.createdAt, lang)}</span>
      </div>
      {href ? (
        <Link class="post-title post-link" href={href} data-testid="post-link">
          {post.title}
        </Link>
      ) : (
        <strong class="post-title">{post.title}</strong>
      )}
      {post.description && <p class="post-desc">{post.description}</p>}
      {details && <p class="post-details">{details}</p>}
      <span class="post-entity">
        {post.entityName}
        {post.sector && <span class="muted"> · {tx(`sector_${post.sector}`, post.sector)}</span>}
      </span>
      {pending && (
        <span class="post-pending-label" data-testid="pending">
          {pending}
        </span>
      )}
      {children}
    </li>
  );
}
