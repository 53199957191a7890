import { useI18n } from '../i18n';
import type { ItemDraft } from './common';

/** Fields of one item (who gives to whom, what, how much, when, value). */
export function ItemFields({
  draft,
  index,
  parties,
  categories,
  onChange,
  onRemove,
  me,
}: {
  draft: ItemDraft;
  index: number;
  parties: { id: number; name: string }[];
  categories: { code: string; label: string }[];
  onChange: (d: ItemDraft) => void;
  onRemove?: () => void;
  /** My entity, on a phone: two parties become "Dajemy / Dostajemy" with both full names. */
  me?: number;
}) {
  const { t } = useI18n();
  const id = (f: string) => `item-${index}-${f}`;
  const set = (patch: Partial<ItemDraft>) => onChange({ ...draft, ...patch });
  const partner = parties.find((p) => p.id !== me);
  const mine = parties.find((p) => p.id === me);
  const weAndThey = me !== undefined && parties.length === 2 && mine && partner;
  return (
    <fieldset class="item-fields" data-testid="item-fields">
      {weAndThey ? (
        <fieldset class="direction" data-testid="item-direction">
          <legend>{t('itemDirection')}</legend>
          {(
            [
              ['give', mine, partner, t('itemWeGive')],
              ['get', partner, mine, t('itemWeGet')],
            ] as const
          ).map(([key, from, to, label]) => {
            const on = draft.from === from.id;
            return (
              <label key={key} class={on ? 'direction-option direction-on' : 'direction-option'}>
                <input
                  type="radio"
                  name={id('direction')}
                  value={key}
                  checked={on}
                  data-testid={`item-${key}`}
                  onChange={() => set({ from: from.id, to: to.id })}
                />
                <span class="direction-label">{label}</span>
                <span class="direction-line">{t('itemDirectionLine', { from: from.name, to: to.name })}</span>
              </label>
            );
          })}
        </fieldset>
      ) : (
        <div class="item-row">
          <div class="field">
            <label for={id('from')}>{t('itemFrom')}</label>
            <select
              id={id('from')}
              value={String(draft.from)}
              onChange={(e) => {
                const from = Number(e.currentTarget.value);
                const to =
                  draft.to === from ? (parties.find((p) => p.id !== from)?.id ?? draft.to) : draft.to;
                set({ from, to });
              }}
            >
              {parties.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={id('to')}>{t('itemTo')}</label>
            <select
              id={id('to')}
              value={String(draft.to)}
              onChange={(e) => set({ to: Number(e.currentTarget.value) })}
            >
              {parties
                .filter((p) => p.id !== draft.from)
                .map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
      )}
      <div class="field">
        <label for={id('what')}>{t('itemDescription')}</label>
        <input
          id={id('what')}
          maxLength={500}
          placeholder={t('itemDescriptionPlaceholder')}
          value={draft.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={id('cat')}>{t('itemCategory')}</label>
        <select
          id={id('cat')}
          value={draft.category}
          onChange={(e) => set({ category: e.currentTarget.value })}
        >
          <option value="">—</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div class="item-row">
        <div class="field">
          <label for={id('qty')}>{t('itemQuantity')}</label>
          <input
            id={id('qty')}
            maxLength={100}
            value={draft.quantity}
            onInput={(e) => set({ quantity: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={id('when')}>{t('itemWhen')}</label>
          <input
            id={id('when')}
            maxLength={200}
            value={draft.when}
            onInput={(e) => set({ when: e.currentTarget.value })}
          />
        </div>
      </div>
      <div class="item-row">
        <div class="field">
          <label for={id('value')}>{t('itemValue')}</label>
          <input
            id={id('value')}
            inputMode="decimal"
            value={draft.valuePln}
            onInput={(e) => set({ valuePln: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={id('hours')}>{t('itemHours')}</label>
          <input
            id={id('hours')}
            inputMode="decimal"
            value={draft.hours}
            onInput={(e) => set({ hours: e.currentTarget.value })}
          />
        </div>
      </div>
      {onRemove && (
        <button type="button" class="btn btn-small-light" onClick={onRemove}>
          {t('itemRemove')}
        </button>
      )}
    </fieldset>
  );
}
