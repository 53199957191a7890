/** What phones and the notary console share about contracts: status chips, problems, items, warnings. */
import { api } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { Contract, ItemInput } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import type { TextKey } from '../i18n/pl';
import type { BoardState } from '../realtime/protocol';
import { amountText, parseAmount } from '../phone/amount';

export const PROBLEM = 'urn:gielda:problem:';

/** A problem's type without the prefix ("stale-version", "fair-not-open", "contract-registered"). */
export function problemCode(e: unknown): string | null {
  return e instanceof ApiProblem && e.type?.startsWith(PROBLEM) ? e.type.slice(PROBLEM.length) : null;
}

/** Our own words for the problems a contract action can meet; null: show the server's text. */
export function contractProblemKey(e: unknown): TextKey | null {
  const code = problemCode(e);
  if (code === 'stale-version' || code === 'stale-signatures') return 'contractStale';
  if (code === 'fair-not-open') return 'fairNotOpen';
  if (code?.startsWith('contract-')) return 'contractClosed';
  return null;
}

/** "3F2A 9C1B 77E0": the first 12 hex digits of the content hash, for people to compare. */
export function shortHash(hash: string | undefined): string {
  return (hash ?? '')
    .slice(0, 12)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** The number that changes whenever an event about this contract arrives on the board. */
export function contractTick(board: BoardState, contractId: number): number {
  let last = board.ticks['*'] ?? 0;
  for (const { seq, event } of board.recent) if (event.contractId === contractId) last += seq;
  return last;
}

export function StatusChip({ contract }: { contract: Contract }) {
  const { t, tx } = useI18n();
  const s = contract.status ?? 'PROPOSED';
  const text =
    s === 'REGISTERED'
      ? t('contractStatus_REGISTERED', { n: contract.number ?? '' })
      : tx(`contractStatus_${s}`, s);
  return (
    <span class={`status status-${s}`} data-testid="contract-status">
      {text}
    </span>
  );
}

/** Parties' names joined by "↔" (or the entity ids while names are unknown). */
export function partiesLine(c: Contract): string {
  return (c.parties ?? []).map((p) => p.name ?? `#${p.entityId}`).join(' ↔ ');
}

export function Warnings({ contract }: { contract: Contract }) {
  const { t, lang } = useI18n();
  const list = contract.warnings ?? [];
  if (list.length === 0) return null;
  return (
    <div class="warnings" data-testid="warnings">
      <strong>{contract.moneyFlagged ? t('moneyWarning') : t('warningsTitle')}</strong>
      <ul>
        {list.map((w, i) => {
          const item = itemOf(contract, w.field);
          return (
            <li key={i} class={`warning warning-${w.code}`} data-testid={`warning-${w.code}`}>
              {item && <strong class="warning-item">{t('warningItem', { what: item })}: </strong>}
              {phraseOnce(lang === 'pl' ? w.messagePl : (w.messageEn ?? w.messagePl))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The server's money reason reads „przelew”: Wzmianka o pieniądzach: „przelew” — the phrase twice.
 * Shown once here (the server's wording belongs to the money checker; the UI only drops the echo).
 */
export function phraseOnce(message: string | undefined): string {
  const m = /^[„"](.+?)[”"]: (.*)$/s.exec(message ?? '');
  return m && m[2]!.toLowerCase().includes(m[1]!.toLowerCase()) ? m[2]! : (message ?? '');
}

/** The item a warning is about ("items[2]", "items[2].description"), by its description. */
function itemOf(contract: Contract, field: string | undefined): string | null {
  const m = /^items\[(\d+)\]/.exec(field ?? '');
  if (!m) return null;
  const position = Number(m[1]);
  const item = (contract.items ?? []).find((i) => i.position === position);
  return item?.description || `#${position}`;
}

/** Items as "Fundacja → Szkoła: sala na warsztaty (1 sala, sobota) · 300 zł · 3 h". */
export function ItemList({
  contract,
  categoryLabel,
}: {
  contract: Contract;
  categoryLabel: (c: string) => string;
}) {
  const { lang } = useI18n();
  const names = new Map((contract.parties ?? []).map((p) => [p.entityId, p.name ?? '']));
  return (
    <ul class="items" data-testid="items">
      {(contract.items ?? []).map((i) => {
        const extra = [i.quantity, i.when].filter(Boolean).join(', ');
        const value = [
          i.valuePln !== undefined && i.valuePln !== null ? `${amountText(i.valuePln, lang)} zł` : '',
          i.hours !== undefined && i.hours !== null ? `${amountText(i.hours, lang)} h` : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <li key={i.position} class="item" data-testid="item">
            <span class="item-who">
              {names.get(i.fromEntityId)} → {names.get(i.toEntityId)}
            </span>
            <span class="item-what">
              {i.description}
              {extra && <span class="muted"> ({extra})</span>}
            </span>
            <span class="muted">
              {categoryLabel(i.category ?? '')}
              {value && ` · ${value}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** An item as the form edits it (amounts as typed). */
export interface ItemDraft {
  from: number;
  to: number;
  category: string;
  description: string;
  quantity: string;
  when: string;
  valuePln: string;
  hours: string;
}

export function emptyItem(from: number, to: number, category = ''): ItemDraft {
  return { from, to, category, description: '', quantity: '', when: '', valuePln: '', hours: '' };
}

export function itemDraftOf(i: NonNullable<Contract['items']>[number], lang: Lang): ItemDraft {
  return {
    from: i.fromEntityId ?? 0,
    to: i.toEntityId ?? 0,
    category: i.category ?? '',
    description: i.description ?? '',
    quantity: i.quantity ?? '',
    when: i.when ?? '',
    valuePln: amountText(i.valuePln, lang),
    hours: amountText(i.hours, lang),
  };
}

/** The API's item, by entity ids (or by party position when `byParty`). */
export function itemInput(d: ItemDraft, byParty?: (entityOrIndex: number) => number): ItemInput {
  const body: ItemInput = { category: d.category, description: d.description.trim() };
  if (byParty) {
    body.fromParty = byParty(d.from);
    body.toParty = byParty(d.to);
  } else {
    body.fromEntityId = d.from;
    body.toEntityId = d.to;
  }
  if (d.quantity.trim()) body.quantity = d.quantity.trim();
  if (d.when.trim()) body.when = d.when.trim();
  const v = parseAmount(d.valuePln);
  const h = parseAmount(d.hours);
  if (v !== undefined && !Number.isNaN(v)) body.valuePln = v;
  if (h !== undefined && !Number.isNaN(h)) body.hours = h;
  return body;
}

export function itemInvalid(d: ItemDraft): boolean {
  return (
    d.description.trim().length < 2 ||
    !d.category ||
    d.from === d.to ||
    Number.isNaN(parseAmount(d.valuePln)) ||
    Number.isNaN(parseAmount(d.hours))
  );
}

/** Downloads the contract's PDF with the session's token (a plain link would not carry it). */
export async function downloadPdf(fairId: number, contractId: number, number?: number | null): Promise<void> {
  const { data, response } = await api('person').GET('/api/fairs/{fairId}/contracts/{contractId}/pdf', {
    params: { path: { fairId, contractId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob))
    throw new ApiProblem({ status: response.status, title: 'PDF' });
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = number ? `kontrakt-${number}.pdf` : `kontrakt-propozycja-${contractId}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
