import { useI18n } from '../i18n';
import type { Category } from './posts';

/** Search and category chips above the offers and requests. */
export function BoardFilters({
  query,
  onQuery,
  category,
  onCategory,
  categories,
  catLabel,
}: {
  query: string;
  onQuery: (q: string) => void;
  category: string | null;
  onCategory: (c: string | null) => void;
  categories: Category[];
  catLabel: (code: string | undefined) => string;
}) {
  const { t } = useI18n();
  return (
    <div class="filters">
      <input
        type="search"
        class="search"
        data-testid="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <div class="chips chips-scroll" role="group" aria-label={t('categoriesLabel')}>
        <button
          type="button"
          class={category === null ? 'chip chip-on' : 'chip'}
          aria-pressed={category === null}
          onClick={() => onCategory(null)}
        >
          {t('allCategories')}
        </button>
        {categories.map((c) => (
          <button
            key={c.code}
            type="button"
            class={category === c.code ? 'chip chip-on' : 'chip'}
            aria-pressed={category === c.code}
            onClick={() => onCategory(category === c.code ? null : (c.code ?? null))}
          >
            {catLabel(c.code ?? '')}
          </button>
        ))}
      </div>
    </div>
  );
}
