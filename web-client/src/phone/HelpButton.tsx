import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import type { BoardState } from '../realtime/protocol';
import { ErrorBox } from '../ui/components';

type HelpState = { id: number; status: 'OPEN' | 'TAKEN' | 'DONE' } | null;

const key = (fairId: number, personId: number) => `gielda.help.${fairId}.${personId}`;

function load(fairId: number, personId: number): HelpState {
  try {
    const raw = localStorage.getItem(key(fairId, personId));
    const v = raw ? (JSON.parse(raw) as HelpState) : null;
    return v && typeof v.id === 'number' ? v : null;
  } catch {
    return null;
  }
}

function save(fairId: number, personId: number, v: HelpState) {
  try {
    if (v) localStorage.setItem(key(fairId, personId), JSON.stringify(v));
    else localStorage.removeItem(key(fairId, personId));
  } catch {
    /* storage unavailable */
  }
}

/**
 * "Potrzebuję pomocy": calls a broker (animator or notary) to the participant. The request is
 * idempotent on the server (an open one is returned again); its progress comes as help.* events.
 */
export function HelpButton({
  fairId,
  personId,
  board,
}: {
  fairId: number;
  personId: number;
  board: BoardState;
}) {
  const { t } = useI18n();
  const [help, setHelp] = useState<HelpState>(() => load(fairId, personId));
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [thanks, setThanks] = useState(false);

  // Follow my request through help.taken / help.done.
  useEffect(() => {
    if (!help) return;
    for (const { event } of board.recent) {
      if (event.helpId !== help.id) continue;
      const status = event.kind === 'help.taken' ? 'TAKEN' : event.kind === 'help.done' ? 'DONE' : null;
      if (event.kind === 'help.cancelled') {
        // Cancelled here or on another of my devices.
        setHelp(null);
        save(fairId, personId, null);
        return;
      }
      if (status === 'DONE') {
        setHelp(null);
        save(fairId, personId, null);
        setThanks(true);
        return;
      }
      if (status === 'TAKEN' && help.status !== 'TAKEN') {
        const next: HelpState = { ...help, status: 'TAKEN' };
        setHelp(next);
        save(fairId, personId, next);
      }
    }
  }, [board.recent, help]);

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), 8000);
    return () => clearTimeout(timer);
  }, [thanks]);

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      const h = await unwrap(
        api('person').POST('/api/fairs/{fairId}/help-requests', {
          params: { path: { fairId } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      );
      const next: HelpState = {
        id: h.id ?? 0,
        status: h.status === 'TAKEN' ? 'TAKEN' : 'OPEN',
      };
      setHelp(next);
      save(fairId, personId, next);
      setOpen(false);
      setNote('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!help) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api('person').POST('/api/fairs/{fairId}/help-requests/{helpId}/cancel', {
          params: { path: { fairId, helpId: help.id } },
        }),
      );
      setHelp(null);
      save(fairId, personId, null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (help) {
    // "Pomoc jest w drodze" only once someone took it; until then the request waits in the queue.
    return (
      <div class="help-state" data-testid="help-state" data-status={help.status}>
        <p role="status">
          <span aria-hidden="true">🙋 </span>
          {help.status === 'TAKEN' ? t('helpTaken') : t('helpAsked')}
        </p>
        <ErrorBox error={error} />
        <button
          type="button"
          class="btn btn-small-light"
          disabled={busy}
          data-testid="help-cancel"
          onClick={() => void cancel()}
        >
          {t('helpCancel')}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <>
        {thanks && (
          <p class="help-state" role="status" data-testid="help-state">
            {t('helpDoneThanks')}
          </p>
        )}
        <button
          type="button"
          class="btn btn-small-light help-btn"
          data-testid="need-help"
          onClick={() => setOpen(true)}
        >
          {t('needHelp')}
        </button>
      </>
    );
  }
  return (
    <form
      class="help-form"
      onSubmit={(e) => {
        e.preventDefault();
        void ask();
      }}
    >
      <label for="help-note">{t('needHelpNote')}</label>
      <input id="help-note" maxLength={300} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <ErrorBox error={error} />
      <div class="post-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="need-help-send">
          {t('needHelpSend')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
