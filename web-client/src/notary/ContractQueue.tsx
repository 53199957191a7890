import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { ChainCheck, Contract, Person } from '../api/types';
import {
  contractProblemKey,
  emptyItem,
  ItemList,
  itemInput,
  itemInvalid,
  partiesLine,
  problemCode,
  shortHash,
  Warnings,
  type ItemDraft,
} from '../contracts/common';
import { ItemFields } from '../contracts/ItemRow';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { useAsync } from '../ui/useAsync';

function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const key = contractProblemKey(error);
  return key ? (
    <p class="error-box" role="alert">
      {t(key)}
    </p>
  ) : (
    <ErrorBox error={error} />
  );
}

/**
 * The notary's queue: fully signed contracts in the order they were signed, with the warnings
 * (money findings first). Register gives the next number; Return sends it back with a reason; a
 * contract the money check stopped is registered only with a written justification.
 */
export function ContractQueue({
  fairId,
  tick,
  categoryLabel,
}: {
  fairId: number;
  tick: number;
  categoryLabel: (c: string) => string;
}) {
  const { t, p } = useI18n();
  const client = api('person');
  const queue = useAsync(
    () => unwrap(client.GET('/api/fairs/{fairId}/contracts/queue', { params: { path: { fairId } } })),
    [fairId, tick],
  );
  const [done, setDone] = useState<Contract[]>([]);
  const [chain, setChain] = useState<ChainCheck | null>(null);
  const [chainError, setChainError] = useState<unknown>(null);
  const list = (queue.data ?? []).filter((c) => !done.some((d) => d.id === c.id));

  const verify = async () => {
    setChainError(null);
    try {
      setChain(
        await unwrap(
          client.GET('/api/fairs/{fairId}/contracts/chain/verify', { params: { path: { fairId } } }),
        ),
      );
    } catch (e) {
      setChainError(e);
    }
  };

  return (
    <section class="console-section console-contracts" data-testid="contract-queue">
      <h2>
        {t('contractQueueTitle')} <span class="muted">· {p('contracts', list.length)}</span>
      </h2>
      {queue.loading && !queue.data && <Spinner />}
      <ErrorBox error={queue.error} />
      {done.length > 0 && (
        <ul class="queue registered-list">
          {done.map((c) => (
            <li key={c.id} class="queue-item ok-box" data-testid="registered" data-number={c.number}>
              {c.status === 'REGISTERED'
                ? `${t('registeredAs', { n: c.number ?? '' })} — ${partiesLine(c)}`
                : `${t('contractStatus_RETURNED')} — ${partiesLine(c)}`}
            </li>
          ))}
        </ul>
      )}
      {queue.data && list.length === 0 && <p class="muted">{t('contractQueueEmpty')}</p>}
      <ul class="queue">
        {list.map((c) => (
          <QueueItem
            key={`${c.id}-${c.version}`}
            fairId={fairId}
            contract={c}
            categoryLabel={categoryLabel}
            onDone={(r) => setDone((d) => [r, ...d].slice(0, 5))}
            onStale={queue.reload}
          />
        ))}
      </ul>
      <div class="post-actions">
        <button type="button" class="btn" data-testid="chain-verify" onClick={() => void verify()}>
          {t('chainVerify')}
        </button>
        {chain && (
          <span class={chain.valid ? 'ok-text' : 'error-text'} data-testid="chain-result">
            {chain.valid
              ? t('chainValid', { n: p('contracts', chain.count ?? 0) })
              : t('chainBroken', { n: chain.firstBrokenNumber ?? '?' })}
          </span>
        )}
      </div>
      <ErrorBox error={chainError} />
    </section>
  );
}

function QueueItem({
  fairId,
  contract: c,
  categoryLabel,
  onDone,
  onStale,
}: {
  fairId: number;
  contract: Contract;
  categoryLabel: (c: string) => string;
  onDone: (c: Contract) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const client = api('person');
  const path = { fairId, contractId: c.id ?? 0 };
  const [mode, setMode] = useState<'idle' | 'return' | 'justify'>(c.moneyFlagged ? 'justify' : 'idle');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (call: () => Promise<Contract>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
    } catch (e) {
      setError(e);
      if (problemCode(e) === 'money-flagged') setMode('justify');
      else if (contractProblemKey(e)) onStale();
    } finally {
      setBusy(false);
    }
  };
  const register = (justification?: string) =>
    run(() =>
      unwrap(
        client.POST('/api/fairs/{fairId}/contracts/{contractId}/register', {
          params: { path },
          body: justification ? { justification } : {},
        }),
      ),
    );

  return (
    <li
      class={`queue-item contract-item${c.moneyFlagged ? ' money' : ''}`}
      data-testid="queue-contract"
      data-id={c.id}
    >
      <div class="queue-main">
        <strong>{c.title || partiesLine(c)}</strong>
        {c.title && <div class="muted">{partiesLine(c)}</div>}
        <ItemList contract={c} categoryLabel={categoryLabel} />
        <Warnings contract={c} />
        <small class="muted">#{shortHash(c.contentHash)}</small>
      </div>
      <div class="queue-actions">
        {mode === 'idle' && (
          <>
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy}
              data-testid="register"
              onClick={() => void register()}
            >
              {t('register')}
            </button>
            <button type="button" class="btn" data-testid="return" onClick={() => setMode('return')}>
              {t('returnContract')}
            </button>
          </>
        )}
        {mode !== 'idle' && (
          <form
            class="hide-form"
            onSubmit={(e) => {
              e.preventDefault();
              const v = text.trim();
              if (mode === 'return') {
                if (v.length < 5) return;
                void run(() =>
                  unwrap(
                    client.POST('/api/fairs/{fairId}/contracts/{contractId}/return', {
                      params: { path },
                      body: { reason: v },
                    }),
                  ),
                );
              } else if (v.length >= 20) void register(v);
            }}
          >
            <div class="field">
              <label for={`why-${c.id}`}>{mode === 'return' ? t('returnReason') : t('justification')}</label>
              <textarea
                id={`why-${c.id}`}
                data-testid={mode === 'return' ? 'return-reason' : 'justification'}
                rows={2}
                maxLength={mode === 'return' ? 500 : 1000}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </div>
            <div class="post-actions">
              <button
                type="submit"
                class={mode === 'return' ? 'btn btn-danger' : 'btn btn-primary'}
                disabled={busy || text.trim().length < (mode === 'return' ? 5 : 20)}
                data-testid={mode === 'return' ? 'return-confirm' : 'register-justified'}
              >
                {mode === 'return' ? t('returnConfirm') : t('registerAnyway')}
              </button>
              {mode === 'return' ? (
                <button
                  type="button"
                  class="btn"
                  onClick={() => setMode(c.moneyFlagged ? 'justify' : 'idle')}
                >
                  {t('cancel')}
                </button>
              ) : (
                <button type="button" class="btn" data-testid="return" onClick={() => setMode('return')}>
                  {t('returnContract')}
                </button>
              )}
            </div>
          </form>
        )}
        <ActionError error={error} />
      </div>
    </li>
  );
}

/** A paper contract typed in: the people who signed it (one per entity) and its items; registered at once. */
export function PaperForm({
  fairId,
  categories,
}: {
  fairId: number;
  categories: { code: string; label: string }[];
}) {
  const { t } = useI18n();
  const client = api('person');
  const [open, setOpen] = useState(false);
  const people = useAsync(
    () =>
      open
        ? unwrap(client.GET('/api/fairs/{fairId}/people', { params: { path: { fairId } } }))
        : Promise.resolve(undefined as Person[] | undefined),
    [fairId, open],
  );
  const [who, setWho] = useState<(number | null)[]>([null, null]);
  const [items, setItems] = useState<ItemDraft[]>([emptyItem(0, 1), emptyItem(1, 0)]);
  const [justification, setJustification] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [saved, setSaved] = useState<Contract | null>(null);

  if (!open) {
    return (
      <section class="console-section paper-closed">
        <button type="button" class="btn" data-testid="paper-open" onClick={() => setOpen(true)}>
          {t('paperTitle')}
        </button>
        {saved && <p class="ok-box">{t('registeredAs', { n: saved.number ?? '' })}</p>}
      </section>
    );
  }
  const list = (people.data ?? []).filter((x) => x.entityId !== undefined);
  const person = (i: number) => list.find((x) => x.id === who[i]);
  // Items name parties by position: 0 and 1.
  const parties = [0, 1].map((i) => ({
    id: i,
    name: person(i)?.entityName ?? t('paperPerson', { n: i + 1 }),
  }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const a = person(0);
    const b = person(1);
    if (!a || !b || a.entityId === b.entityId) {
      setMissing(t('paperMissing'));
      return;
    }
    const filled = items.filter((i) => i.description.trim());
    if (filled.length === 0 || filled.some(itemInvalid)) {
      setMissing(t('itemsMissing'));
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    try {
      const c = await unwrap(
        client.POST('/api/fairs/{fairId}/contracts/paper', {
          params: { path: { fairId } },
          body: {
            parties: [{ personId: a.id }, { personId: b.id }],
            signatories: [a.id ?? 0, b.id ?? 0],
            items: filled.map((i) => itemInput(i, (x) => x)),
            ...(justification.trim().length >= 20 ? { justification: justification.trim() } : {}),
          },
        }),
      );
      setSaved(c);
      setOpen(false);
      setWho([null, null]);
      setItems([emptyItem(0, 1), emptyItem(1, 0)]);
      setJustification('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="console-section" data-testid="paper-form">
      <h2>{t('paperTitle')}</h2>
      {people.loading && !people.data && <Spinner />}
      <form class="post-form" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('paperParties')}</legend>
          {[0, 1].map((i) => (
            <div class="field" key={i}>
              <label for={`paper-p${i}`}>{t('paperPerson', { n: i + 1 })}</label>
              <select
                id={`paper-p${i}`}
                value={who[i] === null ? '' : String(who[i])}
                onChange={(e) => {
                  const v = e.currentTarget.value ? Number(e.currentTarget.value) : null;
                  setWho((w) => w.map((x, j) => (j === i ? v : x)));
                }}
              >
                <option value="">—</option>
                {list.map((x) => (
                  <option key={x.id} value={String(x.id)}>
                    {x.displayName} · {x.entityName}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('items')}</legend>
          {items.map((d, i) => (
            <ItemFields
              key={i}
              index={100 + i}
              draft={d}
              parties={parties}
              categories={categories}
              onChange={(nd) => setItems((l) => l.map((x, j) => (j === i ? nd : x)))}
              onRemove={items.length > 1 ? () => setItems((l) => l.filter((_, j) => j !== i)) : undefined}
            />
          ))}
          <button type="button" class="btn" onClick={() => setItems([...items, emptyItem(0, 1)])}>
            + {t('itemAdd')}
          </button>
        </fieldset>
        <div class="field">
          <label for="paper-why">{t('justification')}</label>
          <textarea
            id="paper-why"
            rows={2}
            value={justification}
            onInput={(e) => setJustification(e.currentTarget.value)}
          />
        </div>
        {missing && <p class="error-box">{missing}</p>}
        <ActionError error={error} />
        <div class="post-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('paperSave')}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
