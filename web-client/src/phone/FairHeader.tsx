import { useI18n } from '../i18n';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import type { FairData } from './useFairData';

const HelpButton = lazy(
  () => import('./HelpButton').then((m) => m.HelpButton),
  () => null,
);

/**
 * The fair's name and phase, whose badge this phone is signed in with, and one row of actions
 * (scanner, console for brokers, "Potrzebuję pomocy"): short, so the first screen shows posts.
 */
export function FairHeader({ fairId, data }: { fairId: number; data: FairData }) {
  const { t, tx } = useI18n();
  const { fair, phase, roles, session, live, me } = data;
  if (!fair.data) return null;
  const moderator = roles.includes('notary');
  const who = me.data?.displayName;
  const entity = me.data?.entity?.name;
  return (
    <section class="fair-head">
      <div class="fair-title">
        <h1 data-testid="fair-name" title={fair.data.name}>
          {fair.data.name}
        </h1>
        <span class={`badge phase-${phase}`} data-testid="fair-phase">
          {tx(`phase_${phase}`, phase)}
        </span>
      </div>
      {who && (
        <p class="whoami" data-testid="whoami" title={entity ? `${who} · ${entity}` : who}>
          <span class="sr-only">{t('whoseBadgeLabel')}: </span>
          {entity ? t('whoseBadge', { name: who, entity }) : who}
        </p>
      )}
      <div class="fair-actions">
        <Link
          class="btn btn-small-light"
          href={`/f/${fairId}/scan`}
          data-testid="scan"
          aria-label={t('scanLabel')}
        >
          {t('scan')}
        </Link>
        {roles.some((r) => r === 'notary' || r === 'animator') && (
          <Link class="btn btn-small-light" href="/notary" data-testid="to-moderation">
            {moderator ? t('consoleTitle') : t('helpDeskTitle')}
          </Link>
        )}
        {roles.includes('participant') && session?.personId !== undefined && (
          <HelpButton fairId={fairId} personId={session.personId} board={live} />
        )}
      </div>
    </section>
  );
}
