import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocChange } from '../../shared/domain/changes';
import {
  type BoardExport,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportBoardJson,
  parseBoardExport,
} from '../../shared/exports/boardExport';
import { csvField, exportBoardCsv } from '../../shared/exports/csvExport';
import { exportCheckInIcs } from '../../shared/exports/icsExport';
import { exportBoardMarkdown, markdownCell, markdownText } from '../../shared/exports/markdownExport';
import { MAX_PROMPTS_PER_BOARD } from '../../shared/limits';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import { isInvalid } from '../../shared/validate';
import { GOLDEN_EXPORTED_AT, goldenBoard } from './goldenBoard';
import { AGREEMENT1, ALICE, BOB, FACILITATOR, runRound, Session, TEST_SETTINGS, testContext } from './helpers';

const GOLDEN_DIR = path.join(import.meta.dirname, '..', 'golden');

/**
 * Compares an export with its file in tests/golden, byte for byte. Run with UPDATE_GOLDEN=1 to
 * write the files instead, then read them: they are what people download.
 */
function expectGolden(name: string, content: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, content);
    return;
  }
  if (!existsSync(file)) throw new Error(`${name} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/shared/exports.test.ts`);
  expect(content).toBe(readFileSync(file, 'utf8'));
}

/** Parses RFC 4180 CSV strictly: CRLF between records, quotes doubled inside quoted fields; a leading byte-order mark is skipped. */
function parseCsv(file: string): string[][] {
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    }
    if (text.startsWith('\r\n', i)) {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (i < text.length) {
      if (text[i] === '"' || text[i] === '\r' || text[i] === '\n') throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (record.length > 0 || field !== '') throw new Error('the last record has no CRLF');
  return records;
}

describe('exports of the golden board', () => {
  const session = goldenBoard();
  const board = session.state.board;

  it('builds the same board every time', () => {
    expect(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT)).toBe(exportBoardJson(board, GOLDEN_EXPORTED_AT));
  });

  it('covers what the exports must show', () => {
    const agreements = [...board.agreements.values()];
    const proposals = [...board.proposals.values()];
    expect(board.meta).toMatchObject({ version: 2, isClosed: false, checkInDate: '2024-09-11' });
    expect([...board.versions.values()].map((v) => [v.number, v.items.length])).toEqual([[1, 4]]);
    expect(new Set(agreements.map((a) => a.status))).toEqual(new Set(['locked', 'replaced', 'retired']));
    expect(new Set(proposals.map((p) => `${p.kind} ${p.status}`))).toEqual(
      new Set(['adopt failed', 'adopt passed', 'amend passed', 'retire passed']),
    );
    expect(agreements.some((a) => a.smartie !== null)).toBe(true);
    expect([...board.voteRounds.values()].map((r) => r.status)).toEqual(['closed']);
    const notes = [...board.notes.values()];
    expect(notes.some((n) => n.themeId === null) && notes.some((n) => n.themeId !== null)).toBe(true);
    expect(notes.some((n) => n.tag === 'need')).toBe(true);
    expect([...board.prompts.values()].some((p) => p.kind === 'awareness')).toBe(true);
  });

  it('exports Markdown as in tests/golden/board.md', () => {
    expectGolden('board.md', exportBoardMarkdown(board));
  });

  it('exports CSV as in tests/golden/board.csv', () => {
    expectGolden('board.csv', exportBoardCsv(board));
  });

  it('exports JSON as in tests/golden/board.json', () => {
    expectGolden('board.json', exportBoardJson(board, GOLDEN_EXPORTED_AT));
  });

  it('exports the same bytes from the live state as from the document read back (a server restart changes nothing)', () => {
    const live = [exportBoardMarkdown(board), exportBoardCsv(board), exportBoardJson(board, GOLDEN_EXPORTED_AT)];
    const read = session.read();
    expect([exportBoardMarkdown(read), exportBoardCsv(read), exportBoardJson(read, GOLDEN_EXPORTED_AT)]).toEqual(live);
  });

  describe('Markdown', () => {
    const markdown = exportBoardMarkdown(board);

    it('has the three-column table of seed 000, one row per align prompt', () => {
      const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
      expect(rows[0]).toBe('| Prompt | What we heard | What we agreed |');
      const align = [...board.prompts.values()].filter((p) => p.kind === 'align');
      expect(rows).toHaveLength(1 + align.length);
      // Escaped pipes aside, every row has exactly three cells.
      for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5);
    });

    it('shows the answers themselves in what we heard: each theme with its counts and its notes, then the notes in no theme', () => {
      expect(markdown).toContain(
        '| Right now, what stops me from working at my best is… | • **Wellbeing** (2 notes): Mental exhaustion; Anxiety<br>• Childcare \\| school runs (need) | — |',
      );
      expect(markdown).toContain(
        '• **Offline time** (2 notes, 1 need): No Slack or email on weekends (need); Only urgent messages after 6pm<br>',
      );
      // The awareness section: the theme as a bullet, its notes as sub-bullets.
      expect(markdown).toContain(
        '### I would like the team to keep in mind that…\n\n- **Caring and health** (2 notes, 1 need)\n  - I am helping take care of a family member\n  - I have a compromised immune system (need)\n',
      );
    });

    it('lists the rounds that did not pass under the decision records, with their outcome and their reasons, unattributed', () => {
      const records = markdown.slice(
        markdown.indexOf('## Decision records'),
        markdown.indexOf('## Changed, retired or unlocked'),
      );
      expect(records).toContain(
        [
          '### Rounds that did not pass',
          '',
          '- **We keep meetings between 11 and 1.** — round 1 by consensus on 2024-03-11: 2 agree, 1 can live with it, 1 block. Not passed: 1 person blocked.',
          '  - Reason (block): I collect my children at 12.',
          '  - Reason (can live with it): Mornings suit me better, but I can live with it.',
          '',
        ].join('\n'),
      );
      // The passed revision is a decision record, not a failed round.
      expect(records.match(/^- /gm)).toHaveLength(4);
      const amending = goldenBoard();
      runRound(
        amending,
        {
          proposalId: 'proposal-offline-3',
          promptId: 'prompt3',
          themeId: 'theme-offline',
          statement: 'We never message each other outside 9–6.',
          kind: 'amend',
          targetAgreementId: 'proposal-offline-2-agreed',
          responses: [[ALICE, 'block', 'I am on call at night.']],
        },
        Date.UTC(2024, 5, 13),
      );
      expect(exportBoardMarkdown(amending.state.board)).toContain(
        '- **We never message each other outside 9–6.** (new wording for: We only message each other outside 9–6 in an emergency, and then we call. Nobody has to respond to messages.) — round 1 by consent on 2024-06-13: 0 agree, 0 can live with it, 1 block. Not passed: 1 person blocked.\n  - Reason (block): I am on call at night.\n',
      );
    });

    it('ends with the closed versions, each with its closing date and number of items', () => {
      expect(markdown.endsWith('\n## Versions\n\n- Version 1: closed on 2024-03-11, 4 items.\n')).toBe(true);
      const session = new Session(1);
      expect(exportBoardMarkdown(session.state.board)).toContain('.\n\n## Versions\n\nNo version has been closed yet.\n');
    });

    it('says what replaced an item, that a round retired one, and why one was unlocked', () => {
      expect(markdown).toContain(
        '- ~~We only message each other outside 9–6 in an emergency. Nobody has to respond outside that time.~~ — decided by consent in round 1 on 2024-03-11 (version 1): 4 agree, 0 can live with it, 0 block; replaced on 2024-06-12 by: We only message each other outside 9–6 in an emergency, and then we call. Nobody has to respond to messages.\n',
      );
      expect(markdown).toContain(
        '- ~~We accept that it is unrealistic for everyone to show up at 100% capacity right now.~~ — decided by majority in round 1 on 2024-03-11 (version 1): 4 agree, 0 can live with it, 0 block; retired on 2024-06-12 by a round (consent, round 1: 4 agree, 0 can live with it, 0 block) on the proposal: We no longer need this: everyone is back at full capacity.\n',
      );
      const unlocked = goldenBoard();
      unlocked.commit({
        doc: [
          {
            type: 'patchAgreement',
            id: 'proposal-email-agreed',
            fields: { status: 'unlocked', unlockReason: 'Two of us now work on Saturdays.', unlockedAt: Date.UTC(2024, 5, 13) },
          },
        ],
        private: [],
      });
      expect(exportBoardMarkdown(unlocked.state.board)).toMatch(
        /^- ~~We answer emails within 48 hours, .*~~ — decided .*; unlocked on 2024-06-13: Two of us now work on Saturdays\.$/m,
      );
    });

    it('lists the items in force, the changed ones struck through, and the awareness prompts as sections', () => {
      expect(markdown).toContain('Version 2, in progress. We check in on 2024-09-11.');
      expect(markdown).toContain('  - Owner: Team leads;');
      expect(markdown).toContain('### You can tell I have too much on when I…');
      // A note written on two lines stays one item.
      expect(markdown).toContain('- When I put on my Slack away message…<br>that means I need time for heads-down work\n');
    });

    it('says once that its dates are in UTC', () => {
      expect(markdown.match(/dates in UTC/gi)).toHaveLength(1);
      expect(markdown).toContain('Version 2, in progress. We check in on 2024-09-11. (Dates in UTC.)\n');
    });

    it('escapes Markdown outside the table too: title, purpose, headings, themes, notes, statements and reasons come out literally', () => {
      const session = new Session(2);
      session.commit({
        doc: [
          { type: 'setMeta', fields: { title: '*Team* [Pluto](x)', purpose: '# Why\n1. we care' } },
          { type: 'patchPrompt', id: 'prompt2', fields: { text: 'Team #', isRevealed: true } },
          { type: 'patchPrompt', id: 'prompt1', fields: { isRevealed: true } },
          { type: 'putTheme', theme: { id: 't1', promptId: 'prompt2', name: '*urgent*', order: 'a0' } },
          ...(
            [
              ['n1', 'prompt2', '*urgent*', 't1'],
              ['n2', 'prompt2', '# 1', null],
              ['n3', 'prompt2', '[link](x)', null],
              ['n4', 'prompt2', '- a list\n> a quote', null],
              ['n5', 'prompt1', '<b>bold</b> | _em_', null],
            ] as const
          ).map(
            ([id, promptId, text, themeId], i): DocChange => ({
              type: 'putNote',
              note: { id, promptId, text, tag: null, themeId, order: `a${i}`, author: null },
            }),
          ),
          {
            type: 'putAgreement',
            item: {
              ...AGREEMENT1,
              promptId: 'prompt1',
              statement: '`Code` & ~~gone~~ &amp; 2) two',
              status: 'unlocked',
              unlockReason: '![img](x)',
              unlockedAt: 0,
            },
          },
        ],
        private: [],
      });
      const md = exportBoardMarkdown(session.state.board);
      expect(md.startsWith('# \\*Team\\* \\[Pluto\\](x)\n\n\\# Why<br>1. we care\n')).toBe(true);
      expect(md).toContain('| Question 1? | • \\<b>bold\\</b> \\| \\_em\\_ | — |');
      expect(md).toContain(
        '### Team \\#\n\n- **\\*urgent\\*** (1 note)\n  - \\*urgent\\*\n- \\# 1\n- \\[link\\](x)\n- \\- a list<br>> a quote\n',
      );
      expect(md).toContain('- ~~\\`Code\\` & \\~\\~gone\\~\\~ \\&amp; 2) two~~ — decided');
      expect(md).toContain('; unlocked on 1970-01-01: !\\[img\\](x).\n');
    });

    it.each([
      ['plain text', 'plain text'],
      ['*urgent*', '\\*urgent\\*'],
      ['_em_ and __strong__', '\\_em\\_ and \\_\\_strong\\_\\_'],
      ['# 1', '\\# 1'],
      ['## 2 ##', '\\## 2 \\##'],
      ['C# and #hashtags', 'C# and \\#hashtags'],
      ['[link](x)', '\\[link\\](x)'],
      ['![image](x)', '!\\[image\\](x)'],
      ['`code`', '\\`code\\`'],
      ['~~gone~~', '\\~\\~gone\\~\\~'],
      ['<b>bold</b>', '\\<b>bold\\</b>'],
      ['&amp; &#35; but Q&A', '\\&amp; \\&#35; but Q&A'],
      ['> a quote, a > b', '\\> a quote, a > b'],
      ['- a list', '\\- a list'],
      ['+ a list', '\\+ a list'],
      ['-1 meetings', '-1 meetings'],
      ['--flag', '\\--flag'],
      ['---', '\\---'],
      ['1. first', '1\\. first'],
      ['2) second', '2\\) second'],
      ['In 2024. we met', 'In 2024. we met'],
      ['3.5 hours', '3.5 hours'],
      ['a | pipe', 'a | pipe'],
      ['a \\ backslash', 'a \\\\ backslash'],
      ['two\nlines', 'two<br>lines'],
      ['two\n# lines', 'two<br>\\# lines'],
      ['windows\r\nlines', 'windows<br>lines'],
    ])('markdownText(%j) is %j', (text, escaped) => {
      expect(markdownText(text)).toBe(escaped);
      // The symmetric case: in a table cell, the same, and pipes escaped as well.
      expect(markdownCell(text)).toBe(escaped.replace(/\|/g, '\\|'));
    });

    it.each([
      ['plain text', 'plain text'],
      ['a | pipe', 'a \\| pipe'],
      ['two\nlines', 'two<br>lines'],
      ['windows\r\nlines', 'windows<br>lines'],
      ['a \\ backslash', 'a \\\\ backslash'],
      ['a \\| pipe after a backslash', 'a \\\\\\| pipe after a backslash'],
    ])('markdownCell(%j) is %j', (text, cell) => {
      expect(markdownCell(text)).toBe(cell);
    });
  });

  describe('CSV', () => {
    const csv = exportBoardCsv(board);
    const [header, ...all] = parseCsv(csv);
    const rows = all.filter((r) => r[0] === 'note');
    const agreed = all.filter((r) => r[0] === 'agreement');

    it('starts with a UTF-8 byte-order mark, once, so that spreadsheet programs read “…” and “–” as UTF-8', () => {
      expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.slice(1).startsWith('row,prompt,')).toBe(true);
      expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    });

    it('is RFC 4180: CRLF records, nine fields each; after the header one row per agreed statement in force, then one per note', () => {
      expect(header).toEqual(['row', 'prompt', 'kind', 'theme', 'text', 'tag', 'note_votes', 'theme_votes', 'decision']);
      const locked = [...board.agreements.values()].filter((a) => a.status === 'locked');
      expect(all.map((r) => r[0])).toEqual([...locked.map(() => 'agreement'), ...[...board.notes.values()].map(() => 'note')]);
      for (const row of all) expect(row).toHaveLength(9);
      expect(csv.endsWith('\r\n')).toBe(true);
    });

    it('has a row for each agreed statement in force, with its prompt, theme and decision record; none for those replaced or retired', () => {
      expect(agreed.map((r) => r.slice(1))).toEqual([
        [
          'The times that work best for me to meet are…',
          'align',
          'Late morning',
          'We try to keep meetings between 11 and 1, and fill people in when one has to happen outside that time.',
          '',
          '',
          '',
          'decided by consensus in round 2 on 2024-03-11 (version 1): 3 agree, 1 can live with it, 0 block',
        ],
        [
          'Outside working hours, I am happy to be contacted…',
          'align',
          'Offline time',
          'We only message each other outside 9–6 in an emergency, and then we call. Nobody has to respond to messages.',
          '',
          '',
          '',
          'decided by consent in round 1 on 2024-06-12 (version 2): 4 agree, 0 can live with it, 0 block',
        ],
        [
          'In my work, I can commit to…',
          'align',
          'Email',
          'We answer emails within 48 hours, and cover for each other around childcare and other needs.',
          '',
          '',
          '',
          'decided by consent in round 1 on 2024-03-11 (version 1): 4 agree, 0 can live with it, 0 block',
        ],
      ]);
      const ended = [...board.agreements.values()].filter((a) => a.status !== 'locked');
      expect(ended.length).toBeGreaterThan(0);
      for (const item of ended) expect(agreed.map((r) => r[4])).not.toContain(item.statement);
      for (const row of rows) expect(row[8]).toBe('');
    });

    it('keeps every note text, quoted where needed, and defuses cells a spreadsheet would run as formulas', () => {
      const texts = rows.map((r) => r[4]!);
      for (const note of board.notes.values()) {
        const expected = /^[=+\-@]/.test(note.text) ? `'${note.text}` : note.text;
        expect(texts).toContain(expected);
      }
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
      expect(texts).toContain('I don\'t mind getting them, but won\'t "respond"');
    });

    it.each<[string, [theme: string, tag: string, noteVotes: string, themeVotes: string]]>([
      ['Between 9 and 1', ['Late morning', '', '', '3']],
      ['Late mornings', ['Late morning', 'nice', '', '3']],
      ['Answering emails within 48 hours', ['Email', 'need', '', '1']],
      ['Childcare | school runs', ['', 'need', '1', '']],
      ['Whenever', ['', '', '0', '']],
      // Awareness prompts are never voted on.
      ['I have a compromised immune system', ['Caring and health', 'need', '', '']],
      ['Giving me space when I need it', ['', '', '', '']],
    ])(
      'counts the dots of the closed vote for “%s”: note_votes on the note itself, theme_votes on its theme',
      (note, [theme, tag, noteVotes, themeVotes]) => {
        const row = rows.find((r) => r[4] === note);
        expect(row?.slice(3, 8)).toEqual([theme, note, tag, noteVotes, themeVotes]);
      },
    );

    it('puts the dots a note got itself in note_votes even after it joined a theme, beside its theme’s dots', () => {
      const session = goldenBoard();
      const childcare = [...session.state.board.notes.values()].find((n) => n.text === 'Childcare | school runs')!;
      session.commit({ doc: [{ type: 'patchNote', id: childcare.id, fields: { themeId: 'theme-wellbeing' } }], private: [] });
      const row = parseCsv(exportBoardCsv(session.state.board)).find((r) => r[4] === 'Childcare | school runs');
      // The wellbeing theme got no dots in the round; the note got one while it was ungrouped.
      expect(row?.slice(3, 8)).toEqual(['Wellbeing', 'Childcare | school runs', 'need', '1', '0']);
    });

    it('carries no authorship, even on a board whose notes show names', () => {
      const session = new Session(1);
      session.commit({
        doc: [{ type: 'setMeta', fields: { phase: 'reflect', settings: { ...TEST_SETTINGS, isAnonymous: false } } }],
        private: [],
      });
      session.run(ALICE, {
        type: 'postDraft',
        draftId: 'a',
        promptId: 'prompt1',
        text: 'Mine',
        tag: null,
        authorName: 'Alice Zeta',
      });
      session.run(BOB, {
        type: 'postDraft',
        draftId: 'b',
        promptId: 'prompt1',
        text: 'Yours',
        tag: null,
        authorName: 'Bob Omega',
      });
      session.commit({ doc: [{ type: 'setMeta', fields: { phase: 'share' } }], private: [] });
      session.run(FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true }, testContext());
      expect([...session.state.board.notes.values()].map((n) => n.author).sort()).toEqual(['Alice Zeta', 'Bob Omega']);
      const named = exportBoardCsv(session.state.board);
      expect(named).not.toMatch(/Alice|Bob|Zeta|Omega|alice|bob/);
      expect(parseCsv(named).slice(1)).toHaveLength(2);
    });

    it.each<[string | number, string]>([
      ['plain', 'plain'],
      [42, '42'],
      ['a, b', '"a, b"'],
      ['say "hi"', '"say ""hi"""'],
      ['two\nlines', '"two\nlines"'],
      ['two\r\nlines', '"two\r\nlines"'],
      ['=1+2', "'=1+2"],
      ['+44 20 7946 0000', "'+44 20 7946 0000"],
      ['-1 meetings', "'-1 meetings"],
      ['@channel', "'@channel"],
      ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
      ['a=b', 'a=b'],
      ['', ''],
    ])('csvField(%j) is %j', (value, cell) => {
      expect(csvField(value)).toBe(cell);
      expect(parseCsv(`${cell}\r\n`)).toEqual([
        [typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : String(value)],
      ]);
    });
  });

  describe('JSON', () => {
    const json = exportBoardJson(board, GOLDEN_EXPORTED_AT);
    const data = JSON.parse(json) as Record<string, unknown>;

    it('is complete and versioned, and parses back to the same data', () => {
      expect(data).toMatchObject({
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        exportedAt: '2024-06-12T16:30:00.000Z',
      });
      const parsed = parseBoardExport(structuredClone(data));
      expect(isInvalid(parsed)).toBe(false);
      expect(parsed).toEqual(data);
      const { meta, ...lists } = data.board as Record<string, unknown[]>;
      expect(meta).toEqual(board.meta);
      const counts = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length]));
      expect(counts).toEqual({
        prompts: board.prompts.size,
        themes: board.themes.size,
        notes: board.notes.size,
        voteRounds: 1,
        proposals: board.proposals.size,
        agreements: board.agreements.size,
        versions: 1,
      });
    });

    it('holds nothing private: no drafts, ballots, responses, participant ids or key hashes', () => {
      expect(json).not.toMatch(/authorId|participantId|ballot|"responses"|KeyHash|secret|"d1-1"|"alice"|"bob"/i);
    });

    it.each<[string, (d: BoardExport) => void, string]>([
      ['another format', (d) => Object.assign(d, { format: 'trello.board' }), 'export.format'],
      ['a newer format version', (d) => Object.assign(d, { formatVersion: EXPORT_FORMAT_VERSION + 1 }), 'export.formatVersion'],
      ['an older schema', (d) => Object.assign(d, { schemaVersion: CURRENT_SCHEMA_VERSION - 1 }), 'export.schemaVersion'],
      [
        'a note with its author id',
        (d) => Object.assign(d.board.notes[0]!, { authorId: 'alice' }),
        'export.board.notes[0].authorId',
      ],
      ['an invalid prompt kind', (d) => Object.assign(d.board.prompts[0]!, { kind: 'vote' }), 'export.board.prompts[0].kind'],
      ['no versions', (d) => Reflect.deleteProperty(d.board, 'versions'), 'export.board.versions'],
      ['an extra top-level field', (d) => Object.assign(d, { drafts: [] }), 'export.drafts'],
      [
        'a note in a theme it does not hold',
        (d) => Object.assign(d.board.notes[0]!, { themeId: 'ghost' }),
        'export.board.notes[0].themeId',
      ],
      [
        'a second prompt with the id of the first',
        (d) => Object.assign(d.board.prompts[1]!, { id: d.board.prompts[0]!.id }),
        'export.board.prompts[1].id',
      ],
      [
        `more than ${MAX_PROMPTS_PER_BOARD} prompts`,
        (d) => {
          const first = d.board.prompts[0]!;
          const extra = Array.from({ length: MAX_PROMPTS_PER_BOARD }, (_, i) => ({ ...first, id: `extra${i}`, order: `b${i}` }));
          d.board.prompts.push(...extra.slice(0, MAX_PROMPTS_PER_BOARD + 1 - d.board.prompts.length));
        },
        'export.board.prompts',
      ],
    ])('refuses an export with %s', (_label, corrupt, at) => {
      const copy = structuredClone(data) as BoardExport;
      corrupt(copy);
      expect(parseBoardExport(copy)).toMatchObject({ invalid: true, path: at });
    });

    it.each([null, 'text', 42, []])('refuses %j', (value) => {
      expect(isInvalid(parseBoardExport(value))).toBe(true);
    });
  });
});

describe('ICS check-in', () => {
  const NOW = new Date(Date.UTC(2024, 5, 12, 16, 30, 5, 123));
  const ics = (title: string, checkInDate = '2024-09-11') =>
    exportCheckInIcs({ boardId: 'golden-board', title, checkInDate, link: 'https://accord.example/r/golden-board', now: NOW });

  /** Content lines with folding undone (RFC 5545 §3.1). */
  const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

  it('is a VCALENDAR with one all-day VEVENT on the check-in date, every line ending in CRLF', () => {
    const text = ics('Team Pluto working agreement');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfold(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Accord//Agreement check-in//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
      'UID:golden-board-checkin@accord',
      'DTSTAMP:20240612T163005Z',
      'DTSTART;VALUE=DATE:20240911',
      'DTEND;VALUE=DATE:20240912',
      'SUMMARY:Check in on our agreement: Team Pluto working agreement',
      'DESCRIPTION:Needs change. Is our agreement still working for everyone? Should anything be changed?\\nhttps://accord.example/r/golden-board',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it.each([
    ['2024-02-28', '20240229'],
    ['2023-02-28', '20230301'],
    ['2024-12-31', '20250101'],
    ['2024-03-30', '20240331'],
  ])('ends the all-day event on %s the next day, %s', (date, end) => {
    expect(unfold(ics('T', date))).toContain(`DTEND;VALUE=DATE:${end}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const summary = unfold(ics('Us; them, and\\or\neveryone')).find((l) => l.startsWith('SUMMARY:'));
    expect(summary).toBe('SUMMARY:Check in on our agreement: Us\\; them\\, and\\\\or\\neveryone');
  });

  it.each([
    ['a bare CR', 'Us\rBEGIN:VALARM', 'Us\\nBEGIN:VALARM'],
    ['a bare LF', 'Us\nATTENDEE:x', 'Us\\nATTENDEE:x'],
    ['CRLF', 'Us\r\nthem', 'Us\\nthem'],
    ['LF CR (two breaks)', 'Us\n\rthem', 'Us\\n\\nthem'],
    ['other control characters, dropped', 'U\u0000s\u0007\u000b\u001b\u007f them\tall', 'Us them\tall'],
  ])('never lets %s of a title break a content line', (_label, title, escaped) => {
    const text = ics(title);
    // Every CR and LF in the file is part of a CRLF line end.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(unfold(text).find((l) => l.startsWith('SUMMARY:'))).toBe(`SUMMARY:Check in on our agreement: ${escaped}`);
    expect(unfold(text).filter((l) => /^(BEGIN|ATTENDEE)/.test(l))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT']);
  });

  it.each([
    ['ASCII', 'x'.repeat(200)],
    ['accents', 'Équipe ré'.repeat(20)],
    ['emoji at every offset', `${'x'.repeat(33)}${'🚀'.repeat(40)}`],
    ['emoji shifted by one', `${'x'.repeat(37)}${'🚀'.repeat(40)}`],
    ['CJK', '合意'.repeat(60)],
  ])('folds long lines (%s) at 75 octets without breaking a character', (_label, title) => {
    const text = ics(title);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(Buffer.from(text, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(unfold(text).find((l) => l.startsWith('SUMMARY:'))).toBe(`SUMMARY:Check in on our agreement: ${title}`);
  });
});
