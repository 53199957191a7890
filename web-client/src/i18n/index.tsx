import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { en } from './en';
import { pl, type Messages, type PluralKey, type TextKey } from './pl';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
const STORAGE_KEY = 'gielda.lang';
const catalogues: Record<Lang, Messages> = { pl, en };

export type Params = Record<string, string | number>;

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function rules(lang: Lang): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    pluralRules.set(lang, r);
  }
  return r;
}

/** Translate a plain text key. */
export function translate(lang: Lang, key: TextKey, params?: Params): string {
  return fill(catalogues[lang][key], params);
}

/** Translate a plural key: 1 kontrakt, 2 kontrakty, 5 kontraktów, 22 kontrakty, 12 kontraktów. */
export function plural(lang: Lang, key: PluralKey, n: number, params?: Params): string {
  const forms = catalogues[lang][key];
  const category = rules(lang).select(n) as keyof typeof forms;
  const template = forms[category] ?? forms.other;
  const number = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB').format(n);
  return fill(template, { ...params, n: number });
}

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'pl' || v === 'en') return v;
  } catch {
    /* storage unavailable */
  }
  return 'pl';
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: TextKey, params?: Params) => string;
  p: (key: PluralKey, n: number, params?: Params) => string;
  /** Translate a dynamic key (e.g. `phase_${phase}`), falling back to the raw value. */
  tx: (key: string, fallback?: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ComponentChildren; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial ?? storedLang());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* storage unavailable */
    }
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      p: (key, n, params) => plural(lang, key, n, params),
      tx: (key, fallback) => {
        const v = (catalogues[lang] as Record<string, unknown>)[key];
        return typeof v === 'string' ? v : (fallback ?? key);
      },
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
