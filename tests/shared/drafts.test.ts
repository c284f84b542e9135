import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import type { PrivateChange } from '../../shared/domain/changes';
import { applyPrivateChanges } from '../../shared/domain/privateState';
import type { Actor, DomainState } from '../../shared/domain/state';
import type { Draft } from '../../shared/records/Draft';
import { ALICE, accept, BOB, FACILITATOR, newBoardState, post, refusal, step, testContext, withMeta } from './helpers';

/** Reflect phase: alice has `a1` on prompt1 (need) and `a2` on prompt2; bob has `b1` on prompt1. */
function drafted(): DomainState {
  let state = newBoardState({ phase: 'reflect' });
  state = step(state, ALICE, { type: 'postDraft', draftId: 'a1', promptId: 'prompt1', text: '  Quiet mornings  ', tag: 'need' });
  state = post(state, ALICE, 'a2', 'prompt2');
  return post(state, BOB, 'b1', 'prompt1');
}

describe('own drafts', () => {
  it('posting keeps the draft private, with its author, and counts it', () => {
    const state = drafted();
    expect(state.drafts.get('a1')).toEqual({
      id: 'a1',
      promptId: 'prompt1',
      authorId: 'alice',
      text: '  Quiet mornings  ',
      tag: 'need',
      authorName: null,
    });
    expect(state.board.notes.size).toBe(0);
    expect(Object.fromEntries(state.posted)).toEqual({ 'alice/prompt1': 1, 'alice/prompt2': 1, 'bob/prompt1': 1 });
    expect(state.board.prompts.get('prompt1')).toMatchObject({ pendingCount: 2, contributorCount: 2 });
    expect(state.board.prompts.get('prompt2')).toMatchObject({ pendingCount: 1, contributorCount: 1 });
  });

  it.each([
    ['the text', { text: 'Late mornings' }, { text: 'Late mornings', tag: 'need' }],
    ['the tag', { tag: 'nice' }, { text: '  Quiet mornings  ', tag: 'nice' }],
    ['the tag to none', { tag: null }, { text: '  Quiet mornings  ', tag: null }],
    ['both', { text: 'Afternoons', tag: null }, { text: 'Afternoons', tag: null }],
    ['nothing', {}, { text: '  Quiet mornings  ', tag: 'need' }],
  ] as const)('editing %s changes only that, privately', (_label, fields, expected) => {
    const state = drafted();
    const changes = accept(state, ALICE, { type: 'editDraft', draftId: 'a1', ...fields });
    const draft: Draft = { id: 'a1', promptId: 'prompt1', authorId: 'alice', ...expected, authorName: null };
    expect(changes).toEqual({ doc: [], private: [{ type: 'putDraft', draft }] });
    expect(applyPrivateChanges(state, changes.private).drafts.get('a1')).toEqual(draft);
  });

  it('deleting removes the draft, gives the quota back and updates the counters', () => {
    let state = step(drafted(), ALICE, { type: 'deleteDraft', draftId: 'a1' });
    expect([...state.drafts.keys()].sort()).toEqual(['a2', 'b1']);
    expect(state.posted.has('alice/prompt1')).toBe(false);
    expect(state.board.prompts.get('prompt1')).toMatchObject({ pendingCount: 1, contributorCount: 1 });
    state = step(state, BOB, { type: 'deleteDraft', draftId: 'b1' });
    expect(state.board.prompts.get('prompt1')).toMatchObject({ pendingCount: 0, contributorCount: 0 });
    expect(refusal(state, ALICE, { type: 'deleteDraft', draftId: 'a1' }).error).toBe('not_found');
  });

  it('held notes (written after reveal) can still be edited and deleted by their author', () => {
    const reveal = { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true } as const;
    let state = step(withMeta(drafted(), { phase: 'share' }), FACILITATOR, reveal);
    state = post(state, ALICE, 'held', 'prompt1');
    state = step(state, ALICE, { type: 'editDraft', draftId: 'held', text: 'Changed my mind' });
    expect(state.drafts.get('held')?.text).toBe('Changed my mind');
    state = step(state, ALICE, { type: 'deleteDraft', draftId: 'held' });
    expect(state.drafts.has('held')).toBe(false);
    expect(state.board.prompts.get('prompt1')).toMatchObject({ pendingCount: 0, contributorCount: 2 });
  });
});

describe("someone else's draft cannot be probed", () => {
  const intruders: [string, Actor][] = [
    ['another participant', BOB],
    ['a facilitator who takes part', FACILITATOR],
  ];
  const commands: [string, (draftId: string) => Command][] = [
    ['editDraft', (draftId) => ({ type: 'editDraft', draftId, text: 'Mine now' })],
    ['deleteDraft', (draftId) => ({ type: 'deleteDraft', draftId })],
  ];

  it.each(intruders.flatMap(([who, actor]) => commands.map(([name, make]) => [name, who, actor, make] as const)))(
    '%s by %s: refused exactly like a draft that does not exist',
    (_name, _who, actor, make) => {
      const state = drafted();
      const existing = refusal(state, actor, make('a1'));
      expect(existing.error).toBe('not_found');
      expect(existing).toEqual(refusal(state, actor, make('never-existed')));
      expect(state.drafts.get('a1')?.text).toBe('  Quiet mornings  ');
    },
  );
});

describe('the same function in the browser', () => {
  /** What a browser holds: the board, and only its own drafts and counts. */
  function browserState(state: DomainState, actor: Actor): DomainState {
    const mine = (key: string) => key.startsWith(`${actor.participantId}/`);
    return {
      board: state.board,
      drafts: new Map([...state.drafts].filter(([, d]) => d.authorId === actor.participantId)),
      posted: new Map([...state.posted].filter(([key]) => mine(key))),
      ballots: new Map(),
      responses: new Map(),
      marks: new Set(),
    };
  }

  it.each([
    ['postDraft', { type: 'postDraft', draftId: 'a3', promptId: 'prompt1', text: 'Third', tag: null }],
    ['postDraft to a new prompt', { type: 'postDraft', draftId: 'a3', promptId: 'prompt3', text: 'Third', tag: null }],
    ['editDraft', { type: 'editDraft', draftId: 'a2', text: 'Edited' }],
    ['deleteDraft', { type: 'deleteDraft', draftId: 'a1' }],
    ['deleteDraft of bob', { type: 'deleteDraft', draftId: 'b1' }],
  ] as const)('%s gives the same result on the server and in the browser', (_label, command) => {
    const server = drafted();
    const ctx = () => testContext(5);
    expect(applyCommand(browserState(server, ALICE), ALICE, command, ctx())).toEqual(applyCommand(server, ALICE, command, ctx()));
  });
});

describe('applyPrivateChanges', () => {
  const draft = (id: string, authorId = 'alice'): Draft => ({
    id,
    promptId: 'prompt1',
    authorId,
    text: id,
    tag: null,
    authorName: null,
  });
  const base: DomainState = {
    ...newBoardState(),
    drafts: new Map([
      ['x', draft('x')],
      ['y', draft('y', 'bob')],
    ]),
    posted: new Map([
      ['alice/prompt1', 1],
      ['bob/prompt1', 1],
    ]),
  };

  it.each<[string, PrivateChange[], string[], Record<string, number>]>([
    ['putDraft adds', [{ type: 'putDraft', draft: draft('z') }], ['x', 'y', 'z'], { 'alice/prompt1': 1, 'bob/prompt1': 1 }],
    ['deleteDraft removes', [{ type: 'deleteDraft', draftId: 'x' }], ['y'], { 'alice/prompt1': 1, 'bob/prompt1': 1 }],
    [
      'deleteDraft of a missing id does nothing',
      [{ type: 'deleteDraft', draftId: 'nope' }],
      ['x', 'y'],
      { 'alice/prompt1': 1, 'bob/prompt1': 1 },
    ],
    [
      'revealDrafts removes the listed ones',
      [{ type: 'revealDrafts', draftIds: ['y', 'nope'] }],
      ['x'],
      { 'alice/prompt1': 1, 'bob/prompt1': 1 },
    ],
    [
      'countPosted adds, creating the key',
      [{ type: 'countPosted', participantId: 'carol', promptId: 'prompt2', delta: 1 }],
      ['x', 'y'],
      { 'alice/prompt1': 1, 'bob/prompt1': 1, 'carol/prompt2': 1 },
    ],
    [
      'countPosted down to zero removes the key',
      [{ type: 'countPosted', participantId: 'alice', promptId: 'prompt1', delta: -1 }],
      ['x', 'y'],
      { 'bob/prompt1': 1 },
    ],
    [
      'countPosted below zero removes the key',
      [{ type: 'countPosted', participantId: 'bob', promptId: 'prompt1', delta: -3 }],
      ['x', 'y'],
      { 'alice/prompt1': 1 },
    ],
    [
      'changes apply in order',
      [
        { type: 'putDraft', draft: { ...draft('x'), text: 'first' } },
        { type: 'deleteDraft', draftId: 'x' },
        { type: 'putDraft', draft: { ...draft('x'), text: 'second' } },
        { type: 'countPosted', participantId: 'alice', promptId: 'prompt1', delta: 2 },
      ],
      ['x', 'y'],
      { 'alice/prompt1': 3, 'bob/prompt1': 1 },
    ],
  ])('%s', (_label, changes, draftIds, posted) => {
    const snapshot = { drafts: [...base.drafts], posted: [...base.posted] };
    const next = applyPrivateChanges(base, changes);
    expect([...next.drafts.keys()].sort()).toEqual(draftIds);
    expect(Object.fromEntries(next.posted)).toEqual(posted);
    expect(next.board).toBe(base.board);
    // The input state is never mutated: the server may still hold it for another command.
    expect({ drafts: [...base.drafts], posted: [...base.posted] }).toEqual(snapshot);
  });

  it('keeps the latest putDraft of an id and returns the very same state for no changes', () => {
    const next = applyPrivateChanges(base, [{ type: 'putDraft', draft: { ...draft('x'), text: 'second' } }]);
    expect(next.drafts.get('x')?.text).toBe('second');
    expect(applyPrivateChanges(base, [])).toBe(base);
  });
});
