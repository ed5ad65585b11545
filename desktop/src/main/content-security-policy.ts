/**
 * The renderer's Content-Security-Policy: code only from the app bundle, network only to the
 * app itself and the one OpsWorker server the user connected to. Nothing inline: React's
 * `style` props go through the CSSOM, which the policy does not restrict.
 */
export function buildContentSecurityPolicy(serverOrigin: string | null): string {
  const connect = ["'self'", ...(serverOrigin === null ? [] : [serverOrigin])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** `https://ops.example.com:8443/some/path` → `https://ops.example.com:8443`; null for non-web URLs. */
export function originOf(serverUrl: string): string | null {
  if (!URL.canParse(serverUrl)) return null;
  const url = new URL(serverUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
}
