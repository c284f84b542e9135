import { describe, expect, it, vi } from 'vitest';
import { exportBoardCsv } from '../../shared/exports/csvExport';
import { exportBoardMarkdown } from '../../shared/exports/markdownExport';
import { randomToken } from '../../shared/random';
import { seedBoard, useTestServer, waitSynced } from './helpers';

const t = useTestServer();

function download(boardId: string, file: string, secret: string): Promise<Response> {
  return fetch(`${t.server.url}/api/boards/${boardId}/${file}`, { headers: { authorization: `Bearer ${secret}` } });
}

/** A board in the agreement phase, its facilitator, and one participant with a seat. */
async function agreementBoard() {
  const seeded = await seedBoard(t.server, { phase: 'agreement', notesPerPrompt: 2 });
  const facilitator = t.connect(seeded.boardId, { facilitatorKey: seeded.facilitatorKey });
  const participant = t.connect(seeded.boardId);
  await waitSynced(facilitator, participant);
  return { ...seeded, facilitator, secret: participant.secret as string };
}

describe('a participant downloads the agreement from their own board', () => {
  it('is refused before the workshop is closed, and gets the Markdown and CSV once it is', async () => {
    const { boardId, facilitator, secret } = await agreementBoard();
    const early = await download(boardId, 'export.md', secret);
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({
      error: 'not_closed',
      message: 'The agreement can be downloaded once the facilitator closes the workshop.',
    });

    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    const board = facilitator.board();
    const md = await download(boardId, 'export.md', secret);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-v1\.md"$/);
    expect(await md.text()).toBe(exportBoardMarkdown(board));
    const csv = await download(boardId, 'export.csv', secret);
    expect(Buffer.from(await csv.arrayBuffer())).toEqual(Buffer.from(exportBoardCsv(board), 'utf8'));

    // Reopened for version 2: not closed any more, so no download until it closes again.
    expect((await facilitator.send({ type: 'reopenWorkshop' })).ok).toBe(true);
    expect((await download(boardId, 'export.md', secret)).status).toBe(403);
  });

  it('never gets the importable JSON or the calendar file, closed or not', async () => {
    const { boardId, facilitator, secret } = await agreementBoard();
    expect((await facilitator.send({ type: 'setCheckIn', date: '2030-01-15' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    for (const file of ['export.json', 'checkin.ics']) {
      const response = await download(boardId, file, secret);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe('forbidden');
    }
  });

  it('refuses a secret that is no seat of this board without reading the board', async () => {
    const { boardId, facilitator } = await agreementBoard();
    const other = await agreementBoard();
    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    const loads = vi.spyOn(t.server.store, 'loadBoard');
    // A secret nobody registered, and another board's participant.
    for (const secret of [randomToken(16), other.secret]) {
      expect((await download(boardId, 'export.md', secret)).status).toBe(401);
    }
    expect(loads).not.toHaveBeenCalled();
    loads.mockRestore();
  });
});
