import { useI18n } from '../i18n';

/**
 * A swap has two sides: when every item runs from the same party, say so (a gift typed the wrong
 * way round was registered unnoticed). A warning, not a refusal — a one-way gift can be meant.
 */
export function OneWayWarning({
  items,
  parties,
}: {
  items: readonly { from?: number | null; fromEntityId?: number | null }[];
  parties: readonly { id: number; name: string }[];
}) {
  const { t } = useI18n();
  if (items.length === 0 || parties.length !== 2) return null;
  const froms = new Set(items.map((i) => i.from ?? i.fromEntityId));
  if (froms.size !== 1) return null;
  const giver = parties.find((p) => froms.has(p.id));
  const other = parties.find((p) => p !== giver);
  if (!giver || !other) return null;
  return (
    <p class="notice warning-one-way" role="status" data-testid="one-way-warning">
      {t('oneWayWarning', { from: giver.name, to: other.name })}
    </p>
  );
}
