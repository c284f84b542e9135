import { describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../server/api';
import { configFromEnv } from '../../server/config';
import { BOARD_BURST_PER_ADDRESS } from '../../server/http/apiLimits';
import { CLOSE_CODES, encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { fetchJoinToken, openRaw, useTestServer, waitFor } from './helpers';

const t = useTestServer({ TRUST_PROXY: '1', ALLOWED_HOSTS: 'accord.example.org' });

function post(headers: Record<string, string>): Promise<Response> {
  return fetch(`${t.server.url}/api/boards`, { method: 'POST', body: '{}', headers });
}

describe('TRUST_PROXY: the entries the trusted proxies wrote, not the ones the client wrote', () => {
  it('counts a client by the address its proxy appended, whatever it puts in front', async () => {
    // Each request claims another address at the left; the proxy appended the same one each time.
    const statuses = [];
    for (let i = 0; i <= BOARD_BURST_PER_ADDRESS; i++) {
      statuses.push((await post({ 'x-forwarded-for': `10.66.0.${i}, 203.0.113.7` })).status);
    }
    expect(statuses.slice(0, BOARD_BURST_PER_ADDRESS).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('with TRUST_PROXY=2, counts the address the outer of two proxies appended', async () => {
    await t.restart({ TRUST_PROXY: '2' });
    const statuses = [];
    for (let i = 0; i <= BOARD_BURST_PER_ADDRESS; i++) {
      // client-written, the client's address (outer proxy), the outer proxy's address (inner proxy).
      statuses.push((await post({ 'x-forwarded-for': `10.66.0.${i}, 203.0.113.7, 10.0.0.${i}` })).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('builds links from the X-Forwarded-Host and -Proto its proxy wrote, refusing names it does not answer to', async () => {
    const created = (await (
      await post({ 'x-forwarded-host': 'evil.example, accord.example.org', 'x-forwarded-proto': 'http, https' })
    ).json()) as CreatedBoard;
    expect(created.participantUrl).toBe(`https://accord.example.org/j/${created.joinCode}`);
    expect(created.facilitatorUrl.startsWith('https://accord.example.org/b/')).toBe(true);
    // The proxy passed on a name this server does not answer to: refused, not turned into links.
    expect((await post({ 'x-forwarded-host': 'accord.example.org, evil.example' })).status).toBe(421);
  });

  it('ignores X-Forwarded-* without TRUST_PROXY', async () => {
    await t.restart({});
    const created = (await (
      await post({ 'x-forwarded-host': 'accord.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' })
    ).json()) as CreatedBoard;
    expect(created.participantUrl).toBe(`${t.server.url}/j/${created.joinCode}`);
  });

  it('caps WebSocket connections by the appended address too, and takes the browser’s host for the Origin check', async () => {
    await t.restart({ TRUST_PROXY: '1', ALLOWED_HOSTS: 'accord.example.org', MAX_CONNECTIONS_PER_ADDRESS: '2' });
    const { boardId, joinCode } = (await (await post({})).json()) as CreatedBoard;
    const joinToken = await fetchJoinToken(t.server, joinCode);
    // Behind the proxy the Host is the server's own address; the browser's page is on accord.example.org.
    const headers = (left: string) => ({
      'X-Forwarded-For': `${left}, 203.0.113.7`,
      'X-Forwarded-Host': 'accord.example.org',
      Origin: 'https://accord.example.org',
    });
    const sockets = [await openRaw(t.server, boardId, headers('1.1.1.1')), await openRaw(t.server, boardId, headers('2.2.2.2'))];
    for (const socket of sockets) {
      socket.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken }));
      await waitFor(() => socket.frames.length > 0, 5000, 'welcome');
    }
    const third = await openRaw(t.server, boardId, headers('3.3.3.3'));
    expect((await third.closed).code).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS);
    for (const socket of sockets) socket.ws.close();
  });
});

describe('TRUST_PROXY values', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['false', 0],
    ['1', 1],
    ['true', 1],
    ['2', 2],
  ])('reads %j as %i proxies', (value, hops) => {
    expect(configFromEnv(value === undefined ? {} : { TRUST_PROXY: value }).trustProxyHops).toBe(hops);
  });

  it.each(['yes', '-1', '1.5', '99'])('refuses %j at start, saying what it expects', (value) => {
    expect(() => configFromEnv({ TRUST_PROXY: value })).toThrow(/number of proxies/);
  });
});
