import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { pl, type Messages, type PluralKey, type TextKey } from './pl';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
const STORAGE_KEY = 'gielda.lang';
// The first screen's Polish strings are in its code; the other Polish strings (pl-more.ts) and
// English load on first use (their own chunks).
const catalogues: Partial<Record<Lang, Partial<Messages>>> = { pl };
let loadingEn: Promise<void> | null = null;
let loadingMore: Promise<void> | null = null;
const loaded = new Set<() => void>();

/** Loads the Polish strings of the screens after the board (lazy screens wait for them). */
export function loadMoreStrings(): Promise<void> {
  loadingMore ??= import('./pl-more').then(
    (m) => {
      catalogues.pl = { ...m.plMore, ...catalogues.pl };
      loaded.forEach((l) => l());
    },
    (e: unknown) => {
      loadingMore = null;
      throw e;
    },
  );
  return loadingMore;
}

/** A string that is not there yet: asks for the rest of the strings, and shows nothing until then. */
function missing(): '' {
  loadMoreStrings().catch(() => {
    /* offline before they were ever loaded: asked again on the next miss */
  });
  return '';
}

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
const messages = (lang: Lang): Partial<Messages> => catalogues[lang] ?? catalogues.pl ?? pl;

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
  const template = messages(lang)[key];
  return template === undefined ? missing() : fill(template, params);
}

/** Translate a plural key: 1 kontrakt, 2 kontrakty, 5 kontraktów, 22 kontrakty, 12 kontraktów. */
export function plural(lang: Lang, key: PluralKey, n: number, params?: Params): string {
  const forms = messages(lang)[key];
  if (forms === undefined) return missing();
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
  // Strings that arrive later (pl-more.ts) redraw what showed without them.
  const [strings, setStrings] = useState(0);
  useEffect(() => {
    const l = () => setStrings((n) => n + 1);
    loaded.add(l);
    return () => void loaded.delete(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      p: (key, n, params) => plural(lang, key, n, params),
      tx: (key, fallback) => {
        const v = (messages(lang) as Record<string, unknown>)[key];
        if (typeof v === 'string') return v;
        if (!loadingMore) missing();
        return fallback ?? key;
      },
    }),
    [lang, setLang, strings],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
