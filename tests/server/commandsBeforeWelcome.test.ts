import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { sortedPrompts } from '../../shared/domain/state';
import { COMMANDS_BEFORE_WELCOME, MAX_FRAMES_BEFORE_AUTH } from '../../shared/limits';
import { decodeJsonBody, MESSAGE_COMMAND, MESSAGE_PRIVATE, MESSAGE_RESULT } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { createBoard, joinTokenOf, useTestServer, waitSynced } from './helpers';

const t = useTestServer();

function body(bytes: Uint8Array): Record<string, unknown> {
  const decoder = decoding.createDecoder(new Uint8Array(bytes));
  decoding.readVarUint(decoder);
  return decodeJsonBody(decoder) as Record<string, unknown>;
}

/** A `ws` class that notes, in one sequence, each command frame sent and each welcome and result received. */
function sequenceRecorder(events: string[]): typeof globalThis.WebSocket {
  class Recording extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: ArrayBuffer | Buffer) => {
        const bytes = new Uint8Array(data);
        if (bytes[0] === MESSAGE_PRIVATE && body(bytes).type === 'welcome') events.push('welcome');
        if (bytes[0] === MESSAGE_RESULT) events.push(`result:${body(bytes).id}`);
      });
    }

    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array && data[0] === MESSAGE_COMMAND) events.push(`command:${body(data).id}`);
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  return Recording as unknown as typeof globalThis.WebSocket;
}

describe('commands waiting in the outbox when a connection opens (after an outage, or a hand-off between nodes)', () => {
  it(`go right behind the AUTH, the oldest ${COMMANDS_BEFORE_WELCOME} before the welcome and the rest after it, each sent once and answered once`, async () => {
    // y-websocket's sync step 1, the presence and a PING beside them stay within the server's queue.
    expect(COMMANDS_BEFORE_WELCOME + 3).toBeLessThanOrEqual(MAX_FRAMES_BEFORE_AUTH);
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    const prompts = sortedPrompts(facilitator.board()).map((p) => p.id);

    const events: string[] = [];
    const person = new BoardConnection({
      serverUrl: t.server.wsUrl,
      boardId: created.boardId,
      participantSecret: randomToken(16),
      joinToken: joinTokenOf(created.boardId),
      WebSocketPolyfill: sequenceRecorder(events),
      connect: false,
    });
    try {
      const ids = Array.from({ length: COMMANDS_BEFORE_WELCOME + 4 }, (_, i) => `queued-${i}`);
      const answers = ids.map((id, i) =>
        person.send(
          { type: 'postDraft', draftId: id, promptId: prompts[i % prompts.length] as string, text: `note ${i}`, tag: null },
          id,
        ),
      );
      person.connect();
      const results = await Promise.all(answers);
      expect(results.map((r) => r.ok)).toEqual(ids.map(() => true));

      const welcomeAt = events.indexOf('welcome');
      expect(welcomeAt).toBeGreaterThan(0);
      const sent = events.filter((e) => e.startsWith('command:'));
      // Each once, oldest first; the first ones before the welcome's round trip.
      expect(sent).toEqual(ids.map((id) => `command:${id}`));
      expect(events.slice(0, welcomeAt)).toEqual(ids.slice(0, COMMANDS_BEFORE_WELCOME).map((id) => `command:${id}`));
      expect(events.filter((e) => e.startsWith('result:'))).toHaveLength(ids.length);
      expect(person.status).toBe('online');
      expect(person.pending).toEqual([]);
    } finally {
      person.destroy();
    }
  });
});
