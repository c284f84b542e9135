import { describe, expect, it } from 'vitest';
import { sortedPrompts } from '../../shared/domain/state';
import { MAX_PROMPTS_PER_BOARD } from '../../shared/limits';
import { TEMPLATES } from '../../shared/templates';
import { createBoard, useTestServer, waitSynced } from './helpers';

const t = useTestServer();

async function post(body: unknown): Promise<Response> {
  return fetch(`${t.server.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) });
}

describe('POST /api/boards', () => {
  it.each(TEMPLATES.map((template) => [template.id, template] as const))(
    'creates a board from %s that a facilitator opens with its prompts and flags',
    async (templateId, template) => {
      const created = await createBoard(t.server, { templateId });
      expect(created.readerUrl).toBe(`${t.server.url}/r/${created.boardId}#key=${created.readerKey}`);
      expect(created.readerKey).not.toBe(created.facilitatorKey);
      const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
      await waitSynced(facilitator);
      const board = facilitator.board();
      expect(board.meta).toMatchObject({
        templateId,
        title: template.title,
        settings: { isAnonymous: template.isAnonymous, usesSmartie: template.usesSmartie },
        version: 1,
        isClosed: false,
      });
      expect(sortedPrompts(board).map((p) => [p.text, p.kind])).toEqual(template.prompts.map((p) => [p.text, p.kind]));
    },
  );

  it('creates a board from a custom structure saved in the browser, names and SMARTIE as chosen', async () => {
    const custom = {
      name: 'Our retro structure',
      prompts: [
        { text: 'What went well?', kind: 'awareness' },
        { text: 'What do we change?', kind: 'align' },
      ],
      isAnonymous: false,
      usesSmartie: true,
    };
    const created = await createBoard(t.server, { custom, purpose: 'Learn and adjust.' });
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    const board = facilitator.board();
    expect(board.meta).toMatchObject({
      templateId: 'custom',
      title: 'Our retro structure',
      purpose: 'Learn and adjust.',
      settings: { isAnonymous: false, usesSmartie: true },
    });
    expect(sortedPrompts(board).map((p) => [p.text, p.kind])).toEqual(custom.prompts.map((p) => [p.text, p.kind]));
  });

  const prompt = { text: 'Why?', kind: 'align' };
  const custom = (fields: object) => ({ name: 'Mine', prompts: [prompt], isAnonymous: true, usesSmartie: false, ...fields });

  it.each<[string, unknown, string]>([
    ['an unknown template', { templateId: 'retro' }, 'templateId is not a known template'],
    ['a custom structure with no prompt', { custom: custom({ prompts: [] }) }, 'custom.prompts must not be empty'],
    [
      `a custom structure with ${MAX_PROMPTS_PER_BOARD + 1} prompts`,
      { custom: custom({ prompts: Array.from({ length: MAX_PROMPTS_PER_BOARD + 1 }, () => prompt) }) },
      'custom.prompts',
    ],
    [
      'a custom prompt of an unknown kind',
      { custom: custom({ prompts: [{ text: 'Why?', kind: 'vote' }] }) },
      'custom.prompts[0].kind',
    ],
    ['a custom structure without its flags', { custom: { name: 'Mine', prompts: [prompt] } }, 'custom.isAnonymous is required'],
    ['an unknown field', { templateId: 'partnering', isAnonymous: false }, 'isAnonymous is not an allowed field'],
  ])('refuses %s with 400', async (_label, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const refusal = (await response.json()) as { error: string; message: string };
    expect(refusal.error).toBe('invalid_request');
    expect(refusal.message).toContain(message);
  });
});
