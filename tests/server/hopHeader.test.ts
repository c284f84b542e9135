import { describe, expect, it } from 'vitest';
import { checkHop, HOP_CLIENT_HEADER, HOP_HEADER, HOP_MAX_AGE_MS, signHop } from '../../server/cluster/hopHeader';

const SECRET = 'a-cluster-secret-for-tests';
const NOW = 1_800_000_000_000;
const target = { boardId: 'board1', path: '/ws/board1' };
const signed = signHop(SECRET, { nodeId: 'entry-1', clientAddress: '203.0.113.7', ...target }, NOW);

describe('the hop header between cluster nodes', () => {
  it('verifies what it signed, and gives the entry node and the client address', () => {
    expect(checkHop(SECRET, signed, target, NOW)).toEqual({ type: 'valid', nodeId: 'entry-1', clientAddress: '203.0.113.7' });
    expect(checkHop(SECRET, signed, target, NOW + HOP_MAX_AGE_MS)).toMatchObject({ type: 'valid' });
    // Clocks of two nodes differ a little either way.
    expect(checkHop(SECRET, signed, target, NOW - HOP_MAX_AGE_MS)).toMatchObject({ type: 'valid' });
  });

  it('says "none" for an upgrade that came straight from a client, even with a client address header', () => {
    expect(checkHop(SECRET, {}, target, NOW)).toEqual({ type: 'none' });
    expect(checkHop(SECRET, { [HOP_CLIENT_HEADER]: '198.51.100.1' }, target, NOW)).toEqual({ type: 'none' });
  });

  it('refuses a header older (or newer) than HOP_MAX_AGE_MS', () => {
    expect(checkHop(SECRET, signed, target, NOW + HOP_MAX_AGE_MS + 1)).toEqual({ type: 'invalid', reason: 'stale' });
    expect(checkHop(SECRET, signed, target, NOW - HOP_MAX_AGE_MS - 1)).toEqual({ type: 'invalid', reason: 'stale' });
  });

  it.each([
    ['another secret', 'another-cluster-secret-x', signed, target],
    ['another board', SECRET, signed, { ...target, boardId: 'board2' }],
    ['another path', SECRET, signed, { ...target, path: '/ws/board1?x=1' }],
    ['a changed client address', SECRET, { ...signed, [HOP_CLIENT_HEADER]: '198.51.100.1' }, target],
    [
      'a changed node id',
      SECRET,
      { ...signed, [HOP_HEADER]: (signed[HOP_HEADER] as string).replace(/^entry-1/, 'entry-2') },
      target,
    ],
    [
      'a changed time',
      SECRET,
      { ...signed, [HOP_HEADER]: (signed[HOP_HEADER] as string).replace(`.${NOW}.`, `.${NOW + 1}.`) },
      target,
    ],
  ])('refuses a signature made with or for %s', (_what, secret, headers, where) => {
    expect(checkHop(secret, headers, where, NOW)).toEqual({ type: 'invalid', reason: 'signature' });
  });

  it.each([
    ['no client address', { [HOP_HEADER]: signed[HOP_HEADER] }],
    ['two hop headers joined', { ...signed, [HOP_HEADER]: `${signed[HOP_HEADER]}, ${signed[HOP_HEADER]}` }],
    ['a header as an array', { ...signed, [HOP_HEADER]: [signed[HOP_HEADER]] }],
    ['a short signature', { ...signed, [HOP_HEADER]: 'entry-1.1.abc' }],
    ['a node id with a dot', { ...signed, [HOP_HEADER]: `a.b.${NOW}.${'x'.repeat(43)}` }],
    ['an address with the separator', { ...signed, [HOP_CLIENT_HEADER]: '1.2.3.4|board2' }],
    ['an empty header', { ...signed, [HOP_HEADER]: '' }],
  ])('refuses a malformed hop: %s', (_what, headers) => {
    expect(checkHop(SECRET, headers as Record<string, string>, target, NOW)).toEqual({ type: 'invalid', reason: 'malformed' });
  });

  it('never lets a client address carry the separator into a signature', () => {
    const odd = signHop(SECRET, { nodeId: 'entry-1', clientAddress: 'x|board2', ...target }, NOW);
    expect(odd[HOP_CLIENT_HEADER]).toBe('unknown');
    expect(checkHop(SECRET, odd, target, NOW)).toMatchObject({ type: 'valid', clientAddress: 'unknown' });
  });
});
