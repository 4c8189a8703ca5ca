// A service worker that cannot start gets a plain sentence, never the exception's text.
import { describe, expect, it } from 'vitest';
import { serviceWorkerFailureText, SW_BLOCKED_TEXT, SW_FAILED_TEXT } from './serviceWorkerText';

describe('serviceWorkerFailureText', () => {
  it('says service workers are blocked for what a blocking browser throws', () => {
    expect(serviceWorkerFailureText(new TypeError("Cannot read properties of undefined (reading 'waiting')"))).toBe(
      SW_BLOCKED_TEXT,
    );
    expect(serviceWorkerFailureText(new DOMException('The operation is insecure.', 'SecurityError'))).toBe(
      SW_BLOCKED_TEXT,
    );
    expect(serviceWorkerFailureText(new DOMException('nope', 'NotSupportedError'))).toBe(SW_BLOCKED_TEXT);
    expect(serviceWorkerFailureText(new Error('Service workers are disabled by policy'))).toBe(SW_BLOCKED_TEXT);
  });

  it('says the offline copy failed for anything else, without the raw message', () => {
    const text = serviceWorkerFailureText(
      new TypeError('Failed to register a ServiceWorker: A bad HTTP response (404)'),
    );
    expect(text).toBe(SW_FAILED_TEXT);
    expect(serviceWorkerFailureText('weird')).toBe(SW_FAILED_TEXT);
    expect(text).not.toContain('404');
  });
});
