import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract, Entity, Post as ApiPost, ProposeInput } from '../api/types';
import {
  contractProblemKey,
  contractTick,
  downloadPdf,
  emptyItem,
  ItemFields,
  ItemList,
  itemDraftOf,
  itemInput,
  itemInvalid,
  partiesLine,
  shortHash,
  StatusChip,
  Warnings,
  type ItemDraft,
} from '../contracts/common';
import { useI18n } from '../i18n';
import type { BoardState } from '../realtime/protocol';
import { ErrorBox, Spinner } from '../ui/components';
import { Link, navigate } from '../ui/router';
import { useAsync } from '../ui/useAsync';
import { lazy } from '../ui/lazy';
import { useThrottled } from '../ui/useThrottled';

// Loaded on first use: the camera scanner (with its decoder) and the QR drawing.
const BadgeScan = lazy(() => import('../scan/ScanFlows').then((m) => m.BadgeScan));
const Qr = lazy(() => import('../board/Qr').then((m) => m.Qr));

/** Shows a contract action's error in our words where we know the problem type. */
function ContractError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const key = contractProblemKey(error);
  return key ? (
    <p class="error-box" role="alert" data-testid="error">
      {t(key)}
    </p>
  ) : (
    <ErrorBox error={error} />
  );
}

export interface Me {
  entityId: number;
  entityName: string;
}

/** "Moje kontrakty": the contracts of my entity, refetched on contract events. */
export function MyContracts({ fairId, tick }: { fairId: number; tick: number }) {
  const { t, p } = useI18n();
  const throttled = useThrottled(tick, 1500);
  const list = useAsync(
    () => unwrap(api('person').GET('/api/fairs/{fairId}/contracts', { params: { path: { fairId } } })),
    [fairId, throttled],
  );
  const [shown, setShown] = useState<Contract[] | undefined>(undefined);
  useEffect(() => {
    if (list.data) setShown(list.data);
  }, [list.data]);
  if (!shown) return list.error ? <ErrorBox error={list.error} /> : <Spinner />;
  const sorted = [...shown].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  return (
    <section data-testid="my-contracts">
      <h2 class="sr-only">{t('myContracts')}</h2>
      <p class="muted">{p('contracts', shown.length)}</p>
      {sorted.length === 0 && <p class="muted center empty">{t('contractsEmpty')}</p>}
      <ul class="cards">
        {sorted.map((c) => {
          const signed = (c.parties ?? []).filter((x) => x.signed).length;
          return (
            <li
              key={c.id}
              class={`contract-card status-card-${c.status}`}
              data-testid="contract-card"
              data-id={c.id}
            >
              <div class="post-top">
                <StatusChip contract={c} />
                <span class="muted">{p('signaturesCount', signed, { of: c.parties?.length ?? 0 })}</span>
              </div>
              <Link
                class="post-title post-link"
                href={`/f/${fairId}/contracts/${c.id}`}
                data-testid="contract-link"
              >
                {c.title || partiesLine(c)}
              </Link>
              {c.title && <span class="post-entity">{partiesLine(c)}</span>}
              {c.moneyFlagged && <span class="warning-inline">{t('moneyWarning')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Where a new contract comes from: a match (my post + theirs), a post, or nothing (badge code). */
export interface ContractSeed {
  mine?: ApiPost | undefined;
  theirs?: ApiPost | undefined;
}

/** Items pre-filled from the posts: what the offer's side gives to the request's side. */
function seedItems(me: Me, seed: ContractSeed): { partner: number | null; items: ItemDraft[] } {
  const { mine, theirs } = seed;
  if (!theirs?.entityId) return { partner: null, items: [] };
  const partner = theirs.entityId;
  const item = (from: number, to: number, p: ApiPost): ItemDraft => ({
    ...emptyItem(from, to, p.category ?? ''),
    description: p.title ?? '',
    quantity: p.quantity ?? '',
    when: p.availability ?? '',
  });
  const items: ItemDraft[] = [];
  if (theirs.kind === 'OFFER') items.push(item(partner, me.entityId, theirs));
  else items.push(item(me.entityId, partner, mine?.kind === 'OFFER' ? mine : theirs));
  return { partner, items };
}

/**
 * Propose a contract (or change one): the partner by badge code or from the list of entities,
 * items "who gives what to whom". A change clears every signature — the form says so.
 */
export function ContractForm({
  fairId,
  me,
  entities,
  categories,
  seed,
  editing,
}: {
  fairId: number;
  me: Me;
  entities: Entity[];
  categories: { code: string; label: string }[];
  seed: ContractSeed;
  editing?: Contract;
}) {
  const { t, lang } = useI18n();
  const client = api('person');
  const initial = editing
    ? {
        partner: editing.parties?.find((x) => x.entityId !== me.entityId)?.entityId ?? null,
        items: (editing.items ?? []).map((i) => itemDraftOf(i, lang)),
      }
    : seedItems(me, seed);
  const [partnerId, setPartnerId] = useState<number | null>(initial.partner);
  const [partnerName, setPartnerName] = useState<string>(
    editing?.parties?.find((x) => x.entityId === initial.partner)?.name ??
      seed.theirs?.entityName ??
      entities.find((e) => e.id === initial.partner)?.name ??
      '',
  );
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [items, setItems] = useState<ItemDraft[]>(initial.items);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [signNow, setSignNow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string | null>(null);

  const parties = [
    { id: me.entityId, name: me.entityName },
    ...(partnerId !== null ? [{ id: partnerId, name: partnerName || `#${partnerId}` }] : []),
  ];

  const choosePartner = (id: number, name: string) => {
    setPartnerId(id);
    setPartnerName(name);
    setMissing(null);
    // Items keep their direction; a new partner takes the old partner's place.
    setItems((list) => {
      const fixed = list.map((i) => ({
        ...i,
        from: i.from === me.entityId ? me.entityId : id,
        to: i.to === me.entityId ? me.entityId : id,
      }));
      return fixed.length > 0 ? fixed : [emptyItem(id, me.entityId), emptyItem(me.entityId, id)];
    });
  };

  const lookup = async (typed = code) => {
    setCodeError(null);
    const partner = typed.trim().replace(/^.*\/[bp]\//, '');
    if (!partner) return;
    try {
      const found = await unwrap(
        client.POST('/api/fairs/{fairId}/contracts/partner-lookup', {
          params: { path: { fairId } },
          body: { partnerCode: partner },
        }),
      );
      if (found.entityId === me.entityId) {
        setCodeError(t('partnerUnknown'));
        return;
      }
      choosePartner(found.entityId ?? 0, `${found.entityName} (${found.displayName})`);
    } catch {
      setCodeError(t('partnerUnknown'));
    }
  };

  // A partner code scanned on the board (`?partner=<code>`) or here: looked up at once.
  const [scanning, setScanning] = useState(false);
  const scanned = (token: string) => {
    setScanning(false);
    setCode(token);
    void lookup(token);
  };
  useEffect(() => {
    const badge = new URLSearchParams(location.search).get('partner');
    if (badge && !editing) scanned(badge);
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (partnerId === null) {
      setMissing(t('partnerMissing'));
      return;
    }
    const filled = items.filter((i) => i.description.trim() || i.quantity.trim() || i.valuePln.trim());
    if (filled.length === 0 || filled.some(itemInvalid)) {
      setMissing(t('itemsMissing'));
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    const postIds = [seed.mine?.id, seed.theirs?.id].filter((x): x is number => typeof x === 'number');
    try {
      let saved: Contract;
      if (editing) {
        saved = await unwrap(
          client.PUT('/api/fairs/{fairId}/contracts/{contractId}', {
            params: { path: { fairId, contractId: editing.id ?? 0 } },
            body: {
              version: editing.version ?? 1,
              items: filled.map((i) => itemInput(i)),
              title: title.trim() || undefined,
              parties: [{ entityId: me.entityId }, { entityId: partnerId }],
            },
          }),
        );
      } else {
        const body: ProposeInput = {
          partners: [{ entityId: partnerId }],
          items: filled.map((i) => itemInput(i)),
          origin: seed.mine ? 'MATCH' : seed.theirs ? 'POST' : code ? 'BADGE' : 'DIRECT',
          signNow,
        };
        if (title.trim()) body.title = title.trim();
        if (postIds.length > 0) body.postIds = postIds;
        saved = await unwrap(
          client.POST('/api/fairs/{fairId}/contracts', { params: { path: { fairId } }, body }),
        );
      }
      navigate(`/f/${fairId}/contracts/${saved.id}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const others = entities
    .filter((e) => e.id !== me.entityId)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));

  return (
    <form
      class="post-form contract-form"
      data-testid="contract-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h1>{editing ? t('editContractTitle') : t('newContractTitle')}</h1>
      {editing && (
        <p class="notice" data-testid="edit-clears">
          {t('editClearsSignatures')}
        </p>
      )}
      <fieldset>
        <legend>{t('partner')}</legend>
        {partnerId !== null && (
          <p class="partner-chosen" data-testid="partner">
            <strong>{partnerName}</strong>
          </p>
        )}
        {!editing && (
          <>
            <div class="field">
              <label for="partner-code">{t('partnerCode')}</label>
              <div class="inline">
                <input
                  id="partner-code"
                  autoComplete="off"
                  autoCapitalize="off"
                  value={code}
                  onInput={(e) => setCode(e.currentTarget.value)}
                />
                <button type="button" class="btn" data-testid="partner-check" onClick={() => void lookup()}>
                  {t('partnerCheck')}
                </button>
              </div>
              <small class="hint">{t('partnerCodeHint')}</small>
              {codeError && <small class="field-error">{codeError}</small>}
            </div>
            {scanning ? (
              <BadgeScan onBadge={scanned} onCancel={() => setScanning(false)} />
            ) : (
              <button
                type="button"
                class="btn btn-block"
                data-testid="partner-scan"
                onClick={() => setScanning(true)}
              >
                {t('scanBadge')}
              </button>
            )}
            <div class="field">
              <label for="partner-entity">{t('partnerOrEntity')}</label>
              <select
                id="partner-entity"
                value={partnerId !== null ? String(partnerId) : ''}
                onChange={(e) => {
                  const id = Number(e.currentTarget.value);
                  const en = others.find((x) => x.id === id);
                  if (en) choosePartner(id, en.name ?? '');
                }}
              >
                <option value="">—</option>
                {others.map((en) => (
                  <option key={en.id} value={String(en.id)}>
                    {en.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </fieldset>
      {partnerId !== null && (
        <fieldset>
          <legend>{t('items')}</legend>
          {items.map((d, i) => (
            <ItemFields
              key={i}
              index={i}
              draft={d}
              parties={parties}
              categories={categories}
              onChange={(nd) => setItems((l) => l.map((x, j) => (j === i ? nd : x)))}
              onRemove={items.length > 1 ? () => setItems((l) => l.filter((_, j) => j !== i)) : undefined}
            />
          ))}
          <button
            type="button"
            class="btn"
            data-testid="item-add"
            onClick={() => {
              const last = items[items.length - 1];
              // A new item goes the other way by default: a swap has two sides.
              setItems([...items, last ? emptyItem(last.to, last.from) : emptyItem(partnerId, me.entityId)]);
            }}
          >
            + {t('itemAdd')}
          </button>
        </fieldset>
      )}
      <div class="field">
        <label for="contract-title">{t('contractTitleField')}</label>
        <input
          id="contract-title"
          maxLength={120}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      {!editing && (
        <label class="check">
          <input type="checkbox" checked={signNow} onChange={(e) => setSignNow(e.currentTarget.checked)} />{' '}
          {t('signNow')}
        </label>
      )}
      {missing && (
        <p class="error-box" role="alert">
          {missing}
        </p>
      )}
      <ContractError error={error} />
      <div class="post-actions">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="contract-submit">
          {editing ? t('saveChanges') : t('proposeSend')}
        </button>
        <button type="button" class="btn" onClick={() => history.back()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** One contract: parties and who signed (live), items, warnings, and what I may do with it. */
export function ContractDetail({
  fairId,
  contractId,
  board,
  me,
  categoryLabel,
}: {
  fairId: number;
  contractId: number;
  board: BoardState;
  me: Me | null;
  categoryLabel: (c: string) => string;
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
  const open = k.status === 'PROPOSED' || k.status === 'SIGNED' || k.status === 'RETURNED';
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
      {note && (
        <p class="ok-box" role="status" data-testid="contract-note">
          {note}
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
