import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { BoardState, MatchMessage } from '../realtime/protocol';

export type Flash = { text: string; key: number } | null;

/** A short message at the bottom of the screen ("Opublikowano"), gone after 5 s. */
export function useFlash(): [Flash, (text: string) => void] {
  const [flash, setFlash] = useState<Flash>(null);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 5000);
    return () => clearTimeout(timer);
  }, [flash]);
  return [flash, (text: string) => setFlash({ text, key: Date.now() })];
}

/** "Nowe dopasowanie": a toast (tap → Dopasowania) and a count on the tab until it is opened. */
export function useMatchNews(live: BoardState, seeing: boolean) {
  const [seen, setSeen] = useState(0);
  const [toast, setToast] = useState<MatchMessage | null>(null);
  const unseen = Math.max(0, live.matches.length - seen);
  useEffect(() => {
    const last = live.matches[live.matches.length - 1];
    if (last && live.matches.length > seen) setToast(last);
  }, [live.matches.length]);
  useEffect(() => {
    if (seeing) setSeen(live.matches.length);
  }, [seeing, live.matches.length]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 10000);
    return () => clearTimeout(timer);
  }, [toast]);
  return { unseen, toast, dismiss: () => setToast(null) };
}

export function FairToasts({
  flash,
  matchToast,
  onMatchToast,
  proposal,
  onProposal,
}: {
  flash: Flash;
  matchToast: MatchMessage | null;
  onMatchToast: () => void;
  /** A partner proposed a contract (or changed one) that waits for my signature. */
  proposal: { contractId: number; key: number } | null;
  onProposal: (contractId: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {flash && (
        <p class="toast" role="status" data-testid="toast" key={flash.key}>
          {flash.text}
        </p>
      )}
      {proposal && !flash && (
        <button
          type="button"
          class="toast toast-match toast-proposal"
          role="status"
          data-testid="proposal-toast"
          key={proposal.key}
          onClick={() => onProposal(proposal.contractId)}
        >
          {t('proposalToast')}
          <span class="toast-action">{t('proposalOpen')} →</span>
        </button>
      )}
      {matchToast && !flash && !proposal && (
        <button
          type="button"
          class="toast toast-match"
          role="status"
          data-testid="match-toast"
          onClick={onMatchToast}
        >
          {t('newMatchToast', { title: matchToast.match.title ?? '' })}
          <span class="toast-action">{t('newMatchOpen')} →</span>
        </button>
      )}
    </>
  );
}
