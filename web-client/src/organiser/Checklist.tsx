import type { Fair, Person } from '../api/types';
import { PHASES } from '../api/types';
import { useI18n } from '../i18n';

/** What the organiser has done on this device for a fair (badges printed, screen opened). */
export function markDone(fairId: number, step: 'badges' | 'screen'): void {
  try {
    localStorage.setItem(`gielda.organiser.${fairId}.${step}`, '1');
  } catch {
    /* storage unavailable: the step just stays unticked */
  }
}

function done(fairId: number, step: string): boolean {
  try {
    return localStorage.getItem(`gielda.organiser.${fairId}.${step}`) === '1';
  } catch {
    return false;
  }
}

/** The next things to do, from what the fair already has; the first open one is marked. */
export function Checklist({ fair, people }: { fair: Fair; people?: Person[] }) {
  const { t, p } = useI18n();
  const fairId = fair.id!;
  const at = PHASES.indexOf(fair.phase as (typeof PHASES)[number]);
  const roles = new Set((people ?? []).flatMap((x) => x.roles ?? []));
  const inPast = fair.phase === 'DRAFT' && Date.parse(fair.endsAt ?? '') < Date.now();
  const steps: { key: string; ok: boolean; text: string; warn?: string | undefined }[] = [
    {
      key: 'date',
      ok: !inPast,
      text: t('checkDate'),
      warn: inPast ? t('checkDateInPast') : undefined,
    },
    {
      key: 'categories',
      ok: (fair.categories ?? []).length > 0,
      text: p('checkCategories', (fair.categories ?? []).length),
    },
    { key: 'people', ok: (people ?? []).length > 0, text: t('checkPeople') },
    { key: 'roles', ok: roles.has('notary') && roles.has('animator'), text: t('checkRoles') },
    { key: 'badges', ok: done(fairId, 'badges'), text: t('checkBadges') },
    { key: 'registration', ok: at >= 1, text: t('checkRegistration') },
    { key: 'screen', ok: done(fairId, 'screen'), text: t('checkScreen') },
    { key: 'live', ok: at >= 2, text: t('checkLive') },
    { key: 'close', ok: at >= 3, text: t('checkClose') },
  ];
  const first = steps.findIndex((s) => !s.ok);
  return (
    <section class="card org-checklist" data-testid="checklist">
      <h2>{t('checklistTitle')}</h2>
      <ol>
        {steps.map((s, i) => (
          <li
            key={s.key}
            class={s.ok ? 'org-step done' : i === first ? 'org-step next' : 'org-step'}
            data-testid={`check-${s.key}`}
            aria-current={i === first ? 'step' : undefined}
          >
            <span class="org-tick" aria-hidden="true">
              {s.ok ? '✓' : i + 1}
            </span>
            <span>
              <span class="sr-only">{s.ok ? t('checkDone') : t('checkTodo')} </span>
              {s.text}
              {s.warn && <strong class="org-warn"> {s.warn}</strong>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
