import type { RequestView } from './requestView';

/** How long browsers keep to https once they saw it here, in seconds (180 days). */
export const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/**
 * Powerful features no page of Accord uses, turned off for it and anything it might embed: a
 * script that got in still cannot reach the camera, microphone, location, payment or devices.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

function webSocketOrigin(proto: 'http' | 'https', host: string): string {
  return `${proto === 'https' ? 'wss' : 'ws'}://${host}`;
}

/**
 * The headers every answer carries. `connect-src` names the server's own WebSocket origin — the
 * one the page connects to (same scheme family and host as the page) and PUBLIC_URL's — instead of
 * any `ws:`/`wss:` host, so an injected script could not send a board anywhere else.
 * Strict-Transport-Security only when the page is served over https (PUBLIC_URL is https, or a
 * trusted proxy says X-Forwarded-Proto: https); sent over plain http it would mean nothing.
 */
export function securityHeaders(view: RequestView, publicUrl: string | null): Record<string, string> {
  const sockets = new Set<string>();
  if (view.host !== undefined && view.isHostAllowed) sockets.add(webSocketOrigin(view.proto, view.host));
  let isHttps = view.proto === 'https';
  if (publicUrl) {
    const url = new URL(publicUrl);
    sockets.add(webSocketOrigin(url.protocol === 'https:' ? 'https' : 'http', url.host));
    isHttps ||= url.protocol === 'https:';
  }
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': [
      "default-src 'self'",
      `connect-src ${["'self'", ...sockets].join(' ')}`,
      "img-src 'self' data:",
      "style-src 'self' 'unsafe-inline'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  if (isHttps) headers['strict-transport-security'] = `max-age=${HSTS_MAX_AGE_SECONDS}`;
  return headers;
}
