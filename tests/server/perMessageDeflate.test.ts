import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFLATE_THRESHOLD_BYTES, MAX_CLIENT_FRAME_BYTES } from '../../shared/limits';
import { encodeAuth, MESSAGE_PRIVATE, MESSAGE_SYNC, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { frame, joinTokenOf, seedBoard, useTestServer, waitFor } from './helpers';

const t = useTestServer();

/** The frames a server sent, read off the wire: whether each was compressed (RSV1) and its payload's size there. */
function wireFrames(bytes: Buffer): { isCompressed: boolean; wireBytes: number }[] {
  const frames: { isCompressed: boolean; wireBytes: number }[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    let length = (bytes[at + 1] as number) & 0x7f;
    let header = 2;
    if (length === 126) [length, header] = [bytes.readUInt16BE(at + 2), 4];
    else if (length === 127) [length, header] = [Number(bytes.readBigUInt64BE(at + 2)), 10];
    if (at + header + length > bytes.length) break;
    frames.push({ isCompressed: ((bytes[at] as number) & 0x40) !== 0, wireBytes: length });
    at += header + length;
  }
  return frames;
}

/** A participant who asks for the whole document, with or without offering permessage-deflate. */
async function join(boardId: string, offersDeflate: boolean) {
  const ws = new WebSocket(`${t.server.wsUrl}/${boardId}`, { perMessageDeflate: offersDeflate });
  const messages: Buffer[] = [];
  const wire: Buffer[] = [];
  ws.on('message', (data: Buffer) => messages.push(Buffer.from(data)));
  let extensions = '';
  ws.on('upgrade', (res) => {
    extensions = String(res.headers['sec-websocket-extensions'] ?? '');
  });
  await new Promise((resolve) => ws.once('open', resolve));
  // The server says nothing before AUTH, so every frame it sends passes here.
  (ws as unknown as { _socket: NodeJS.ReadableStream })._socket.on('data', (chunk: Buffer) => wire.push(chunk));
  ws.send(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
  ws.send(
    frame(MESSAGE_SYNC, (e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Uint8Array.of(0));
    }),
  );
  const step2 = () => messages.find((m) => m[0] === MESSAGE_SYNC && m[1] === 1);
  await waitFor(() => step2() !== undefined, 5000, 'the document');
  await new Promise((resolve) => setTimeout(resolve, 50));
  ws.close();
  return { extensions, messages, step2: step2() as Buffer, frames: wireFrames(Buffer.concat(wire)) };
}

describe('permessage-deflate', () => {
  it('compresses the document a joining client receives, and none of the small frames', async () => {
    const { boardId } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 60, noteChars: 200 });
    const { extensions, messages, step2, frames } = await join(boardId, true);
    expect(extensions).toBe(
      'permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=13',
    );
    expect(step2.length).toBeGreaterThan(DEFLATE_THRESHOLD_BYTES);
    // Frames on the wire and messages delivered line up one to one.
    expect(frames).toHaveLength(messages.length);
    for (const [i, message] of messages.entries()) {
      const sent = frames[i]!;
      expect(sent.isCompressed, `frame ${i} (type ${message[0]}, ${message.length} bytes)`).toBe(
        message.length >= DEFLATE_THRESHOLD_BYTES,
      );
    }
    const document = frames[messages.indexOf(step2)]!;
    expect(document.wireBytes).toBeLessThan(step2.length / 2);
    expect(messages.filter((m) => m[0] === MESSAGE_PRIVATE).length).toBeGreaterThanOrEqual(2);
  });

  it('sends the same bytes uncompressed to a client that does not offer it (the symmetric case)', async () => {
    const { boardId } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 60, noteChars: 200 });
    const plain = await join(boardId, false);
    const compressed = await join(boardId, true);
    expect(plain.extensions).toBe('');
    expect(plain.frames.every((f) => !f.isCompressed)).toBe(true);
    expect(plain.step2).toEqual(compressed.step2);
  });

  it(`closes with 1009 a compressed frame that inflates beyond MAX_CLIENT_FRAME_BYTES, however small on the wire`, async () => {
    const { boardId } = await seedBoard(t.server, {});
    const ws = new WebSocket(`${t.server.wsUrl}/${boardId}`, { perMessageDeflate: { threshold: 0 } });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('error', () => {});
    await new Promise((resolve) => ws.once('open', resolve));
    const socket = (ws as unknown as { _socket: { bytesWritten: number } })._socket;
    const before = socket.bytesWritten;
    let wireBytes = 0;
    ws.send(new Uint8Array(MAX_CLIENT_FRAME_BYTES * 4), { compress: true }, () => {
      wireBytes = socket.bytesWritten - before;
    });
    expect(await closed).toBe(1009);
    expect(wireBytes).toBeGreaterThan(0);
    expect(wireBytes).toBeLessThan(MAX_CLIENT_FRAME_BYTES);
  });
});
