import { useI18n } from '../i18n';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import type { FairData } from './useFairData';

const HelpButton = lazy(
  () => import('./HelpButton').then((m) => m.HelpButton),
  () => null,
);

/** The fair's name and phase, the scanner, the console for brokers and "Potrzebuję pomocy". */
export function FairHeader({ fairId, data }: { fairId: number; data: FairData }) {
  const { t, tx } = useI18n();
  const { fair, phase, roles, session, live } = data;
  if (!fair.data) return null;
  return (
    <section class="fair-head">
      <h1 data-testid="fair-name">{fair.data.name}</h1>
      <span class={`badge phase-${phase}`} data-testid="fair-phase">
        {tx(`phase_${phase}`, phase)}
      </span>
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
          {t('consoleTitle')}
        </Link>
      )}
      {roles.includes('participant') && session?.personId !== undefined && (
        <HelpButton fairId={fairId} personId={session.personId} board={live} />
      )}
    </section>
  );
}
