// Space toggles the pause of a run in progress, unless the focus is where Space means something else (a text
// field, a select, a button, a link, the drawing pad…).
import { useEffect, useRef } from 'react';

/** Whether a key press on this element belongs to it rather than to the page. */
export function spaceBelongsTo(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (
    target.closest(
      'input, textarea, select, button, a[href], summary, [contenteditable=""], [contenteditable="true"], canvas, [role="slider"], [role="textbox"], [tabindex]:not(body)',
    )
  ) {
    return true;
  }
  return false;
}

export function useSpaceToPause(enabled: boolean, toggle: () => void): void {
  const latest = useRef(toggle);
  useEffect(() => {
    latest.current = toggle;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (spaceBelongsTo(e.target)) return;
      // Space would otherwise scroll the page.
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
