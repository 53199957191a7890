import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { TextKey } from '../i18n/pl';

export type Tab = 'offers' | 'requests' | 'mine' | 'matches' | 'contracts';
const TABS: { id: Tab; label: TextKey }[] = [
  { id: 'offers', label: 'tabOffers' },
  { id: 'requests', label: 'tabRequests' },
  { id: 'mine', label: 'tabMine' },
  { id: 'matches', label: 'tabMatches' },
  { id: 'contracts', label: 'tabContracts' },
];
const TAB_KEY = 'gielda.tab';

function storedTab(): Tab {
  try {
    const v = sessionStorage.getItem(TAB_KEY);
    return TABS.some((x) => x.id === v) ? (v as Tab) : 'offers';
  } catch {
    return 'offers';
  }
}

/** The open tab, kept for the browser tab's session (back from a post lands on the same tab). */
export function useTab(): [Tab, (t: Tab) => void] {
  const [tab, setTabState] = useState<Tab>(storedTab);
  const setTab = (x: Tab) => {
    setTabState(x);
    try {
      sessionStorage.setItem(TAB_KEY, x);
    } catch {
      /* storage unavailable */
    }
  };
  return [tab, setTab];
}

/** What a tab shows beside its name: a count of posts, or a badge of unseen news. */
export type TabMark = { kind: 'count'; n: number } | { kind: 'news'; n: number; testId: string } | null;

/** WAI-ARIA tabs: arrows, Home and End move between the tabs and select them. */
export function BoardTabs({
  tab,
  onTab,
  mark,
}: {
  tab: Tab;
  onTab: (t: Tab) => void;
  mark: (t: Tab) => TabMark;
}) {
  const { t } = useI18n();
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = TABS[to]!.id;
    onTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onTabKey}>
      {TABS.map((x) => {
        const m = mark(x.id);
        return (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls="tabpanel"
            tabIndex={tab === x.id ? 0 : -1}
            class={tab === x.id ? 'tab tab-active' : 'tab'}
            onClick={() => onTab(x.id)}
          >
            {t(x.label)}
            {m?.kind === 'count' && <span class="tab-count">{m.n}</span>}
            {m?.kind === 'news' && m.n > 0 && (
              <span class="tab-badge" data-testid={m.testId}>
                {m.n}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
