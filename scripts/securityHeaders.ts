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
  // The favicon is an empty data: URL; the chart PNG export is a blob: link.
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

/** The Netlify / Cloudflare Pages `_headers` file: every path gets the headers. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Generated from scripts/securityHeaders.ts (a unit test keeps them equal).', '/*', ...lines, ''].join('\n');
}
