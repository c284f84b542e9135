import { describe, expect, it } from 'vitest';
import { seedBoard, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

describe('renameBoard', () => {
  it('renames the board in a late phase and once closed, and everyone sees the new title; the purpose stays fixed', async () => {
    const { boardId, facilitatorKey } = await seedBoard(t.server, { phase: 'agreement', notesPerPrompt: 1 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    const participant = t.connect(boardId);
    await waitSynced(facilitator, participant);

    expect(await facilitator.send({ type: 'renameBoard', title: 'Kestrel norms' })).toMatchObject({ ok: true });
    await waitFor(() => participant.board().meta.title === 'Kestrel norms', 5000, 'the new title');
    // updateBoard still belongs to setup: the purpose is part of what people answered to.
    expect(await facilitator.send({ type: 'updateBoard', purpose: 'Changed later' })).toMatchObject({
      ok: false,
      error: 'wrong_phase',
    });

    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    expect(await facilitator.send({ type: 'renameBoard', title: 'Kestrel norms 2027' })).toMatchObject({ ok: true });
    await waitFor(() => participant.board().meta.title === 'Kestrel norms 2027', 5000, 'the title after closing');
    // The closed version keeps the title it was closed under.
    expect(participant.board().versions.get('v1')?.title).toBe('Kestrel norms');

    expect(await participant.send({ type: 'renameBoard', title: 'Mine now' })).toMatchObject({ ok: false, error: 'forbidden' });
  });
});
