import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  BOARD_BURST_PER_ADDRESS,
  BOARD_BURST_PER_SERVER,
  WRONG_JOIN_CODE_BURST_PER_ADDRESS,
  WRONG_JOIN_CODE_BURST_PER_SERVER,
} from '../../server/http/apiLimits';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { randomJoinCode } from '../../shared/random';
import { GOLDEN_EXPORTED_AT, goldenBoard } from '../shared/goldenBoard';
import { useTestServer } from './helpers';

// Each test plays many clients: the server trusts one proxy, and the tests write what it would append.
const t = useTestServer({ TRUST_PROXY: '1' });

function post(path: string, address: string, body = '{}'): Promise<Response> {
  return fetch(`${t.server.url}${path}`, { method: 'POST', body, headers: { 'x-forwarded-for': address } });
}

function join(code: string, address: string): Promise<Response> {
  return fetch(`${t.server.url}/api/join/${code}`, { headers: { 'x-forwarded-for': address } });
}

async function statuses(responses: Promise<Response>[]): Promise<number[]> {
  return (await Promise.all(responses)).map((r) => r.status);
}

const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('starting boards: a budget per address and one for the server', () => {
  it(`lets one address start ${BOARD_BURST_PER_ADDRESS} boards at once, created or imported, then answers 429 to both`, async () => {
    const exported = exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT);
    const made = await statuses([
      ...repeat(BOARD_BURST_PER_ADDRESS - 2, () => post('/api/boards', '203.0.113.1')),
      post('/api/boards/import', '203.0.113.1', exported),
      post('/api/boards/import', '203.0.113.1', exported),
    ]);
    expect(made).toEqual(repeat(BOARD_BURST_PER_ADDRESS, () => 201));
    // The refused upload is nearly as large as allowed: it is thrown away as it arrives, and the
    // client gets the answer rather than a connection reset in the middle of its upload.
    const large = JSON.stringify({ padding: 'x'.repeat(MAX_IMPORT_BYTES - 100) });
    for (const path of ['/api/boards', '/api/boards/import']) {
      const refused = await post(path, '203.0.113.1', path.endsWith('import') ? large : '{}');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({
        error: 'rate_limited',
        message: expect.stringMatching(/your network.*Try again in/),
      });
    }
    // Another address is not held up.
    expect((await post('/api/boards', '203.0.113.2')).status).toBe(201);
  });

  it(`caps all addresses together at ${BOARD_BURST_PER_SERVER} at once; then only an address that has started nothing lately gets one`, async () => {
    // Half an address's budget each, from enough addresses to spend the server's (and a few more).
    const perAddress = BOARD_BURST_PER_ADDRESS / 2;
    const tries = BOARD_BURST_PER_SERVER + perAddress;
    const made = await statuses(repeat(tries, (i) => post('/api/boards', `198.51.100.${1 + Math.floor(i / perAddress)}`)));
    expect(made.filter((s) => s === 201).length).toBeGreaterThanOrEqual(BOARD_BURST_PER_SERVER);
    expect(made.filter((s) => s === 201).length).toBeLessThan(tries);
    // 198.51.100.1 has budget left, but a record: it waits for the server's budget.
    const busy = await post('/api/boards', '198.51.100.1');
    expect(busy.status).toBe(429);
    expect(await busy.json()).toMatchObject({ message: expect.stringMatching(/on this server/) });
    // A clean address gets one board from its own budget, not two.
    expect((await post('/api/boards', '192.0.2.77')).status).toBe(201);
    expect((await post('/api/boards', '192.0.2.77')).status).toBe(429);
  });
});

describe('join codes: wrong guesses are counted per address and for the server', () => {
  it(`answers ${WRONG_JOIN_CODE_BURST_PER_ADDRESS} wrong codes from one address, then 429 for wrong and right codes alike`, async () => {
    const { joinCode } = await (await post('/api/boards', '203.0.113.9')).json();
    const wrong = await statuses(repeat(WRONG_JOIN_CODE_BURST_PER_ADDRESS, () => join(randomJoinCode(), '203.0.113.1')));
    expect(wrong).toEqual(repeat(WRONG_JOIN_CODE_BURST_PER_ADDRESS, () => 404));
    for (const code of [randomJoinCode(), joinCode]) {
      const refused = await join(code, '203.0.113.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // The same answer for a right code: a guesser learns nothing once its budget is spent.
      expect(await refused.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/wrong codes/) });
    }
    expect((await join(joinCode, '203.0.113.2')).status).toBe(200);
  });

  it('does not count right codes: a whole workshop behind one address joins, and its typos still get answers', async () => {
    const { joinCode } = await (await post('/api/boards', '203.0.113.9')).json();
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4, 8)}-${joinCode.slice(8).toLowerCase()}`;
    expect(await statuses(repeat(60, () => join(typed, '203.0.113.1')))).toEqual(repeat(60, () => 200));
    const typos = await statuses(repeat(WRONG_JOIN_CODE_BURST_PER_ADDRESS, () => join(randomJoinCode(), '203.0.113.1')));
    expect(typos.every((s) => s === 404)).toBe(true);
  });

  it(`caps wrong codes from all addresses together at ${WRONG_JOIN_CODE_BURST_PER_SERVER}; an address that has tried no wrong code is still answered`, async () => {
    // The server's budget refills 2 tokens a second: on a loaded machine the guesses take long
    // enough for one to come back. Its clock stands still here (only Date is faked; I/O runs).
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { joinCode } = await (await post('/api/boards', '203.0.113.9')).json();
    expect((await join(randomJoinCode(), '192.0.2.200')).status).toBe(404);
    // Half an address's budget each, from enough addresses to spend the server's (and some more).
    const perAddress = WRONG_JOIN_CODE_BURST_PER_ADDRESS / 2;
    const tries = WRONG_JOIN_CODE_BURST_PER_SERVER + 3 * perAddress;
    const guesses = await statuses(repeat(tries, (i) => join(randomJoinCode(), `198.51.100.${1 + Math.floor(i / perAddress)}`)));
    expect(guesses.filter((s) => s === 404).length).toBeGreaterThanOrEqual(WRONG_JOIN_CODE_BURST_PER_SERVER - 1);
    expect(guesses).toContain(429);
    // 192.0.2.200 has budget left, but a wrong code on its record: it waits with the guessers, even with the right code.
    const waiting = await join(joinCode, '192.0.2.200');
    expect(waiting.status).toBe(429);
    expect(await waiting.json()).toMatchObject({ message: expect.stringMatching(/on this server/) });
    // A workshop that has done nothing wrong joins.
    expect((await join(joinCode, '192.0.2.50')).status).toBe(200);
    expect((await join(joinCode, '192.0.2.50')).status).toBe(200);
  });
});
