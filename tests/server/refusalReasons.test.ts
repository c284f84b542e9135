import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateLocale } from '../../client/src/i18n/i18n';
import { prepareRefusals, refusalText } from '../../client/src/i18n/refusalText';
import { sortedPrompts } from '../../shared/domain/state';
import { MAX_NOTES_PER_PERSON_PER_PROMPT } from '../../shared/limits';
import { createBoard, framesContain, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

afterEach(async () => {
  stubDocument();
  await activateLocale('en');
  vi.unstubAllGlobals();
});

/** activateLocale marks <html>; these tests run in Node, where only that much of a page is needed. */
function stubDocument(): void {
  vi.stubGlobal('document', { documentElement: { lang: 'en', dir: 'ltr' } });
}

describe('a refused command says why by id, next to the same English sentence', () => {
  it('carries reason and values on the wire, and BoardConnection hands on the English as before', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    const alice = t.connect(created.boardId);
    await waitSynced(facilitator, alice);
    const promptId = sortedPrompts(alice.board())[0]!.id;

    const early = await alice.send({ type: 'postDraft', draftId: 'early', promptId, text: 'Too soon', tag: null });
    expect(early).toEqual({
      id: expect.any(String),
      ok: false,
      error: 'wrong_phase',
      message: 'That cannot be done in the setup phase.',
      reason: 'wrongPhase',
      values: { phase: 'setup' },
    });
    expect(
      framesContain(
        alice.frames,
        '"error":"wrong_phase","message":"That cannot be done in the setup phase.","reason":"wrongPhase","values":{"phase":"setup"}',
      ),
    ).toBe(true);

    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    await waitFor(() => alice.board().meta.phase === 'reflect');
    for (let i = 0; i < MAX_NOTES_PER_PERSON_PER_PROMPT; i++) {
      expect((await alice.send({ type: 'postDraft', draftId: `d${i}`, promptId, text: `Note ${i}`, tag: null })).ok).toBe(true);
    }
    const over = await alice.send({ type: 'postDraft', draftId: 'over', promptId, text: 'One more', tag: null });
    expect(over).toMatchObject({
      ok: false,
      error: 'limit_reached',
      message: `You can write at most ${MAX_NOTES_PER_PERSON_PER_PROMPT} notes for one prompt.`,
      reason: 'tooManyNotesPerPerson',
      values: { max: MAX_NOTES_PER_PERSON_PER_PROMPT },
    });
  });

  it('reaches a Spanish or Arabic reader in their language, while the wire keeps the English', async () => {
    stubDocument();
    const created = await createBoard(t.server);
    // As the page connects: refusals said by client/src/i18n/refusalText.ts.
    const alice = t.connect(created.boardId, { sayRefusal: refusalText });
    await waitSynced(alice);
    const promptId = sortedPrompts(alice.board())[0]!.id;
    const post = (draftId: string) => alice.send({ type: 'postDraft', draftId, promptId, text: 'Hola', tag: null });

    await activateLocale('es');
    // What a Spanish reader's page fetches as soon as Spanish is chosen (client/src/i18n/refusalText.ts).
    await prepareRefusals('es');
    expect(await post('es')).toMatchObject({
      ok: false,
      reason: 'wrongPhase',
      message: 'Eso no se puede hacer en la fase «Preparar».',
    });
    await activateLocale('ar');
    expect(await post('ar')).toMatchObject({ ok: false, reason: 'wrongPhase', message: 'لا يمكن فعل ذلك في مرحلة «الإعداد».' });
    expect(framesContain(alice.frames, '"message":"That cannot be done in the setup phase."')).toBe(true);
  });
});

describe('the HTTP API says why by id too', () => {
  it('a wrong join code: 404 with reason joinCodeUnknown and the English sentence', async () => {
    const res = await fetch(`${t.server.url}/api/join/ZZZZ-ZZZZ-ZZZZ`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'not_found',
      message: 'No workshop has this code. Check the code and try again.',
      reason: 'joinCodeUnknown',
    });
  });

  it('a field the form checks: 400 with reason invalidField and the validator’s words as values', async () => {
    const res = await fetch(`${t.server.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(500) }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; values: { path: string; problem: string } };
    expect(body).toMatchObject({ error: 'invalid_request', reason: 'invalidField', values: { path: 'title' } });
    expect(body.message).toBe(`title ${body.values.problem}`);
  });

  it('an upload that is not an export: 400 with reason importNotAccord and where in the file', async () => {
    const res = await fetch(`${t.server.url}/api/boards/import`, {
      method: 'POST',
      body: JSON.stringify({ format: 'not-accord' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      reason: 'importNotAccord',
      values: { path: 'export.format' },
      message: expect.stringMatching(/^This file can’t be imported\. It is not an Accord board export\./),
    });
  });
});
