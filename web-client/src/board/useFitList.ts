import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The big screen never scrolls, so a list that is too long for its panel is cut by the panel's
 * edge — mid-line, from across the hall. This takes out every list item that does not fit whole
 * inside the returned element's box (from the first that does not on), after each render and
 * resize, so the panel's content never overflows it.
 */
export function useFitList<T extends HTMLElement>(deps: unknown[]) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      const items = [...box.querySelectorAll<HTMLElement>('li')];
      items.forEach((li) => (li.style.display = ''));
      const bottom = box.getBoundingClientRect().bottom - parseFloat(getComputedStyle(box).paddingBottom);
      // In order: an item too tall to fit goes, and the ones after it move up and may fit.
      // The first item always stays (its text is clamped in CSS): an empty panel says nothing.
      items.slice(1).forEach((li) => {
        if (li.getBoundingClientRect().bottom > bottom + 1) li.style.display = 'none';
      });
    };
    fit();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    ro?.observe(box);
    // An item entering with an animation is measured where it ends, not where it starts.
    box.addEventListener('animationend', fit);
    // Entrance animations, web fonts and the rows around the panel (head, counters) settle after
    // the first render: nobody touches this screen, so measuring again every 2 s is the simple
    // sure way (a few rectangles; nothing moves unless the fit changed).
    const timer = setInterval(fit, 2000);
    return () => {
      ro?.disconnect();
      box.removeEventListener('animationend', fit);
      clearInterval(timer);
    };
  }, deps);
  return ref;
}
