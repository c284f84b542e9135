import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, * as wsModule from 'ws';
import { SharedFrame } from '../../server/room/SharedFrame';
import { DEFLATE_THRESHOLD_BYTES } from '../../shared/limits';
import { encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { joinTokenOf, seedBoard, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();
/** `ws`'s own framing (exported by the package, not declared by its types). */
const { Sender } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};
afterEach(() => vi.restoreAllMocks());

describe('SharedFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('frames %i bytes as ws frames a binary message', (length) => {
    const payload = Uint8Array.from({ length }, (_, i) => i % 251);
    const expected = Buffer.concat(
      Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }),
    );
    const shared = SharedFrame.wrap(payload);
    expect(Buffer.compare(shared.wire, expected)).toBe(0);
    // It is the message's own bytes too (a view, not a copy).
    expect(shared.buffer).toBe(payload.buffer);
    expect([...shared.subarray(0, 3)]).toEqual([...payload.subarray(0, 3)]);
  });

  it('sends a broadcast pre-built to every member, with and without permessage-deflate, and ws frames nothing for them', async () => {
    const { boardId, facilitatorKey } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 2 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    const plain = t.connect(boardId);
    await waitSynced(facilitator, plain);
    const deflating = new WebSocket(`${t.server.wsUrl}/${boardId}`, { perMessageDeflate: true });
    const received: Buffer[] = [];
    deflating.on('message', (data: Buffer) => received.push(Buffer.from(data)));
    await new Promise((resolve) => deflating.once('open', resolve));
    expect(deflating.extensions).toContain('permessage-deflate');
    deflating.send(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    await waitFor(() => received.length >= 2, 5000, 'welcome and sync step 1');

    const sends = vi.spyOn(WebSocket.prototype, 'send');
    expect(await facilitator.send({ type: 'renameBoard', title: 'Shared once' })).toMatchObject({ ok: true });
    await waitFor(() => plain.board().meta.title === 'Shared once', 5000, 'the new title at the participant');
    // Server side, `ws.send` carried only the facilitator's result; the update went out pre-built.
    await waitFor(() => received.some((m) => m.includes(Buffer.from('Shared once'))), 5000, 'the update at the deflating client');
    expect(sends.mock.calls.filter(([data]) => data instanceof SharedFrame)).toEqual([]);
    expect(sends.mock.calls.length).toBeGreaterThan(0);
    deflating.close();
  });

  it('compresses a broadcast over the deflate threshold once for every client that negotiated permessage-deflate, which inflate it to the same bytes', async () => {
    const { boardId, facilitatorKey, promptIds } = await seedBoard(t.server, { phase: 'reflect' });
    const promptId = promptIds[0] as string;
    const facilitator = t.connect(boardId, { facilitatorKey });
    // 40 notes of 500 characters: a reveal over the 16 KiB threshold.
    const writers = [t.connect(boardId), t.connect(boardId)];
    await waitSynced(facilitator, ...writers);
    for (const [w, writer] of writers.entries()) {
      for (let i = 0; i < 20; i++) {
        const text = `${w} ${i} ${'quiet meetings before noon '.repeat(19)}`.slice(0, 500);
        expect((await writer.send({ type: 'postDraft', draftId: `d${w}x${i}`, promptId, text, tag: null })).ok).toBe(true);
      }
    }
    const writer = writers[0] as (typeof writers)[0];
    const deflating = new WebSocket(`${t.server.wsUrl}/${boardId}`, { perMessageDeflate: true });
    const wire: Buffer[] = [];
    const deflatingReceived: Buffer[] = [];
    deflating.on('message', (data: Buffer) => deflatingReceived.push(Buffer.from(data)));
    await new Promise((resolve) => deflating.once('open', resolve));
    (deflating as unknown as { _socket: NodeJS.ReadableStream })._socket.on('data', (chunk: Buffer) => wire.push(chunk));
    deflating.send(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    await waitFor(() => wire.length > 0, 5000, 'welcome');

    const plain = new WebSocket(`${t.server.wsUrl}/${boardId}`, { perMessageDeflate: false });
    const plainReceived: Buffer[] = [];
    plain.on('message', (data: Buffer) => plainReceived.push(Buffer.from(data)));
    await new Promise((resolve) => plain.once('open', resolve));
    plain.send(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    await waitFor(() => plainReceived.length >= 2, 5000, 'welcome and sync step 1');

    const sends = vi.spyOn(WebSocket.prototype, 'send');
    expect((await facilitator.send({ type: 'setPhase', phase: 'share', confirm: true })).ok).toBe(true);
    expect((await facilitator.send({ type: 'reveal', promptId, confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => writer.board().notes.size === 40, 5000, 'the revealed notes');
    // Compressed once, not by ws for each of the four clients that offered permessage-deflate
    // (test clients, like browsers, offer it); uncompressed for the one that did not.
    expect(sends.mock.calls.filter(([data]) => data instanceof SharedFrame)).toEqual([]);
    await waitFor(() => plainReceived.some((m) => m.length >= DEFLATE_THRESHOLD_BYTES), 5000, 'the reveal, uncompressed');
    const compressed = () => wire.some((chunk) => ((chunk[0] as number) & 0x40) !== 0);
    await waitFor(compressed, 5000, 'a compressed frame');
    await waitFor(() => deflatingReceived.some((m) => m.length >= DEFLATE_THRESHOLD_BYTES), 5000, 'the reveal, inflated');
    const inflated = deflatingReceived.find((m) => m.length >= DEFLATE_THRESHOLD_BYTES) as Buffer;
    const uncompressed = plainReceived.find((m) => m.length >= DEFLATE_THRESHOLD_BYTES) as Buffer;
    expect(Buffer.compare(inflated, uncompressed)).toBe(0);
    expect(Buffer.concat(wire).length).toBeLessThan(uncompressed.length / 2);
    deflating.close();
    plain.close();
  });
});
