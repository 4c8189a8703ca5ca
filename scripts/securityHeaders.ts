// The HTTP security headers of the built app: set by `vite preview` (vite.config.ts) and written to
// public/_headers for static hosts that read that file (Netlify, Cloudflare Pages); docs/security.md
// says how to set them elsewhere. The dev server does not send them (Vite's dev client needs inline scripts).

/**
 * Content-Security-Policy: everything from the page's own origin, nothing inline, no eval.
 * 'wasm-unsafe-eval' is needed by TF.js's WASM backend (WebAssembly.instantiate is refused without it — checked by
 * the e2e security test); it allows compiling WebAssembly only, not JavaScript eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  // The chart PNG export is a blob: link. data: served the old empty favicon (now icons/icon.svg); nothing in src/
  // uses it today, so it could go after a session-long check (e2e/privacy.spec.ts).
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors in the CSP says the same to browsers that read it; this covers older ones.
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Caching that the service worker and the build's names rely on: the service worker script is checked on every
 * visit (browsers do so anyway since 2018; older ones honoured its max-age), and files under assets/ carry a content
 * hash in their names, so a host may keep them forever.
 */
export const CACHE_RULES: ReadonlyArray<{ path: string; cacheControl: string }> = [
  { path: '/sw.js', cacheControl: 'no-cache' },
  { path: '/assets/*', cacheControl: 'public, max-age=31536000, immutable' },
];

/** The Netlify / Cloudflare Pages `_headers` file: every path gets the headers, then the caching rules. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  const caching = CACHE_RULES.flatMap((rule) => [rule.path, `  Cache-Control: ${rule.cacheControl}`]);
  return [
    '# Generated from scripts/securityHeaders.ts (a unit test keeps them equal).',
    '/*',
    ...lines,
    ...caching,
    '',
  ].join('\n');
}
