import { useEffect, useState } from 'preact/hooks';

/**
 * Board search with a small language layer:
 * - case and Polish diacritics do not matter ("lodz" finds "Łódź"); NFD splits ą ę ó ś ć ń ź ż
 *   into a letter and a combining mark; ł has no decomposition, so it is mapped by hand;
 * - inflected forms find each other through a light suffix stemmer ("sala" finds "salę", "sali",
 *   "salach"; "projectors" finds "projector");
 * - words of one synonym group (ui/synonyms.ts, Polish and English) find each other ("projektor"
 *   finds "rzutnik", "volunteers" finds "wolontariusze"). The groups are loaded on the first search
 *   (loadLexicon / useLexicon) so the first screen does not carry them.
 * A query word the groups know is searched as a word (stem equality), so "sala" does not find
 * "salami"; any other word is also found as a piece of text, as before ("rzut" finds "rzutnik",
 * "ann" finds "Anna").
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(/ł/g, 'l');
}

/** Words of a query, folded; empty for a blank query. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/**
 * Polish noun and adjective endings (folded), longest first; "ow" before an adjective ending goes
 * too, so "autobusowy" meets "autobus". Stripped only when at least 3 letters remain.
 */
const ENDINGS = [
  'owymi', 'owych', 'owego', 'owemu', 'owej', 'owym', 'iach', 'iami',
  'ami', 'ach', 'ych', 'ich', 'ymi', 'imi', 'ego', 'emu', 'iem', 'owi', 'owy', 'owa', 'owe', 'iom',
  'ow', 'om', 'em', 'ej', 'ie', 'ia', 'iu', 'ym', 'im',
  'a', 'e', 'i', 'o', 'u', 'y',
]; // prettier-ignore
const MIN_STEM = 3;

/** Words whose ending is not an inflection, kept whole ("salami" is a sausage here, not "salami" the rooms). */
const WHOLE = new Set(['salami']);

/** The stem of one folded word. */
export function stem(word: string): string {
  if (WHOLE.has(word)) return word;
  for (const e of ENDINGS) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

/** Stems a folded word may have: its Polish stem and, for an English plural, the singular's. */
export function wordStems(word: string): string[] {
  const out = [stem(word)];
  if (word.endsWith('s') && word.length - 1 >= MIN_STEM) {
    const singular = stem(word.slice(0, -1));
    if (singular !== out[0]) out.push(singular);
  }
  return out;
}

const words = (folded: string) => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A run of words; each position accepts any of its stems. */
type Sequence = string[][];

/** Every spelling of a run of stems as one key, e.g. "projectors" as "projectors" and "projector". */
function keysOf(seq: Sequence): string[] {
  return seq.reduce<string[]>(
    (acc, stems) => acc.flatMap((k) => stems.map((s) => (k ? `${k} ${s}` : s))),
    [''],
  );
}

interface Lexicon {
  /** A member's stems (joined by spaces) → the groups (indexes) it belongs to. */
  byStem: Map<string, number[]>;
  /** Each group's members as stem sequences. */
  groups: Sequence[][];
  /** The longest member, in words. */
  longest: number;
}

let lexicon: Lexicon | null = null;
let loading: Promise<void> | null = null;

export function buildLexicon(groups: readonly string[]): Lexicon {
  const byStem = new Map<string, number[]>();
  let longest = 1;
  const built = groups.map((group, i) =>
    group
      .split(',')
      .map((member) => words(fold(member)).map(wordStems))
      .filter((seq) => seq.length > 0)
      .map((seq) => {
        longest = Math.max(longest, seq.length);
        for (const key of keysOf(seq)) {
          const ids = byStem.get(key) ?? [];
          if (!ids.includes(i)) byStem.set(key, [...ids, i]);
        }
        return seq;
      }),
  );
  return { byStem, groups: built, longest };
}

/** Loads the synonym groups once (a chunk of its own); the search works without them meanwhile. */
export function loadLexicon(): Promise<void> {
  loading ??= import('./synonyms')
    .then((m) => {
      lexicon = buildLexicon(m.SYNONYM_GROUPS);
    })
    .catch(() => {
      loading = null; // offline before the chunk was cached: plain search now, try again later
    });
  return loading;
}

/** Loads the synonym groups once a search starts and re-renders the caller when they arrive. */
export function useLexicon(searching: boolean): void {
  const [, setReady] = useState(lexicon !== null);
  useEffect(() => {
    if (searching && !lexicon) void loadLexicon().then(() => setReady(lexicon !== null));
  }, [searching]);
}

/** What one query word (or a known phrase of several) must find. */
interface Meaning {
  text: string;
  /** Any of these runs of words, by stem. */
  sequences: Sequence[];
  /** Unknown to the groups: may also be found as a piece of the text. */
  loose: boolean;
}

function groupsOf(seq: Sequence): number[] {
  if (!lexicon) return [];
  const found = new Set<number>();
  for (const k of keysOf(seq)) for (const id of lexicon.byStem.get(k) ?? []) found.add(id);
  return [...found];
}

/** Query words as meanings; consecutive words that form a known phrase become one. */
function meanings(terms: readonly string[]): Meaning[] {
  const out: Meaning[] = [];
  for (let i = 0; i < terms.length;) {
    let taken = 1;
    let ids: number[] = [];
    for (let n = Math.min(lexicon?.longest ?? 1, terms.length - i); n >= 1; n--) {
      const seq = terms
        .slice(i, i + n)
        .flatMap((t) => words(t))
        .map(wordStems);
      ids = seq.length === n ? groupsOf(seq) : [];
      if (ids.length > 0 || n === 1) {
        taken = n;
        break;
      }
    }
    const text = terms.slice(i, i + taken).join(' ');
    const own = words(text).map(wordStems);
    out.push(
      ids.length > 0
        ? { text, sequences: [own, ...ids.flatMap((id) => lexicon?.groups[id] ?? [])], loose: false }
        : { text, sequences: own.length > 0 ? [own] : [], loose: true },
    );
    i += taken;
  }
  return out;
}

function contains(hay: readonly string[][], seq: Sequence): boolean {
  for (let i = 0; i + seq.length <= hay.length; i++) {
    if (seq.every((stems, k) => stems.some((s) => hay[i + k]?.includes(s)))) return true;
  }
  return false;
}

/** True when every word of the query finds something in one of the texts (any order, any field). */
export function matchesQuery(
  terms: readonly string[],
  texts: readonly (string | null | undefined)[],
): boolean {
  if (terms.length === 0) return true;
  const hay = fold(texts.filter(Boolean).join('\n'));
  let stems: { runs: string[][]; all: Set<string> } | null = null;
  return meaningsOf(terms).every((m) => {
    if (m.loose && hay.includes(m.text)) return true;
    // stems only when needed, e.g. not for a half-typed word already found as a piece of text
    if (!stems) {
      const runs = words(hay).map(cachedStems);
      stems = { runs, all: new Set(runs.flat()) };
    }
    const { runs, all } = stems;
    return m.sequences.some((seq) =>
      seq.length === 1 ? (seq[0] ?? []).some((s) => all.has(s)) : contains(runs, seq),
    );
  });
}

/*
 * The board filters every post on every keystroke and live update: the query's meanings are worked
 * out once per query, and the stems of a word once per word (the board's vocabulary is small).
 */
const stemCache = new Map<string, string[]>();
let lastQuery: { key: string; lexicon: Lexicon | null; meanings: Meaning[] } | null = null;

function cachedStems(word: string): string[] {
  let out = stemCache.get(word);
  if (!out) {
    if (stemCache.size > 20_000) stemCache.clear();
    out = wordStems(word);
    stemCache.set(word, out);
  }
  return out;
}

function meaningsOf(terms: readonly string[]): Meaning[] {
  const key = terms.join(' ');
  if (lastQuery?.key !== key || lastQuery.lexicon !== lexicon) {
    lastQuery = { key, lexicon, meanings: meanings(terms) };
  }
  return lastQuery.meanings;
}
