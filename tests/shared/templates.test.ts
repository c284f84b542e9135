import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import { createBoard } from '../../shared/domain/createBoard';
import { sortedPrompts } from '../../shared/domain/state';
import { MAX_PROMPT_CHARS, MAX_PROMPTS_PER_BOARD, MAX_PURPOSE_CHARS, MAX_TITLE_CHARS } from '../../shared/limits';
import type { PromptKind } from '../../shared/records/Prompt';
import { findTemplate, TEMPLATES, type Template } from '../../shared/templates';
import { idSequence } from './helpers';

const A: PromptKind = 'align';
const W: PromptKind = 'awareness';

/**
 * What each seed asks of its template, written out independently of templates.ts: the kinds of
 * its prompts in order, one pattern per prompt for the seed's fact it carries, and its flags.
 */
const EXPECTED: Record<string, { kinds: PromptKind[]; facts: RegExp[]; isAnonymous: boolean; usesSmartie: boolean }> = {
  // Seed 000: the example's Agreement column fills barriers, meeting times, out-of-hours and commitments.
  'working-agreement': {
    kinds: [A, A, A, W, W, W, A],
    facts: [
      /stops me|barrier/i,
      /meet/i,
      /outside working hours/i,
      /keep in mind|mindful/i,
      /support/i,
      /too much|capacity/i,
      /commit/i,
    ],
    isAnonymous: true,
    usesSmartie: false,
  },
  // Seed 004: purpose, the five values, agreed practices.
  'working-together': {
    kinds: [A, A, A, A, A, A, A, W],
    facts: [
      /exists/i,
      /action/i,
      /inclusive/i,
      /integrity/i,
      /collective voice/i,
      /safe and supportive/i,
      /practice/i,
      /take part/i,
    ],
    isAnonymous: true,
    usesSmartie: false,
  },
  // Seed 003: vision, leadership, shared problem definition, power equity, interdependence, clarity of needs, accountability.
  'alliance-foundations': {
    kinds: [A, A, A, A, W, W, A],
    facts: [/change we want/i, /leadership/i, /problem/i, /real say/i, /brings/i, /need/i, /account/i],
    isAnonymous: true,
    usesSmartie: false,
  },
  // Seed 002: diverse people, common purpose, clear boundaries, clear roles, explicit norms; SMARTIE actions.
  'coalition-building': {
    kinds: [A, A, A, A, A, W],
    facts: [/missing/i, /purpose/i, /boundaries/i, /roles/i, /norm/i, /bring/i],
    isAnonymous: true,
    usesSmartie: true,
  },
  // Seed 001: purpose, what I offer, what I ask, commitments; two people, so names are shown.
  partnering: {
    kinds: [W, W, A, A],
    facts: [/why/i, /offer/i, /support me/i, /commit/i],
    isAnonymous: false,
    usesSmartie: false,
  },
};

function boardFrom(template: Template) {
  const doc = new Y.Doc();
  applyDocChanges(doc, createBoard({ boardId: 'b1', template, now: 1_710_000_000_000, newId: idSequence('p') }), 'server');
  return readBoard(doc);
}

describe('the five templates', () => {
  it('are the five of the brief, each once, findable by id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(Object.keys(EXPECTED));
    for (const template of TEMPLATES) expect(findTemplate(template.id)).toBe(template);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s creates a readable board with its prompts, kinds and flags',
    (id, template) => {
      const expected = EXPECTED[id]!;
      const board = boardFrom(template);
      expect(board).not.toBeNull();
      expect(board!.meta).toMatchObject({
        templateId: id,
        title: template.title,
        purpose: template.purpose,
        phase: 'setup',
        version: 1,
        isClosed: false,
        checkInDate: null,
        settings: { isAnonymous: expected.isAnonymous, usesSmartie: expected.usesSmartie },
      });
      const prompts = sortedPrompts(board!);
      expect(prompts.map((p) => p.kind)).toEqual(expected.kinds);
      expect(prompts.map((p) => p.text)).toEqual(template.prompts.map((p) => p.text));
      for (const [i, prompt] of prompts.entries()) expect(prompt.text).toMatch(expected.facts[i]!);
    },
  );

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s fits the limits and has something to agree on', (_id, template) => {
    expect(template.prompts.length).toBeLessThanOrEqual(MAX_PROMPTS_PER_BOARD);
    expect(template.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(template.purpose.length).toBeLessThanOrEqual(MAX_PURPOSE_CHARS);
    for (const prompt of template.prompts) expect(prompt.text.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(template.prompts.some((p) => p.kind === 'align')).toBe(true);
    expect(new Set(template.prompts.map((p) => p.text)).size).toBe(template.prompts.length);
    expect(template.summary).toMatch(/^[A-Z].*\.$/);
  });

  it('says on the two-person template that names are shown, and why', () => {
    const partnering = findTemplate('partnering')!;
    expect(partnering.summary).toMatch(/names are shown/i);
    expect(partnering.summary).toMatch(/anonymity is pointless/i);
  });

  it('mentions SMARTIE on the coalition template, the one that uses it', () => {
    for (const template of TEMPLATES) expect(/SMARTIE/.test(template.summary)).toBe(template.usesSmartie);
  });
});
