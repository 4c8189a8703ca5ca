// Counts renders per component in the browser tests' build only (TEST_HOOKS), so a test can tell how many sections a
// progress message re-renders. Production builds drop the counting: the constant is false there.
import { TEST_HOOKS } from '../shared/testHooks';

export interface RenderCounts {
  /** Renders of each counted component since the page loaded. */
  renders: Record<string, number>;
  /** Progress messages of the run on screen the page has taken in. */
  progressMessages: number;
}

declare global {
  interface Window {
    __bnlabRenders?: RenderCounts;
  }
}

function counts(): RenderCounts {
  window.__bnlabRenders ??= { renders: {}, progressMessages: 0 };
  return window.__bnlabRenders;
}

/**
 * Called at the top of a component's body. Writing a counter during render is a side effect on purpose: it is the
 * measurement, and it touches nothing React reads.
 */
export function countRender(name: string): void {
  if (!TEST_HOOKS) return;
  const { renders } = counts();
  renders[name] = (renders[name] ?? 0) + 1;
}

export function countProgressMessage(): void {
  if (TEST_HOOKS) counts().progressMessages++;
}
