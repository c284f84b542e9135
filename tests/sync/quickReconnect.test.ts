import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { MOVED_CODES, QuickReconnect } from '../../client/src/sync/quickReconnect';
import { QUICK_RECONNECT_JITTER_MS, QUICK_RECONNECTS } from '../../shared/limits';
import { CLOSE_CODES } from '../../shared/protocol';
import { waitFor } from '../server/helpers';

/** A ws server on port 0 that closes every connection at once with `code`, and notes when each came. */
async function closingServer(code: number): Promise<{ url: string; arrivals: number[]; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const arrivals: number[] = [];
  wss.on('connection', (ws) => {
    arrivals.push(performance.now());
    ws.close(code, 'test');
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    arrivals,
    close: () => new Promise((resolve) => wss.close(() => resolve())),
  };
}

const gaps = (times: readonly number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe('reconnecting after the board moved', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function attemptsAgainst(code: number, count: number) {
    const server = await closingServer(code);
    cleanup.push(server.close);
    const connection = new BoardConnection({
      serverUrl: server.url,
      boardId: 'b1',
      participantSecret: 'secret-secret-secret',
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    cleanup.push(() => connection.destroy());
    await waitFor(() => server.arrivals.length >= count, 15_000);
    return { gaps: gaps(server.arrivals), connection, server };
  }

  it(`comes back at once after 4501, ${QUICK_RECONNECTS} times in a row, then backs off as y-websocket does`, async () => {
    const { gaps: seen, connection, server } = await attemptsAgainst(CLOSE_CODES.BOARD_MOVED, QUICK_RECONNECTS + 1);
    const quick = seen.slice(0, QUICK_RECONNECTS);
    // y-websocket alone waits 200, 400, 800 and 1600 ms here (3 s in all).
    expect(quick.reduce((a, b) => a + b, 0)).toBeLessThan(QUICK_RECONNECTS * (QUICK_RECONNECT_JITTER_MS + 100));
    expect(connection.quickReconnect.made).toBe(QUICK_RECONNECTS);
    // The budget spent, y-websocket's doubling resumes where it would be: this was the 5th close
    // in a row, so the next try waits 2^5 × 100 ms, capped at y-websocket's maxBackoffTime (2.5 s):
    // a server that keeps saying "moved" is not hammered.
    const before = server.arrivals.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(server.arrivals.length).toBe(before);
    await waitFor(() => server.arrivals.length > before, 5_000);
    expect(connection.quickReconnect.made).toBe(QUICK_RECONNECTS);
  }, 20_000);

  it('treats every "served elsewhere" code alike, and no other: a slow consumer backs off as before', async () => {
    expect([...MOVED_CODES].sort()).toEqual([
      CLOSE_CODES.GOING_AWAY,
      CLOSE_CODES.BOARD_MOVED,
      CLOSE_CODES.LEASE_LOST,
      CLOSE_CODES.DRAINING,
    ]);
    const { gaps: seen, connection } = await attemptsAgainst(CLOSE_CODES.SLOW_CONSUMER, 3);
    expect(connection.quickReconnect.made).toBe(0);
    expect(seen[1]).toBeGreaterThanOrEqual(350);
  }, 20_000);

  it('gives the budget back once a connection is welcomed, and leaves y-websocket its count otherwise', () => {
    type Close = { code: number } | null;
    const on: Record<string, ((value: never) => void)[]> = {};
    const provider = {
      wsUnsuccessfulReconnects: 0,
      on: (name: string, handler: (value: never) => void) => {
        on[name] = [...(on[name] ?? []), handler];
      },
    };
    const emit = (name: string, value: Close | boolean) => {
      for (const handler of on[name] ?? []) (handler as (v: Close | boolean) => void)(value);
    };
    /** What y-websocket does on a close: tell, count, wait 2^count × 100 ms. */
    const close = (event: Close) => {
      emit('connection-close', event);
      provider.wsUnsuccessfulReconnects += 1;
      return 2 ** provider.wsUnsuccessfulReconnects * 100;
    };
    const quick = new QuickReconnect(provider as unknown as WebsocketProvider);
    for (let i = 0; i < QUICK_RECONNECTS; i++) {
      const delay = close({ code: CLOSE_CODES.DRAINING });
      expect(delay).toBeGreaterThanOrEqual(1);
      expect(delay).toBeLessThanOrEqual(QUICK_RECONNECT_JITTER_MS + 1);
    }
    // Spent: the fifth close in a row waits as y-websocket would have.
    expect(close({ code: CLOSE_CODES.DRAINING })).toBe(2 ** (QUICK_RECONNECTS + 1) * 100);
    quick.reset();
    expect(close({ code: CLOSE_CODES.BOARD_MOVED })).toBeLessThanOrEqual(QUICK_RECONNECT_JITTER_MS + 1);
    // A close the app made itself (null), or any other code, keeps y-websocket's count.
    expect(close(null)).toBe(2 ** (QUICK_RECONNECTS + 3) * 100);
    // A synced connection resets the count, as y-websocket resets its own.
    emit('sync', true);
    provider.wsUnsuccessfulReconnects = 0;
    expect(close({ code: CLOSE_CODES.SLOW_CONSUMER })).toBe(200);
    expect(quick.made).toBe(QUICK_RECONNECTS + 1);
  });
});
