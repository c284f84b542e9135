import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HSTS_MAX_AGE_SECONDS } from '../../server/http/securityHeaders';
import { useTestServer } from './helpers';

const t = useTestServer();

async function headersOf(path: string, headers: Record<string, string> = {}): Promise<Headers> {
  const response = await fetch(`${t.server.url}${path}`, { headers });
  await response.arrayBuffer();
  return response.headers;
}

function connectSrc(headers: Headers): string[] {
  const csp = headers.get('content-security-policy') ?? '';
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src '))
      ?.split(' ')
      .slice(1) ?? []
  );
}

describe('security headers', () => {
  it('turn off powerful features, isolate the page and name the server’s own WebSocket origin only', async () => {
    for (const path of ['/', '/healthz', '/api/join/K7PQ2M4XH8RT']) {
      const headers = await headersOf(path);
      expect(headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // Exactly the page's own socket origin: no scheme-wide ws: or wss:.
      expect(connectSrc(headers)).toEqual(["'self'", `ws://127.0.0.1:${t.server.port}`]);
      expect(headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('name the socket origin of the host the browser used', async () => {
    // fetch() sends its own Host; a raw request sends the one a browser on `localhost` would.
    const csp = await new Promise<string>((resolve, reject) => {
      request(`${t.server.url}/`, { headers: { host: `localhost:${t.server.port}` } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      })
        .on('error', reject)
        .end();
    });
    expect(csp).toContain(`connect-src 'self' ws://localhost:${t.server.port};`);
  });

  it('add HSTS and the wss origin when PUBLIC_URL is https', async () => {
    await t.restart({ PUBLIC_URL: 'https://accord.example.org' });
    const headers = await headersOf('/');
    expect(headers.get('strict-transport-security')).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}`);
    expect(connectSrc(headers)).toContain('wss://accord.example.org');
  });

  it('add HSTS when a trusted proxy says the page came over https, and not when anyone else says so', async () => {
    await t.restart({ TRUST_PROXY: '1', ALLOWED_HOSTS: 'accord.example.org' });
    const proxied = await headersOf('/', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'accord.example.org' });
    expect(proxied.get('strict-transport-security')).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}`);
    expect(connectSrc(proxied)).toEqual(["'self'", 'wss://accord.example.org']);
    await t.restart({});
    const direct = await headersOf('/', { 'x-forwarded-proto': 'https' });
    expect(direct.get('strict-transport-security')).toBeNull();
  });
});
