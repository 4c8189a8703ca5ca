// Download progress for the page at most every `intervalMs`, and always its last word: every message re-renders the
// page's progress line, and at one a network chunk the page's thread fell behind the download itself (measured in
// docs/deploy.md: the page learned the data was in ~0.8 s late). Plain functions, no DOM.

export type ProgressReport = (loadedBytes: number, totalBytes: number) => void;

export function throttleProgress(
  report: ProgressReport,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): ProgressReport {
  let last = Number.NEGATIVE_INFINITY;
  return (loadedBytes, totalBytes) => {
    const t = now();
    if (loadedBytes < totalBytes && t - last < intervalMs) return;
    last = t;
    report(loadedBytes, totalBytes);
  };
}
