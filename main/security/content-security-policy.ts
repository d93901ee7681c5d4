/**
 * The workbench's Content-Security-Policy, sent by both the app:// protocol handler and
 * `assay serve`: only our own scripts, no inline script, no framing, no plugins. Styles may be
 * inline because Radix and sonner position elements with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
