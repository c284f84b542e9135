import { afterEach, describe, expect, it, vi } from 'vitest';
import { notesOfPrompt } from '../../shared/domain/state';
import { createBoard, type TestClient, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

afterEach(() => {
  vi.restoreAllMocks();
});

const WRITERS = 8;

/** A board on which WRITERS people each wrote one note to the first prompt, in the same order every time. */
async function boardReadyToReveal(): Promise<{ facilitator: TestClient; promptId: string }> {
  const created = await createBoard(t.server);
  const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const writers = Array.from({ length: WRITERS }, () => t.connect(created.boardId));
  await waitSynced(facilitator, ...writers);
  const promptId = [...facilitator.board().prompts.values()].sort((a, b) => (a.order < b.order ? -1 : 1))[0]!.id;
  expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
  for (const [i, writer] of writers.entries()) {
    const result = await writer.send({ type: 'postDraft', draftId: `draft${i}`, promptId, text: `Written ${i}`, tag: null });
    expect(result.ok).toBe(true);
  }
  expect((await facilitator.send({ type: 'setPhase', phase: 'share' })).ok).toBe(true);
  return { facilitator, promptId };
}

/**
 * The server builds its DomainContext in server/room/CommandPipeline.ts; this fails until that
 * context's `random` is shared/random's `cryptoRandom`.
 */
describe('the server shuffles with the secure source', () => {
  it('reveals in an order Math.random cannot predict', async () => {
    // Were the server to shuffle with Math.random, pinning it would give both boards the same order.
    const orders: string[] = [];
    for (let board = 0; board < 2; board++) {
      const { facilitator, promptId } = await boardReadyToReveal();
      vi.spyOn(Math, 'random').mockReturnValue(0);
      expect((await facilitator.send({ type: 'reveal', promptId })).ok).toBe(true);
      vi.restoreAllMocks();
      await waitFor(() => facilitator.board().notes.size === WRITERS, 5000, 'the revealed notes');
      orders.push(
        notesOfPrompt(facilitator.board(), promptId)
          .map((n) => n.text.replace('Written ', ''))
          .join(','),
      );
    }
    // With a secure source both orders match with probability 1 / 8! (1 in 40,320).
    expect(orders[0]).not.toBe(orders[1]);
  });
});
