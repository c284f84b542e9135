import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { BOARD_BURST_PER_ADDRESS, BOARD_BURST_PER_SERVER } from '../../server/http/apiLimits';
import { useTestServer } from './helpers';

/** Raised for a host whose facilitators share one address (one NAT, an L4 balancer). */
const RAISED_BURST = BOARD_BURST_PER_ADDRESS + 15;

const t = useTestServer({ BOARD_BURST_PER_ADDRESS: String(RAISED_BURST) });

const create = () => fetch(`${t.server.url}/api/boards`, { method: 'POST', body: '{}' });

describe('BOARD_BURST_PER_ADDRESS', () => {
  it(`lets one address start that many boards at once (${RAISED_BURST} here), then answers 429`, async () => {
    expect(RAISED_BURST).toBeLessThan(BOARD_BURST_PER_SERVER);
    const made = await Promise.all(Array.from({ length: RAISED_BURST }, create));
    expect(made.map((r) => r.status)).toEqual(Array.from({ length: RAISED_BURST }, () => 201));
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
  });

  it(`defaults to ${BOARD_BURST_PER_ADDRESS} and refuses what is not a whole number`, () => {
    expect(configFromEnv({}).boardBurstPerAddress).toBe(BOARD_BURST_PER_ADDRESS);
    expect(() => configFromEnv({ BOARD_BURST_PER_ADDRESS: 'lots' })).toThrow(/whole number/);
  });
});
