import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import { type Command, parseCommand } from '../../shared/commands';
import { boardExportSchema, exportBoardJson } from '../../shared/exports/boardExport';
import { seededRandom } from '../../shared/random';
import { isInvalid, string, wellFormed } from '../../shared/validate';
import { newBoardChanges } from './helpers';

const HIGH = '\uD83D';
const LOW = '\uDE00';
const PAIR = `${HIGH}${LOW}`;

/** Node 20's own `String.prototype.toWellFormed` (not in this project's ES2023 lib types), as the oracle. */
const toWellFormed = (text: string) => (text as string & { toWellFormed(): string }).toWellFormed();

describe('wellFormed', () => {
  it.each([
    ['plain text', 'Coffee', 'Coffee'],
    ['a whole emoji', `Hi ${PAIR}`, `Hi ${PAIR}`],
    ['a lone high surrogate', `Hi ${HIGH}`, 'Hi \uFFFD'],
    ['a lone low surrogate', `${LOW}Hi`, '\uFFFDHi'],
    ['two high surrogates, then a low one', `${HIGH}${HIGH}${LOW}`, `\uFFFD${PAIR}`],
    ['a pair in the wrong order', `${LOW}${HIGH}`, '\uFFFD\uFFFD'],
    ['the empty string', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(wellFormed(input)).toBe(expected);
    // Same length: a limit checked after the repair counts the same characters the person typed.
    expect(wellFormed(input)).toHaveLength(input.length);
  });

  it('agrees with String.prototype.toWellFormed on 5,000 random strings of surrogates, pairs and letters', () => {
    const random = seededRandom(11);
    const units = [HIGH, LOW, '\uDBFF', '\uDC00', 'a', ' ', PAIR, '\u00e9'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => units[Math.floor(random() * units.length)]).join('');
      expect(wellFormed(text)).toBe(toWellFormed(text));
    }
  });
});

describe('every text field of every command is made well-formed', () => {
  const broken = `Half ${HIGH} an emoji`;
  const repaired = 'Half \uFFFD an emoji';
  const COMMANDS: [field: string, command: (text: string) => unknown, read: (c: Command) => unknown][] = [
    ['updateBoard.title', (t) => ({ type: 'updateBoard', title: t }), (c) => c.type === 'updateBoard' && c.title],
    ['renameBoard.title', (t) => ({ type: 'renameBoard', title: t }), (c) => c.type === 'renameBoard' && c.title],
    ['updateBoard.purpose', (t) => ({ type: 'updateBoard', purpose: t }), (c) => c.type === 'updateBoard' && c.purpose],
    [
      'addPrompt.text',
      (t) => ({ type: 'addPrompt', promptId: 'p', text: t, kind: 'align', beforePromptId: null }),
      (c) => c.type === 'addPrompt' && c.text,
    ],
    ['updatePrompt.text', (t) => ({ type: 'updatePrompt', promptId: 'p', text: t }), (c) => c.type === 'updatePrompt' && c.text],
    [
      'postDraft.text',
      (t) => ({ type: 'postDraft', draftId: 'd', promptId: 'p', text: t, tag: null }),
      (c) => c.type === 'postDraft' && c.text,
    ],
    [
      'postDraft.authorName',
      (t) => ({ type: 'postDraft', draftId: 'd', promptId: 'p', text: 'x', tag: null, authorName: t }),
      (c) => c.type === 'postDraft' && c.authorName,
    ],
    ['editDraft.text', (t) => ({ type: 'editDraft', draftId: 'd', text: t }), (c) => c.type === 'editDraft' && c.text],
    [
      'createTheme.name',
      (t) => ({ type: 'createTheme', themeId: 't', promptId: 'p', name: t, noteIds: [], beforeThemeId: null }),
      (c) => c.type === 'createTheme' && c.name,
    ],
    ['renameTheme.name', (t) => ({ type: 'renameTheme', themeId: 't', name: t }), (c) => c.type === 'renameTheme' && c.name],
    [
      'openVoteRound.label',
      (t) => ({
        type: 'openVoteRound',
        roundId: 'r',
        label: t,
        dotsPerPerson: 3,
        maxPerItem: 1,
        facilitatorVotes: false,
        itemIds: null,
      }),
      (c) => c.type === 'openVoteRound' && c.label,
    ],
    [
      'openProposal.statement',
      (t) => ({
        type: 'openProposal',
        proposalId: 'x',
        promptId: 'p',
        themeId: null,
        statement: t,
        rule: 'consent',
        quorumPercent: 0,
        thresholdPercent: 50,
        previousProposalId: null,
      }),
      (c) => c.type === 'openProposal' && c.statement,
    ],
    [
      'respond.reason',
      (t) => ({ type: 'respond', proposalId: 'x', response: 'block', reason: t }),
      (c) => c.type === 'respond' && c.reason,
    ],
    [
      'unlockAgreement.reason',
      (t) => ({ type: 'unlockAgreement', agreementId: 'a', reason: t }),
      (c) => c.type === 'unlockAgreement' && c.reason,
    ],
    [
      'setSmartie.smartie.owner',
      (t) => ({ type: 'setSmartie', agreementId: 'a', smartie: { owner: t, measure: '', deadline: null, equityCheck: '' } }),
      (c) => c.type === 'setSmartie' && c.smartie?.owner,
    ],
    [
      'setSmartie.smartie.measure',
      (t) => ({ type: 'setSmartie', agreementId: 'a', smartie: { owner: '', measure: t, deadline: null, equityCheck: '' } }),
      (c) => c.type === 'setSmartie' && c.smartie?.measure,
    ],
    [
      'setSmartie.smartie.equityCheck',
      (t) => ({ type: 'setSmartie', agreementId: 'a', smartie: { owner: '', measure: '', deadline: null, equityCheck: t } }),
      (c) => c.type === 'setSmartie' && c.smartie?.equityCheck,
    ],
  ];

  it.each(COMMANDS)('%s', (_field, command, read) => {
    const parsed = parseCommand(command(broken));
    if (isInvalid(parsed)) throw new Error(`${parsed.path} ${parsed.message}`);
    expect(read(parsed)).toBe(repaired);
  });

  it('leaves fields that must be ids refused, not repaired', () => {
    expect(isInvalid(parseCommand({ type: 'removePrompt', promptId: `p${HIGH}` }))).toBe(true);
  });

  it('applies the length limit to the repaired text, which has the same length', () => {
    const limited = string({ maxChars: 3 });
    expect(limited(`ab${HIGH}`)).toBe('ab\uFFFD');
    expect(isInvalid(limited(`abc${HIGH}`))).toBe(true);
  });
});

describe('records read back from a document or an import are made well-formed too', () => {
  it('repairs a note and a title written into the document by an older server', () => {
    const doc = new Y.Doc();
    applyDocChanges(doc, newBoardChanges(1), 'test');
    const promptId = [...(readBoard(doc)?.prompts.keys() ?? [])][0]!;
    applyDocChanges(
      doc,
      [
        { type: 'setMeta', fields: { title: `Team ${HIGH}` } },
        {
          type: 'putNote',
          note: { id: 'n1', promptId, text: `Tea ${LOW}`, tag: null, themeId: null, order: 'a0', author: null },
        },
      ],
      'test',
    );
    const board = readBoard(doc);
    expect(board?.meta.title).toBe('Team \uFFFD');
    expect(board?.notes.get('n1')?.text).toBe('Tea \uFFFD');
  });

  it('repairs the text of an imported board', () => {
    const doc = new Y.Doc();
    applyDocChanges(doc, newBoardChanges(1), 'test');
    const board = readBoard(doc)!;
    const data = JSON.parse(exportBoardJson(board, new Date(0)));
    data.board.meta.title = `Team ${HIGH}`;
    const imported = boardExportSchema(JSON.parse(JSON.stringify(data)));
    if (isInvalid(imported)) throw new Error(`${imported.path} ${imported.message}`);
    expect(imported.board.meta.title).toBe('Team \uFFFD');
  });
});
