// What the page says when the service worker cannot be registered: a sentence a user understands, never the raw
// exception (Workbox's "Cannot read properties of undefined (reading 'waiting')" when the browser blocks service
// workers). The exception itself goes to the console.

export const SW_BLOCKED_TEXT =
  'Offline use is unavailable in this browser: service workers are blocked. Everything else works.';
export const SW_FAILED_TEXT =
  'Offline use is unavailable: the offline copy could not be set up (the browser console says why). Everything else works.';

/**
 * The sentence for a registration error. Blocked: the browser refused (a SecurityError or NotSupportedError, a
 * private window, a policy, or Workbox finding no registration at all); anything else (the script missing on the
 * host, a network error) is a failure.
 */
export function serviceWorkerFailureText(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'SecurityError' || name === 'NotSupportedError') return SW_BLOCKED_TEXT;
  // Workbox reads `.waiting` off the registration the browser did not give it.
  if (error instanceof TypeError && /undefined|null/.test(message)) return SW_BLOCKED_TEXT;
  if (/blocked|denied|not allowed|disabled|not supported|insecure|secure context/i.test(message)) {
    return SW_BLOCKED_TEXT;
  }
  return SW_FAILED_TEXT;
}
