import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_PENDING_IMPORTS } from '../../server/http/apiLimits';
import { ImportRunner } from '../../server/http/importRunner';
import { readBoard } from '../../shared/boardDoc';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { GOLDEN_EXPORTED_AT, goldenBoard } from '../shared/goldenBoard';

const golden = () => new TextEncoder().encode(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT));
let runner: ImportRunner;
afterEach(async () => {
  await runner.close();
});

describe('ImportRunner: imports are built in a worker thread', () => {
  it('builds the document of an export, with the new id, and leaves the event loop free meanwhile', async () => {
    runner = new ImportRunner();
    let hasTicked = false;
    setImmediate(() => {
      hasTicked = true;
    });
    const built = await runner.build(golden(), 'new-board', 1_700_000_000_000);
    // Built on this thread, the result would be there before the event loop ran anything else.
    expect(hasTicked).toBe(true);
    if (typeof built === 'string' || !('update' in built)) throw new Error(`not built: ${JSON.stringify(built)}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, built.update);
    const board = readBoard(doc);
    expect(board?.meta).toMatchObject({ id: 'new-board', createdAt: 1_700_000_000_000 });
    expect(built.notes).toBe(goldenBoard().state.board.notes.size);
  });

  it('refuses what is not JSON or not an export with a sentence naming the problem', async () => {
    runner = new ImportRunner();
    expect(await runner.build(new TextEncoder().encode('{"format": '), 'b', 0)).toEqual({
      refusal: {
        error: 'invalid_request',
        reason: 'bodyNotJson',
        values: { kib: 2048 },
        message: expect.stringMatching(/must be JSON/),
      },
    });
    expect(await runner.build(new TextEncoder().encode('{}'), 'b', 0)).toEqual({
      refusal: {
        error: 'invalid_request',
        reason: 'importNotAccord',
        values: { path: 'export.format' },
        message: expect.stringMatching(/not an Accord board export.*Where in the file: export\.format\./),
      },
    });
  });

  it(`takes ${MAX_PENDING_IMPORTS} imports at a time and answers busy to one more at once; after close, busy`, async () => {
    runner = new ImportRunner();
    const accepted = Array.from({ length: MAX_PENDING_IMPORTS }, () => runner.build(golden(), 'b', 0));
    expect(runner.isBusy).toBe(true);
    expect(await runner.build(golden(), 'b', 0)).toBe('busy');
    for (const outcome of await Promise.all(accepted)) expect(outcome).toHaveProperty('update');
    expect(runner.isBusy).toBe(false);
    const pending = runner.build(golden(), 'b', 0);
    await runner.close();
    expect(await pending).toBe('busy');
    expect(await runner.build(golden(), 'b', 0)).toBe('busy');
  });
});
