// Points the learner at a part of the page from the tour: scrolls it into view, opens it when it is a folded section,
// and moves the keyboard focus there.
import type { Inspector } from './tourSteps';

const SELECTORS: Record<Inspector | 'settings', string> = {
  figure: 'section.figure',
  'epoch-log': '[data-testid="epoch-log"]',
  'bn-inside': '[data-testid="bn-inside"]',
  'test-set': '.inspect-panel',
  settings: '#settings-sheet',
};

export function scrollToInspector(target: Inspector | 'settings'): void {
  const el = document.querySelector<HTMLElement>(SELECTORS[target]);
  if (el === null) return;
  if (el instanceof HTMLDetailsElement) el.open = true;
  if (target === 'settings')
    document.querySelector<HTMLButtonElement>('[data-testid="settings-toggle"][aria-expanded="false"]')?.click();
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  const focusable = el instanceof HTMLDetailsElement ? el.querySelector<HTMLElement>('summary') : el;
  if (focusable !== null) {
    if (!focusable.matches('summary, a, button, input, select, textarea')) focusable.tabIndex = -1;
    focusable.focus({ preventScroll: true });
  }
}

/** Opens the BN inspectors so they record during the next run (they record only while open). */
export function openInside(): void {
  const el = document.querySelector('[data-testid="bn-inside"]');
  if (el instanceof HTMLDetailsElement) el.open = true;
}

/**
 * Brings the figure to the top of the screen when the tour starts a run on a narrow screen, where the tour is a bottom
 * sheet: the curves then draw above it. The focus stays in the tour. On wide screens the figure is already in view.
 */
export function showFigure(): void {
  const figure = document.querySelector<HTMLElement>('section.figure');
  if (figure === null || !window.matchMedia('(max-width: 1099px)').matches) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  figure.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}
