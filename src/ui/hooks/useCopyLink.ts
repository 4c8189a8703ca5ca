// Copies a link to the clipboard, and says how it went: copied, or shown for copying by hand when the clipboard is
// unavailable (an insecure origin, an old browser) or refuses (permission denied, page not focused).
import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyOutcome = { status: 'idle' } | { status: 'copied' } | { status: 'manual'; reason: string };

/** Long enough to read "Link copied", short enough that a second copy announces again. */
const COPIED_MS = 3_000;

export function useCopyLink(): { outcome: CopyOutcome; copy: (link: string) => Promise<void>; dismiss: () => void } {
  const [outcome, setOutcome] = useState<CopyOutcome>({ status: 'idle' });
  const timer = useRef<number | null>(null);
  const mounted = useRef(true);

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimer();
    };
  }, []);

  const copy = useCallback(async (link: string) => {
    clearTimer();
    // Optional chaining: `navigator.clipboard` is undefined outside secure contexts, whatever the types say.
    const clipboard = (navigator as Partial<Navigator>).clipboard;
    if (!clipboard?.writeText) {
      setOutcome({ status: 'manual', reason: 'This browser does not let the page use the clipboard here.' });
      return;
    }
    try {
      await clipboard.writeText(link);
      if (!mounted.current) return;
      setOutcome({ status: 'copied' });
      timer.current = window.setTimeout(() => setOutcome({ status: 'idle' }), COPIED_MS);
    } catch (err) {
      if (!mounted.current) return;
      const why = err instanceof Error && err.message ? err.message : String(err);
      setOutcome({ status: 'manual', reason: `The clipboard refused the link (${why}).` });
    }
  }, []);

  const dismiss = useCallback(() => {
    clearTimer();
    setOutcome({ status: 'idle' });
  }, []);

  return { outcome, copy, dismiss };
}
