import { useEffect, useRef, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { nextPhase, type Fair } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';

/**
 * The fair's phase: what it means now for phones and the big screen, and the move to the next one,
 * always behind a confirmation that says what the move changes (every move is one-way).
 */
export function PhaseControl({ fair, onChange }: { fair: Fair; onChange: (f: Fair) => void }) {
  const { t, tx } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = nextPhase(fair.phase);
  const dialog = useRef<HTMLDivElement>(null);
  // The question takes the focus, so a keyboard or screen-reader user hears what the move changes.
  useEffect(() => {
    if (confirming) dialog.current?.focus();
  }, [confirming]);

  const advance = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      onChange(
        await unwrap(
          api('organiser').POST('/api/fairs/{fairId}/phase', {
            params: { path: { fairId: fair.id! } },
            body: { phase: next },
          }),
        ),
      );
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="org-phase" data-testid="phase">
      <p>
        {t('phase')}:{' '}
        <span class={`badge phase-${fair.phase}`} data-testid="fair-phase">
          {tx(`phase_${fair.phase}`, fair.phase)}
        </span>
      </p>
      <dl class="org-phase-now">
        <dt>{t('phasePhones')}</dt>
        <dd>{tx(`phaseNowPhones_${fair.phase}`, '')}</dd>
        <dt>{t('phaseScreen')}</dt>
        <dd>{tx(`phaseNowScreen_${fair.phase}`, '')}</dd>
      </dl>
      {next && !confirming && (
        <button
          type="button"
          class="btn btn-primary"
          data-testid="phase-button"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {tx(`phaseNext_${fair.phase}`, next)}
        </button>
      )}
      {next && confirming && (
        <div
          class="org-confirm org-phase-confirm"
          role="alertdialog"
          aria-labelledby="phase-q"
          data-testid="phase-confirm"
        >
          <p id="phase-q">
            <strong>{tx(`phaseAsk_${next}`, next)}</strong>
          </p>
          <dl>
            <dt>{t('phasePhones')}</dt>
            <dd>{tx(`phaseNowPhones_${next}`, '')}</dd>
            <dt>{t('phaseScreen')}</dt>
            <dd>{tx(`phaseNowScreen_${next}`, '')}</dd>
          </dl>
          <p class="hint">{next === 'CLOSED' ? t('phaseNoUndo') : t('phaseOneWay')}</p>
          <div class="btn-row">
            <button
              type="button"
              class={next === 'CLOSED' ? 'btn btn-danger' : 'btn btn-primary'}
              disabled={busy}
              data-testid="phase-confirm-yes"
              onClick={advance}
            >
              {tx(`phaseNext_${fair.phase}`, next)}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
