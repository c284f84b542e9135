import { request } from 'node:http';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { HostPolicy } from '../../server/http/hostPolicy';
import { encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { createBoard, joinTokenOf, openRaw, useTestServer, waitFor } from './helpers';

const t = useTestServer();

/** A raw HTTP request with the Host header a browser on another name would send. */
function get(
  path: string,
  host: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.server.url}${path}`, { headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status line of a WebSocket upgrade with this Host. */
function upgradeStatus(path: string, host: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.server.url}${path}`, {
      headers: {
        host,
        ...(origin ? { origin } : {}),
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host allow-list (DNS rebinding)', () => {
  it('answers the names a facilitator uses — localhost, loopback and LAN addresses — and 421 to any other name', async () => {
    const port = t.server.port;
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `192.168.1.20:8787`,
      `10.0.0.7`,
      `LOCALHOST:${port}`,
    ]) {
      expect((await get('/healthz', host)).status, host).toBe(200);
    }
    for (const host of [
      `rebind.attacker.example:${port}`,
      'localhost.attacker.example',
      '127.0.0.1.nip.io',
      'a b',
      'x@localhost',
    ]) {
      const page = await get('/', host);
      expect(page.status, host).toBe(421);
      expect(page.type).toBe('text/plain; charset=utf-8');
      expect(page.body).toMatch(/does not answer to the name/);
      const api = await get('/api/join/K7PQ2M4XH8RT', host);
      expect(api.status).toBe(421);
      expect(JSON.parse(api.body)).toMatchObject({ error: 'unknown_host', message: expect.stringMatching(/ALLOWED_HOSTS/) });
    }
  });

  it('refuses a WebSocket upgrade on another name with 421 before any handshake, and accepts its own', async () => {
    const created = await createBoard(t.server);
    expect(await upgradeStatus(`/ws/${created.boardId}`, 'rebind.attacker.example')).toBe(421);
    expect(await upgradeStatus(`/ws/${created.boardId}`, `localhost:${t.server.port}`)).toBe(101);
    // What a page on the rebound name sends: an Origin that matches its Host. Still 421.
    expect(await upgradeStatus(`/ws/${created.boardId}`, 'rebind.attacker.example', 'http://rebind.attacker.example')).toBe(421);
  });

  it('answers PUBLIC_URL’s name and the names of ALLOWED_HOSTS, and every name with ALLOWED_HOSTS=*', async () => {
    await t.restart({ PUBLIC_URL: 'https://accord.example.org', ALLOWED_HOSTS: 'Board.Example, other.example' });
    for (const host of ['accord.example.org', 'board.example:8787', 'other.example', 'accord.example.org.']) {
      expect((await get('/healthz', host)).status, host).toBe(200);
    }
    expect((await get('/healthz', 'example.org')).status).toBe(421);
    await t.restart({ ALLOWED_HOSTS: '*' });
    expect((await get('/healthz', 'anything.example')).status).toBe(200);
  });

  it('lets a WebSocket in through an allowed name whose page is on that name', async () => {
    await t.restart({ ALLOWED_HOSTS: 'accord.lan' });
    const created = await createBoard(t.server);
    const ok = await openRaw(t.server, created.boardId, { Host: 'accord.lan:8787', Origin: 'http://accord.lan:8787' });
    ok.sendFrame(
      encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
    );
    await waitFor(() => ok.frames.length > 0, 5000, 'welcome');
    ok.ws.close();
  });
});

describe('HostPolicy', () => {
  const policy = (host: string, publicUrl: string | null = null, allowedHosts: string[] = []) =>
    new HostPolicy({ host, publicUrl, allowedHosts });

  it('with HOST=0.0.0.0 and no PUBLIC_URL, answers this machine’s name (and name.local) and any address', () => {
    const name = os.hostname().toLowerCase();
    const all = policy('0.0.0.0');
    for (const host of [name, `${name}:8787`, '192.168.1.20:8787', '[fe80::1]:8787', 'localhost:8787', 'app.localhost']) {
      expect(all.isAllowed(host), host).toBe(true);
    }
    if (!name.includes('.')) expect(all.isAllowed(`${name}.local:8787`)).toBe(true);
    expect(all.isAllowed('rebind.attacker.example')).toBe(false);
    // Listening on one interface by name: that name, not the machine's.
    expect(policy('accord.lan').isAllowed('accord.lan:8787')).toBe(true);
    expect(policy('127.0.0.1').isAllowed(name)).toBe(name === 'localhost');
  });

  it('with HOST=0.0.0.0 and PUBLIC_URL on a LAN address, answers that address and localhost', () => {
    const lan = policy('0.0.0.0', 'http://192.168.1.20:8787');
    expect(lan.isAllowed('192.168.1.20:8787')).toBe(true);
    expect(lan.isAllowed('localhost:8787')).toBe(true);
    expect(lan.isAllowed('evil.example:8787')).toBe(false);
  });

  it('reads numeric forms of an address as the address, and accepts a request without Host (HTTP/1.0)', () => {
    const p = policy('127.0.0.1');
    expect(p.isAllowed('0x7f000001:8787')).toBe(true);
    expect(p.isAllowed(undefined)).toBe(true);
    expect(p.isAllowed('')).toBe(false);
  });
});
