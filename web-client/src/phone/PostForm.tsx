import { useMemo, useState } from 'preact/hooks';
import type { Person } from '../api/types';
import { useI18n } from '../i18n';
import type { Post } from '../realtime/protocol';
import { matchesQuery, queryTerms } from '../ui/search';
import { parseAmount } from './amount';
import { categoryName, type Category } from './posts';

export interface PostValues {
  kind: NonNullable<Post['kind']>;
  category: string;
  title: string;
  description: string;
  quantity: string;
  availability: string;
  town: string;
  valuePln: string;
  hours: string;
  /** Animator: the person the post is for (null: themselves). */
  onBehalfOf: number | null;
}

export interface FormError {
  message?: string;
  fieldErrors: Record<string, string>;
}

/**
 * The post form, built to take under 30 seconds on a phone: kind, title and a category chip are
 * all that is needed; the rest folds away. It keeps nothing after it closes.
 */
export function PostForm({
  mode,
  initial,
  categories,
  people,
  selfAllowed,
  onSubmit,
  onCancel,
}: {
  mode: 'new' | 'edit';
  initial: PostValues;
  categories: readonly Category[];
  /** Animator: people to post for; undefined for everyone else. */
  people?: readonly Person[] | undefined;
  selfAllowed: boolean;
  onSubmit: (v: PostValues) => Promise<FormError | null>;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [v, setV] = useState<PostValues>(initial);
  const [errors, setErrors] = useState<FormError>({ fieldErrors: {} });
  const [busy, setBusy] = useState(false);
  const [personQuery, setPersonQuery] = useState('');
  const hasDetails = !!(
    initial.description ||
    initial.quantity ||
    initial.availability ||
    initial.valuePln ||
    initial.hours
  );
  const set = <K extends keyof PostValues>(k: K, val: PostValues[K]) => setV((old) => ({ ...old, [k]: val }));

  const shownPeople = useMemo(() => {
    if (!people) return [];
    const terms = queryTerms(personQuery);
    return people
      .filter((p) => matchesQuery(terms, [p.displayName, p.entityName]))
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'pl'));
  }, [people, personQuery]);

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (v.title.trim().length < 3) e.title = t('postTitleShort');
    if (!v.category) e.category = t('postCategoryMissing');
    if (Number.isNaN(parseAmount(v.valuePln))) e.valuePln = t('postNumberInvalid');
    if (Number.isNaN(parseAmount(v.hours))) e.hours = t('postNumberInvalid');
    if (people && !selfAllowed && v.onBehalfOf === null && mode === 'new')
      e.onBehalfOf = t('onBehalfMissing');
    return e;
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    const local = validate();
    if (Object.keys(local).length > 0) {
      setErrors({ fieldErrors: local });
      const first = document.querySelector<HTMLElement>(`[data-field="${Object.keys(local)[0]}"]`);
      first?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    setErrors({ fieldErrors: {} });
    const err = await onSubmit({ ...v, title: v.title.trim() });
    setBusy(false);
    if (err) setErrors(err);
  };

  const fe = errors.fieldErrors;
  const err = (name: string) =>
    fe[name] ? (
      <small class="field-error" id={`pf-${name}-err`} data-testid={`field-error-${name}`}>
        {fe[name]}
      </small>
    ) : null;
  const text = (
    name: 'quantity' | 'availability' | 'town',
    label: string,
    placeholder?: string,
    maxLength = 100,
  ) => (
    <div class="field" data-field={name}>
      <label for={`pf-${name}`}>{label}</label>
      <input
        id={`pf-${name}`}
        name={name}
        autoComplete="off"
        maxLength={maxLength}
        placeholder={placeholder}
        value={v[name]}
        onInput={(e) => set(name, e.currentTarget.value)}
      />
      {err(name)}
    </div>
  );
  const amount = (name: 'valuePln' | 'hours', label: string) => (
    <div class={fe[name] ? 'field field-invalid' : 'field'} data-field={name}>
      <label for={`pf-${name}`}>{label}</label>
      <input
        id={`pf-${name}`}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        value={v[name]}
        aria-invalid={fe[name] ? 'true' : undefined}
        onInput={(e) => set(name, e.currentTarget.value)}
      />
      {err(name)}
    </div>
  );

  return (
    <form class="post-form" onSubmit={submit} noValidate autoComplete="off" data-testid="post-form">
      <h1>{mode === 'new' ? t('newPostTitle') : t('editPostTitle')}</h1>

      {people && mode === 'new' && (
        <div class={fe.onBehalfOf ? 'field field-invalid' : 'field'} data-field="onBehalfOf">
          <label for="pf-onBehalfOf">{t('onBehalfOf')}</label>
          <input
            type="search"
            aria-label={t('onBehalfSearch')}
            placeholder={t('onBehalfSearch')}
            value={personQuery}
            onInput={(e) => setPersonQuery(e.currentTarget.value)}
          />
          <select
            id="pf-onBehalfOf"
            name="onBehalfOf"
            value={v.onBehalfOf ?? ''}
            onChange={(e) => {
              const val = e.currentTarget.value;
              set('onBehalfOf', val ? Number(val) : null);
            }}
          >
            <option value="">{selfAllowed ? t('onBehalfMe') : t('onBehalfChoose')}</option>
            {shownPeople.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.entityName ? ` — ${p.entityName}` : ''}
              </option>
            ))}
          </select>
          {err('onBehalfOf')}
        </div>
      )}

      <fieldset class="kind-toggle" disabled={mode === 'edit'}>
        <legend>{t('postKind')}</legend>
        {(['OFFER', 'REQUEST'] as const).map((k) => (
          <label key={k} class={`kind-option kind-option-${k}${v.kind === k ? ' kind-option-on' : ''}`}>
            <input
              type="radio"
              name="kind"
              value={k}
              checked={v.kind === k}
              onChange={() => set('kind', k)}
            />
            <span>{k === 'OFFER' ? t('kindOfferVerb') : t('kindRequestVerb')}</span>
          </label>
        ))}
      </fieldset>

      <div class={fe.title ? 'field field-invalid' : 'field'} data-field="title">
        <label for="pf-title">{t('postTitle')}</label>
        <input
          id="pf-title"
          name="title"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={120}
          placeholder={t('postTitlePlaceholder')}
          value={v.title}
          aria-invalid={fe.title ? 'true' : undefined}
          aria-describedby={fe.title ? 'pf-title-err' : undefined}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
        {err('title')}
      </div>

      <fieldset class={fe.category ? 'chips-field field-invalid' : 'chips-field'} data-field="category">
        <legend>{t('postCategory')}</legend>
        <div class="chips chips-wrap" role="radiogroup" aria-label={t('postCategory')}>
          {categories.map((c) => (
            <button
              key={c.code}
              type="button"
              role="radio"
              aria-checked={v.category === c.code}
              class={v.category === c.code ? 'chip chip-on' : 'chip'}
              onClick={() => set('category', c.code ?? '')}
            >
              {categoryName(categories, c.code, lang)}
            </button>
          ))}
        </div>
        {err('category')}
      </fieldset>

      <details class="more" open={hasDetails || undefined}>
        <summary>{t('postMore')}</summary>
        <div class="more-body">
          <div class="field" data-field="description">
            <label for="pf-description">{t('postDescription')}</label>
            <textarea
              id="pf-description"
              name="description"
              rows={3}
              maxLength={2000}
              value={v.description}
              onInput={(e) => set('description', e.currentTarget.value)}
            />
            {err('description')}
          </div>
          {text('quantity', t('postQuantity'), t('postQuantityPlaceholder'))}
          {text('availability', t('postAvailability'), t('postAvailabilityPlaceholder'), 200)}
          {text('town', t('postTown'))}
          <div class="row-2">
            {amount('valuePln', t('postValue'))}
            {amount('hours', t('postHours'))}
          </div>
        </div>
      </details>

      {errors.message && (
        <p class="error-box" role="alert" data-testid="error">
          {errors.message}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="post-submit">
          {mode === 'new' ? t('publish') : t('saveChanges')}
        </button>
      </div>
    </form>
  );
}
