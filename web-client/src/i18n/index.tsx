import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { pl, type Messages, type PluralKey, type TextKey } from './pl';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
const STORAGE_KEY = 'gielda.lang';
// Polish is in the first screen's code; English loads on first use (its own chunk).
const catalogues: Partial<Record<Lang, Messages>> = { pl };
let loadingEn: Promise<void> | null = null;

/** Loads a language's strings (English: its own chunk, once); resolves at once when they are there. */
export function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return Promise.resolve();
  loadingEn ??= import('./en').then(
    (m) => {
      catalogues.en = m.en;
    },
    (e: unknown) => {
      loadingEn = null;
      throw e;
    },
  );
  return loadingEn;
}

/** The strings of a language, Polish until the other one has loaded. */
const messages = (lang: Lang): Messages => catalogues[lang] ?? pl;

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
  return fill(messages(lang)[key], params);
}

/** Translate a plural key: 1 kontrakt, 2 kontrakty, 5 kontraktów, 22 kontrakty, 12 kontraktów. */
export function plural(lang: Lang, key: PluralKey, n: number, params?: Params): string {
  const forms = messages(lang)[key];
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
  const wanted = initial ?? storedLang();
  // English shows once its strings are here (start.tsx loads them before the first render).
  const [lang, setLangState] = useState<Lang>(catalogues[wanted] ? wanted : 'pl');
  useEffect(() => {
    if (lang !== wanted)
      loadLang(wanted).then(
        () => setLangState(wanted),
        () => {
          /* offline before the strings were ever loaded: Polish */
        },
      );
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* storage unavailable */
    }
    loadLang(l).then(
      () => setLangState(l),
      () => {
        /* offline before the strings were ever loaded: stay in the current language */
      },
    );
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      p: (key, n, params) => plural(lang, key, n, params),
      tx: (key, fallback) => {
        const v = (messages(lang) as Record<string, unknown>)[key];
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
