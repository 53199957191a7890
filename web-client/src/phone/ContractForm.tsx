import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Contract, Entity, Post as ApiPost, ProposeInput } from '../api/types';
import { emptyItem, itemDraftOf, itemInput, itemInvalid, type ItemDraft } from '../contracts/common';
import { ItemFields } from '../contracts/ItemRow';
import { useI18n } from '../i18n';
import { navigate } from '../ui/router';
import { ContractError, type ContractParty } from './contractParts';
import { PartnerPicker } from './PartnerPicker';
import { writingContract, wroteContract } from './ownContractWrites';
import { OneWayWarning } from './OneWayWarning';

/** Where a new contract comes from: a match (my post + theirs), a post, or nothing (badge code). */
export interface ContractSeed {
  mine?: ApiPost | undefined;
  theirs?: ApiPost | undefined;
}

/** Items pre-filled from the posts: what the offer's side gives to the request's side. */
function seedItems(me: ContractParty, seed: ContractSeed): { partner: number | null; items: ItemDraft[] } {
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
  me: ContractParty;
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
  const [viaBadge, setViaBadge] = useState(false);
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
      // Blank rows start with what we give: the first thing people type is their own offer.
      return fixed.length > 0 ? fixed : [emptyItem(me.entityId, id), emptyItem(id, me.entityId)];
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (partnerId === null) {
      setMissing(t('partnerMissing'));
      return;
    }
    const filled = items.filter(filledItem);
    if (filled.length === 0 || filled.some(itemInvalid)) {
      setMissing(t('itemsMissing'));
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    const postIds = [seed.mine?.id, seed.theirs?.id].filter((x): x is number => typeof x === 'number');
    writingContract();
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
          origin: seed.mine ? 'MATCH' : seed.theirs ? 'POST' : viaBadge ? 'BADGE' : 'DIRECT',
          signNow,
        };
        if (title.trim()) body.title = title.trim();
        if (postIds.length > 0) body.postIds = postIds;
        saved = await unwrap(
          client.POST('/api/fairs/{fairId}/contracts', { params: { path: { fairId } }, body }),
        );
      }
      wroteContract(saved.id);
      navigate(`/f/${fairId}/contracts/${saved.id}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

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
      <PartnerPicker
        fairId={fairId}
        me={me}
        entities={entities}
        partner={partnerId !== null ? { id: partnerId, name: partnerName } : null}
        editing={!!editing}
        onChoose={(id, name, badge) => {
          setViaBadge(badge);
          choosePartner(id, name);
        }}
      />
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
              me={me.entityId}
            />
          ))}
          <OneWayWarning items={items.filter(filledItem)} parties={parties} />
          <button
            type="button"
            class="btn"
            data-testid="item-add"
            onClick={() => {
              // A new row starts with what we give; "Dajemy / Dostajemy" turns it round.
              setItems([...items, emptyItem(me.entityId, partnerId)]);
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

function filledItem(i: ItemDraft): boolean {
  return !!(i.description.trim() || i.quantity.trim() || i.valuePln.trim());
}
