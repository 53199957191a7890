import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract } from '../api/types';
import {
  contractProblemKey,
  contractTick,
  downloadPdf,
  ItemList,
  shortHash,
  StatusChip,
  Warnings,
} from '../contracts/common';
import { useI18n } from '../i18n';
import type { BoardState } from '../realtime/protocol';
import { ErrorBox, Spinner } from '../ui/components';
import { lazy } from '../ui/lazy';
import { Link } from '../ui/router';
import { useAsync } from '../ui/useAsync';
import { ContractError, type ContractParty } from './contractParts';
import { OneWayWarning } from './OneWayWarning';

// Loaded on first use: the QR drawing.
const Qr = lazy(() => import('../board/Qr').then((m) => m.Qr));

/** One contract: parties and who signed (live), items, warnings, and what I may do with it. */
export function ContractDetail({
  fairId,
  contractId,
  board,
  me,
  categoryLabel,
  fairOpen,
}: {
  fairId: number;
  contractId: number;
  board: BoardState;
  me: ContractParty | null;
  categoryLabel: (c: string) => string;
  /** False once the fair is closed (or still a draft): nothing can be signed or changed then. */
  fairOpen: boolean;
}) {
  const { t, p } = useI18n();
  const client = api('person');
  const path = { fairId, contractId };
  const tick = contractTick(board, contractId);
  const c = useAsync(
    () => unwrap(client.GET('/api/fairs/{fairId}/contracts/{contractId}', { params: { path } })),
    [fairId, contractId, tick],
  );
  const [shown, setShown] = useState<Contract | undefined>(undefined);
  useEffect(() => {
    if (c.data) setShown(c.data);
  }, [c.data]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [showQr, setShowQr] = useState(false);

  if (!shown) return c.error ? <ErrorBox error={c.error} /> : <Spinner />;
  const k = shown;
  const pending = k.status === 'PROPOSED' || k.status === 'SIGNED' || k.status === 'RETURNED';
  const open = pending && fairOpen;
  const mine = k.parties?.find((x) => x.entityId === me?.entityId);
  const signed = (k.parties ?? []).filter((x) => x.signed).length;

  const act = async (call: () => Promise<Contract>, ok?: string) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setShown(await call());
      if (ok) setNote(ok);
    } catch (e) {
      setError(e);
      if (contractProblemKey(e) === 'contractStale') c.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="contract" data-testid="contract" data-id={k.id} data-version={k.version}>
      <p>
        <Link href={`/f/${fairId}`}>← {t('backToBoard')}</Link>
      </p>
      <div class="post-top">
        <StatusChip contract={k} />
        <span class="muted" data-testid="signature-count">
          {p('signaturesCount', signed, { of: k.parties?.length ?? 0 })}
        </span>
      </div>
      <h1>
        {k.number ? t('contractNo', { n: k.number }) : k.title || t('contractDraftNo', { id: k.id ?? '' })}
      </h1>
      {k.status === 'RETURNED' && k.returnedReason && (
        <p class="error-box" data-testid="returned-reason">
          {t('contractReturnedReason', { reason: k.returnedReason })}
        </p>
      )}
      {k.status === 'WITHDRAWN' && k.withdrawnReason && (
        <p class="muted">{t('contractWithdrawnReason', { reason: k.withdrawnReason })}</p>
      )}
      <ul class="parties">
        {(k.parties ?? []).map((x) => (
          <li
            key={x.entityId}
            class={x.signed ? 'party party-signed' : 'party'}
            data-testid="party"
            data-entity-id={x.entityId}
            data-signed={x.signed ? 'true' : 'false'}
          >
            <span aria-hidden="true">{x.signed ? '✔' : '○'}</span> <strong>{x.name}</strong>{' '}
            <span class="muted">{x.signed ? t('signed') : t('notSigned')}</span>
          </li>
        ))}
      </ul>
      <h2>{t('items')}</h2>
      <ItemList contract={k} categoryLabel={categoryLabel} />
      <Warnings contract={k} />
      <OneWayWarning
        items={k.items ?? []}
        parties={(k.parties ?? []).map((x) => ({ id: x.entityId ?? 0, name: x.name ?? '' }))}
      />
      {note && (
        <p class="ok-box" role="status" data-testid="contract-note">
          {note}
        </p>
      )}
      {pending && !fairOpen && mine && (
        <p class="notice" data-testid="contract-fair-closed">
          {t('contractFairClosed')}
        </p>
      )}
      <ContractError error={error} />
      {open && mine && (
        <div class="contract-actions">
          {!mine.signed && (
            <div class="sign-box">
              <p class="muted" data-testid="sign-hash">
                {t('signHash', { hash: shortHash(k.contentHash) })}
              </p>
              <button
                type="button"
                class="btn btn-primary btn-block"
                disabled={busy}
                data-testid="sign"
                onClick={() =>
                  void act(
                    () =>
                      unwrap(
                        client.POST('/api/fairs/{fairId}/contracts/{contractId}/sign', {
                          params: { path },
                          body: { version: k.version ?? 1, contentHash: k.contentHash },
                        }),
                      ),
                    t('signedOk'),
                  )
                }
              >
                {t('sign')}
              </button>
            </div>
          )}
          <div class="post-actions">
            <Link class="btn" href={`/f/${fairId}/contracts/${k.id}/edit`} data-testid="contract-edit">
              {t('contractEdit')}
            </Link>
            {withdrawing ? (
              <>
                <span class="confirm-text">{t('contractWithdrawConfirm')}</span>
                <button
                  type="button"
                  class="btn btn-danger"
                  disabled={busy}
                  data-testid="contract-withdraw-yes"
                  onClick={() =>
                    void act(() =>
                      unwrap(
                        client.POST('/api/fairs/{fairId}/contracts/{contractId}/withdraw', {
                          params: { path },
                          body: {},
                        }),
                      ),
                    ).then(() => setWithdrawing(false))
                  }
                >
                  {t('withdrawYes')}
                </button>
                <button type="button" class="btn" onClick={() => setWithdrawing(false)}>
                  {t('cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                class="btn"
                data-testid="contract-withdraw"
                onClick={() => setWithdrawing(true)}
              >
                {t('contractWithdraw')}
              </button>
            )}
          </div>
        </div>
      )}
      {open && mine && signed < (k.parties?.length ?? 0) && (
        <div class="contract-qr">
          {showQr ? (
            <>
              <Qr
                value={`${location.origin}/f/${fairId}/contracts/${k.id}`}
                size={240}
                label={t('contractShowQr')}
                testId="contract-qr"
              />
              <p class="muted small">{t('contractQrHint')}</p>
            </>
          ) : (
            <button type="button" class="btn" data-testid="contract-show-qr" onClick={() => setShowQr(true)}>
              {t('contractShowQr')}
            </button>
          )}
        </div>
      )}
      <div class="post-actions">
        <button
          type="button"
          class="btn"
          data-testid="contract-pdf"
          onClick={() => void downloadPdf(fairId, contractId, k.number).catch(setError)}
        >
          {t('downloadPdf')}
        </button>
      </div>
      <p class="muted small">{t('contentHashLabel', { hash: shortHash(k.contentHash) })}</p>
    </article>
  );
}
