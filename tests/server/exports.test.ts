import { describe, expect, it, vi } from 'vitest';
import type { CreatedBoard } from '../../server/api';
import { type BoardExport, exportBoardJson } from '../../shared/exports/boardExport';
import { exportBoardCsv } from '../../shared/exports/csvExport';
import { exportBoardMarkdown } from '../../shared/exports/markdownExport';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { GOLDEN_EXPORTED_AT, goldenBoard } from '../shared/goldenBoard';
import { createBoard, fetchJoinToken, useTestServer, waitSynced } from './helpers';

const t = useTestServer();

function importBoard(body: string): Promise<Response> {
  return fetch(`${t.server.url}/api/boards/import`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
}

function download(boardId: string, file: string, key: string): Promise<Response> {
  return fetch(`${t.server.url}/api/boards/${boardId}/${file}`, { headers: { authorization: `Bearer ${key}` } });
}

describe('JSON export → import → export', () => {
  it('gives the same bytes except meta.id, meta.createdAt and exportedAt; Markdown and CSV are identical', async () => {
    const board = goldenBoard().state.board;
    const original = exportBoardJson(board, GOLDEN_EXPORTED_AT);
    const before = Date.now();
    const response = await importBoard(original);
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBoard;
    expect(created.boardId).not.toBe('golden-board');

    const exported = await download(created.boardId, 'export.json', created.facilitatorKey);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const data = JSON.parse(text);
    // The server's export is the canonical serialisation, so patching three values back gives the original bytes.
    expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(data.board.meta.id).toBe(created.boardId);
    expect(data.board.meta.createdAt).toBeGreaterThanOrEqual(before);
    expect(Date.parse(data.exportedAt)).toBeGreaterThanOrEqual(before);
    data.board.meta.id = board.meta.id;
    data.board.meta.createdAt = board.meta.createdAt;
    data.exportedAt = GOLDEN_EXPORTED_AT.toISOString();
    expect(`${JSON.stringify(data, null, 2)}\n`).toBe(original);

    expect(await (await download(created.boardId, 'export.md', created.facilitatorKey)).text()).toBe(exportBoardMarkdown(board));
    // Bytes, not text(): decoding drops the CSV's byte-order mark.
    const csv = Buffer.from(await (await download(created.boardId, 'export.csv', created.readerKey)).arrayBuffer());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toEqual(Buffer.from(exportBoardCsv(board), 'utf8'));
  });

  it('gives the imported board its own keys and join code, and a facilitator can carry on with it', async () => {
    const first = (await (
      await importBoard(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT))
    ).json()) as CreatedBoard;
    const second = (await (
      await importBoard(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT))
    ).json()) as CreatedBoard;
    expect(second.boardId).not.toBe(first.boardId);
    expect(second.joinCode).not.toBe(first.joinCode);
    expect(second.facilitatorKey).not.toBe(first.facilitatorKey);
    expect(second.readerKey).not.toBe(first.readerKey);
    expect(second.readerUrl).toBe(`${t.server.url}/r/${second.boardId}#key=${second.readerKey}`);
    // One board's keys open nothing on the other.
    expect((await download(second.boardId, 'export.md', first.facilitatorKey)).status).toBe(401);

    const facilitator = t.connect(second.boardId, { facilitatorKey: second.facilitatorKey });
    await waitSynced(facilitator);
    expect(facilitator.board().meta).toMatchObject({ id: second.boardId, version: 2, phase: 'revisit', isClosed: false });
    expect(facilitator.board().versions.get('v1')?.items).toHaveLength(4);
    expect((await facilitator.send({ type: 'setPhase', phase: 'agreement' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    expect(
      facilitator
        .board()
        .versions.get('v2')
        ?.items.map((i) => i.lineageId),
    ).toEqual(['proposal-meetings-2-agreed', 'proposal-offline-agreed', 'proposal-email-agreed']);
  });

  it('resets the counters that stood for private state left behind: pending notes, voters and respondents of open rounds', async () => {
    const data = golden() as { board: BoardExport['board'] };
    const { board } = data;
    const [revealed, unrevealed] = [board.prompts[0]!, board.prompts.find((p) => p.id === 'prompt5')!];
    Object.assign(revealed, { pendingCount: 2 });
    // A prompt nobody has seen yet: its two contributors only wrote drafts, which do not come along.
    Object.assign(unrevealed, { isRevealed: false, pendingCount: 3, contributorCount: 2 });
    board.notes = board.notes.filter((n) => n.promptId !== unrevealed.id);
    const closedRound = board.voteRounds[0]!;
    board.voteRounds.push({ ...closedRound, id: 'vote-open', status: 'open', voterCount: 4, closedAt: null, tallies: null });
    const closedProposal = board.proposals.find((p) => p.id === 'proposal-email')!;
    board.proposals.push({
      ...closedProposal,
      id: 'proposal-open',
      themeId: null,
      statement: 'We keep Fridays free of meetings.',
      status: 'open',
      respondentCount: 3,
      closedAt: null,
      outcome: null,
    });
    const created = (await (await importBoard(JSON.stringify(data))).json()) as CreatedBoard;
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    const imported = facilitator.board();
    expect(imported.prompts.get(revealed.id)).toMatchObject({ pendingCount: 0, contributorCount: revealed.contributorCount });
    expect(imported.prompts.get(unrevealed.id)).toMatchObject({ pendingCount: 0, contributorCount: 0 });
    expect(imported.voteRounds.get('vote-open')).toMatchObject({ status: 'open', voterCount: 0 });
    expect(imported.voteRounds.get(closedRound.id)).toEqual(closedRound);
    expect(imported.proposals.get('proposal-open')).toMatchObject({ status: 'open', respondentCount: 0 });
    expect(imported.proposals.get('proposal-email')).toEqual(closedProposal);

    // The group carries on from there: the first response is counted as the first.
    const participant = t.connect(created.boardId, { joinToken: await fetchJoinToken(t.server, created.joinCode) });
    await waitSynced(participant);
    expect((await participant.send({ type: 'respond', proposalId: 'proposal-open', response: 'agree', reason: null })).ok).toBe(
      true,
    );
    await expect.poll(() => facilitator.board().proposals.get('proposal-open')?.respondentCount).toBe(1);
  });

  it.each<[string, string, RegExp]>([
    ['a body that is not JSON', '{"format": ', /must be JSON/],
    [
      'an empty object',
      '{}',
      /^This file can’t be imported\. It is not an Accord board export\. .* Where in the file: export\.format\.$/,
    ],
    [
      'an export of an older schema',
      JSON.stringify({ ...golden(), schemaVersion: 3 }),
      /It was exported by a different version of Accord\. Export the board again from this Accord/,
    ],
    ['another board format', JSON.stringify({ ...golden(), format: 'trello' }), /It is not an Accord board export\./],
    // Issue #12: not "export.hello is not an allowed field".
    [
      'a field no export has',
      JSON.stringify({ ...golden(), hello: 'world' }),
      /^This file can’t be imported\. There is a field “hello” in the file that an Accord board export never has\. Import the \.json file exactly as Accord exported it\. Where in the file: export\.hello\.$/,
    ],
    [
      'a note with a field no export has',
      withFirstNote({ colour: 'red' }),
      /^This file can’t be imported\. There is a field “colour” in note 1 that an Accord board export never has\./,
    ],
    [
      'a note without its text',
      withFirstNote({ text: undefined }),
      /^This file can’t be imported\. “text” is missing from note 1, and every Accord board export has it\./,
    ],
  ])('refuses %s with 400 and a reason, creating nothing', async (_label, body, message) => {
    const response = await importBoard(body);
    expect(response.status).toBe(400);
    const refusal = (await response.json()) as { error: string; message: string };
    expect(refusal.error).toBe('invalid_request');
    expect(refusal.message).toMatch(message);
  });

  type Row = Record<string, unknown>;
  const byId = (id: string) => (r: Row) => r.id === id;
  const byText = (text: string) => (r: Row) => r.text === text;
  /**
   * One record of the golden export made to point at something the export does not hold: which
   * list, which record, which field and its new value, then what the refusal must name.
   */
  it.each<[string, string, (r: Row) => boolean, string, unknown, string]>([
    ['a note of a prompt that is not there', 'notes', byText('Anxiety'), 'promptId', 'ghost', 'prompt'],
    ['a note in a theme that is not there', 'notes', byText('Anxiety'), 'themeId', 'ghost', 'theme'],
    ['a note in a theme of another prompt', 'notes', byText('Whenever'), 'themeId', 'theme-wellbeing', 'theme of another prompt'],
    ['a theme of a prompt that is not there', 'themes', byId('theme-late'), 'promptId', 'ghost', 'prompt'],
    ['a proposal of a prompt that is not there', 'proposals', byId('proposal-email'), 'promptId', 'ghost', 'prompt'],
    ['a proposal on a theme that is not there', 'proposals', byId('proposal-email'), 'themeId', 'ghost', 'theme'],
    [
      'a revision of a round that is not there',
      'proposals',
      byId('proposal-meetings-2'),
      'previousProposalId',
      'ghost',
      'proposal',
    ],
    [
      'an amendment of an agreement that is not there',
      'proposals',
      byId('proposal-offline-2'),
      'targetAgreementId',
      'ghost',
      'agreement',
    ],
    ['an agreement of a prompt that is not there', 'agreements', byId('proposal-email-agreed'), 'promptId', 'ghost', 'prompt'],
    ['an agreement on a theme that is not there', 'agreements', byId('proposal-email-agreed'), 'themeId', 'ghost', 'theme'],
    [
      'an agreement decided by a round that is not there',
      'agreements',
      byId('proposal-email-agreed'),
      'proposalId',
      'ghost',
      'proposal',
    ],
    [
      'a run-off vote on an item that is not there',
      'voteRounds',
      byId('vote-1'),
      'itemIds',
      ['theme-late', 'ghost'],
      'note or theme',
    ],
    ['a focus on a prompt that is not there', 'meta', () => true, 'focusPromptId', 'ghost', 'prompt'],
    ['two notes with one id', 'notes', byText('Anxiety'), 'id', 'note1', 'note'],
  ])(
    'refuses an export with %s: 400 naming the field in a sentence, creating nothing',
    async (_label, kind, which, field, value, what) => {
      const data = golden() as { board: Record<string, Row[] | Row> };
      const list = data.board[kind]!;
      let path = `export.board.${kind}.${field}`;
      if (Array.isArray(list)) {
        const index = list.findIndex(which);
        expect(index).toBeGreaterThanOrEqual(0);
        list[index]![field] = value;
        path = `export.board.${kind}[${index}].${field}${Array.isArray(value) ? '[1]' : ''}`;
      } else list[field] = value;
      const stored = vi.spyOn(t.server.store, 'createBoard');
      const response = await importBoard(JSON.stringify(data));
      expect(response.status).toBe(400);
      const refusal = (await response.json()) as { error: string; message: string };
      expect(refusal.error).toBe('invalid_request');
      expect(refusal.message.startsWith('This file can’t be imported. ')).toBe(true);
      expect(refusal.message.endsWith(` Where in the file: ${path}.`)).toBe(true);
      expect(refusal.message).toContain(what);
      expect(refusal.message).not.toContain('"');
      expect(refusal.message).toMatch(/\.$/);
      expect(stored).not.toHaveBeenCalled();
      stored.mockRestore();
    },
  );

  it.each([
    ['/api/boards/import', MAX_IMPORT_BYTES, `at most ${MAX_IMPORT_BYTES / 1024} KiB`],
    ['/api/boards', 16 * 1024, 'at most 16 KiB'],
  ])('%s answers a body over its limit with 400 and the limit (not a dropped connection)', async (route, limit, message) => {
    const body = JSON.stringify({ ...golden(), padding: 'x'.repeat(limit) });
    const response = await fetch(`${t.server.url}${route}`, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  });
});

describe('export downloads', () => {
  it('names the file after the title and version, as an attachment, never cached', async () => {
    const created = await createBoard(t.server, { templateId: 'coalition-building', title: 'Our Coalition: 2024!' });
    const expected = {
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
    };
    for (const [kind, type] of Object.entries(expected)) {
      const response = await download(created.boardId, `export.${kind}`, created.facilitatorKey);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="our-coalition-2024-v1.${kind}"`);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const markdown = await (await download(created.boardId, 'export.md', created.readerKey)).text();
    expect(markdown).toMatch(/^# Our Coalition: 2024!\n/);
    expect(markdown).toContain('Version 1, in progress.');
  });

  it('serves the check-in as a calendar file once a date is set, 404 before', async () => {
    const created = await createBoard(t.server, { title: 'Team Pluto' });
    expect((await download(created.boardId, 'checkin.ics', created.facilitatorKey)).status).toBe(404);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    expect((await facilitator.send({ type: 'setCheckIn', date: '2027-03-31' })).ok).toBe(true);
    const response = await download(created.boardId, 'checkin.ics', created.readerKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="team-pluto-v1.ics"');
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401\r\n');
    // A reader's invitation links to the read-only page, without its key (the key is not the
    // calendar's to share) and without the join code (reading must not lead to taking part).
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`\\nhttp://127.0.0.1:${t.server.port}/r/${created.boardId}\r\n`);
    expect(unfolded).not.toContain(created.readerKey);
    expect(unfolded).not.toContain(`/j/`);
    // The facilitator's invitation is for the people who take part: it carries the join link.
    const forFacilitator = (await (await download(created.boardId, 'checkin.ics', created.facilitatorKey)).text()).replace(
      /\r\n /g,
      '',
    );
    expect(forFacilitator).toContain(`\\nhttp://127.0.0.1:${t.server.port}/j/${created.joinCode}\r\n`);
    expect(forFacilitator).not.toContain(created.facilitatorKey);
  });

  it('checks the key against the board’s row before it reads the board: a refused download loads nothing', async () => {
    const created = await createBoard(t.server, { title: 'Team Pluto' });
    const loads = vi.spyOn(t.server.store, 'loadBoard');
    for (const file of ['export.md', 'export.csv', 'export.json', 'checkin.ics']) {
      expect((await download(created.boardId, file, 'x'.repeat(32))).status).toBe(401);
      expect((await fetch(`${t.server.url}/api/boards/${created.boardId}/${file}`)).status).toBe(401);
    }
    // Refused downloads read the board's row only: its document and history stay on disk.
    expect(loads).not.toHaveBeenCalled();
    expect((await download(created.boardId, 'export.md', created.readerKey)).status).toBe(200);
    expect(loads).toHaveBeenCalledTimes(1);
    loads.mockRestore();
  });

  it('answers 404 for a board that does not exist, before any key is checked', async () => {
    const response = await download('nope-nope-nope', 'export.md', 'x'.repeat(32));
    expect(response.status).toBe(404);
  });
});

/** The golden board's export as data. */
function golden(): Record<string, unknown> {
  return JSON.parse(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT));
}

/** The golden export as JSON with its first note's fields patched (undefined drops a field). */
function withFirstNote(patch: Record<string, unknown>): string {
  const data = golden() as { board: { notes: Record<string, unknown>[] } };
  data.board.notes[0] = { ...data.board.notes[0], ...patch };
  return JSON.stringify(data);
}
