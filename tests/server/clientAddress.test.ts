import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, forwardedEntry } from '../../server/http/clientAddress';

function request(headers: Record<string, string | string[]>, remoteAddress = '10.9.9.9'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('forwardedEntry: the entry the trusted proxies wrote', () => {
  it.each<[string, string | string[], number, string | undefined]>([
    ['one proxy: the rightmost entry, whatever the client wrote before it', '6.6.6.6, 7.7.7.7, 203.0.113.5', 1, '203.0.113.5'],
    ['one proxy, one entry', '203.0.113.5', 1, '203.0.113.5'],
    ['two proxies: the second from the right', '6.6.6.6, 203.0.113.5, 10.0.0.2', 2, '203.0.113.5'],
    ['two proxies but one entry: the leftmost', '203.0.113.5', 2, '203.0.113.5'],
    ['repeated headers, joined in order', ['6.6.6.6', '203.0.113.5'], 1, '203.0.113.5'],
    ['no trusted proxy: nothing', '203.0.113.5', 0, undefined],
    ['an empty header: nothing', '', 1, undefined],
  ])('%s', (_label, value, hops, expected) => {
    expect(forwardedEntry(request({ 'x-forwarded-for': value }), 'x-forwarded-for', hops)).toBe(expected);
  });
});

describe('clientAddress', () => {
  it.each<[string, Record<string, string>, number, string]>([
    ['the socket without a trusted proxy, even with the header', { 'x-forwarded-for': '203.0.113.5' }, 0, '10.9.9.9'],
    ['the appended entry behind one proxy', { 'x-forwarded-for': '1.2.3.4, 203.0.113.5' }, 1, '203.0.113.5'],
    ['an entry with a port', { 'x-forwarded-for': '203.0.113.5:4711' }, 1, '203.0.113.5'],
    ['a bracketed IPv6 entry with a port', { 'x-forwarded-for': '[2001:db8::1]:4711' }, 1, '2001:db8::1'],
    ['the socket when the entry is not an address', { 'x-forwarded-for': 'unknown' }, 1, '10.9.9.9'],
  ])('%s', (_label, headers, hops, expected) => {
    expect(clientAddress(request(headers), hops)).toBe(expected);
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['::ffff:cb00:7105', '203.0.113.5'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:ffff::', '2001:db8:1:2::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
