import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import { createBoard } from '../../shared/domain/createBoard';
import { sortedPrompts } from '../../shared/domain/state';
import { MAX_PROMPT_CHARS, MAX_PROMPTS_PER_BOARD } from '../../shared/limits';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import { findTemplate, TEMPLATES, WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { idSequence } from './helpers';

function created(templateId: string, overrides: { title?: string; purpose?: string } = {}) {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const doc = new Y.Doc();
  applyDocChanges(doc, createBoard({ boardId: 'b1', template, now: 1234, newId: idSequence('p'), ...overrides }), 'server');
  return { template, board: readBoard(doc) };
}

describe('createBoard', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s gives a readable board in setup with the template prompts in order',
    (id, template) => {
      expect(template.prompts.length).toBeGreaterThan(0);
      expect(template.prompts.length).toBeLessThanOrEqual(MAX_PROMPTS_PER_BOARD);
      for (const p of template.prompts) expect(p.text.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
      const { board } = created(id);
      expect(board?.meta).toEqual({
        id: 'b1',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        title: template.title,
        purpose: template.purpose,
        templateId: id,
        phase: 'setup',
        focusPromptId: null,
        createdAt: 1234,
        settings: {
          facilitatorParticipates: true,
          showRoster: true,
          isAnonymous: template.isAnonymous,
          usesSmartie: template.usesSmartie,
        },
        timer: null,
        version: 1,
        isClosed: false,
        checkInDate: null,
      });
      const prompts = sortedPrompts(board!);
      expect(prompts.map((p) => [p.text, p.kind])).toEqual(template.prompts.map((p) => [p.text, p.kind]));
      expect(prompts.map((p) => p.id)).toEqual(template.prompts.map((_, i) => `p${i + 1}`));
      for (const p of prompts) expect(p).toMatchObject({ isRevealed: false, pendingCount: 0, contributorCount: 0 });
      expect(board?.notes.size).toBe(0);
    },
  );

  it('uses the given title and purpose instead of the template ones', () => {
    const { board } = created('working-agreement', { title: 'Team Pluto', purpose: '' });
    expect(board?.meta).toMatchObject({ title: 'Team Pluto', purpose: '' });
  });

  it('ships the working agreement questionnaire with four align and three awareness-only prompts', () => {
    expect(WORKING_AGREEMENT_QUESTIONNAIRE.prompts.map((p) => p.kind)).toEqual([
      'align',
      'align',
      'align',
      'awareness',
      'awareness',
      'awareness',
      'align',
    ]);
    expect(findTemplate('working-agreement')).toBe(WORKING_AGREEMENT_QUESTIONNAIRE);
    expect(findTemplate('nope')).toBeUndefined();
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });
});
