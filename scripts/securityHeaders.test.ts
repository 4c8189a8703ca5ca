import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, headersFile } from './securityHeaders';

describe('security headers', () => {
  it('allow no eval, no inline script and no other origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });

  it('public/_headers for static hosts says the same as vite preview', () => {
    expect(readFileSync(new URL('../public/_headers', import.meta.url), 'utf8')).toBe(headersFile());
  });
});
