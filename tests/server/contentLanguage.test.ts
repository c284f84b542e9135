import { describe, expect, it, vi } from 'vitest';
import { sortedPrompts } from '../../shared/domain/state';
import { CONTENT } from '../../shared/i18n/content';
import { createBoard, useTestServer, waitSynced } from './helpers';

const t = useTestServer();

function download(boardId: string, file: string, key: string): Promise<Response> {
  return fetch(`${t.server.url}/api/boards/${boardId}/${file}`, { headers: { authorization: `Bearer ${key}` } });
}

describe('POST /api/boards with a language', () => {
  it('writes a Spanish board’s title, purpose and prompts in Spanish and records the language', async () => {
    const created = await createBoard(t.server, { templateId: 'coalition-building', language: 'es' });
    const client = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(client);
    const board = client.board();
    const spanish = CONTENT.es.templates['coalition-building'];
    expect(board.meta).toMatchObject({ contentLanguage: 'es', title: spanish.title, purpose: spanish.purpose });
    expect(sortedPrompts(board).map((p) => p.text)).toEqual(spanish.prompts);
    expect(sortedPrompts(board)[0]?.text).toBe('¿Quién falta en esta coalición y cómo lo sumamos con poder real?');
  });

  it('records English when no language is given, with the template’s English words', async () => {
    const created = await createBoard(t.server, {});
    const client = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(client);
    expect(client.board().meta).toMatchObject({ contentLanguage: 'en', title: 'Our working agreement' });
  });

  it.each([['pt-br'], ['it'], [''], [7], [['es']]])('refuses language %j with 400 and creates nothing', async (language) => {
    const stored = vi.spyOn(t.server.store, 'createBoard');
    const response = await fetch(`${t.server.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ templateId: 'partnering', language }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      message: 'language must be one of en, es, fr, de, pt-BR, ar',
    });
    expect(stored).not.toHaveBeenCalled();
  });
});

describe('exports in a language', () => {
  it('follows the board’s language, and ?lang= overrides it for Markdown, CSV and the calendar file', async () => {
    const created = await createBoard(t.server, { language: 'de', title: 'Team Pluto' });
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    expect((await facilitator.send({ type: 'setCheckIn', date: '2027-03-31' })).ok).toBe(true);

    const german = await (await download(created.boardId, 'export.md', created.facilitatorKey)).text();
    expect(german).toContain(
      'Version 1, in Arbeit. Wir überprüfen unsere Vereinbarung am 31. März 2027. (Datumsangaben in UTC.)',
    );
    expect(german).toContain('\n| Frage | Was wir gehört haben | Was wir vereinbart haben |\n');
    expect(german).toContain(`| ${CONTENT.de.templates['working-agreement'].prompts[0]} | — | — |`);

    const english = await (await download(created.boardId, 'export.md?lang=en', created.readerKey)).text();
    expect(english).toContain('Version 1, in progress. We check in on 2027-03-31. (Dates in UTC.)');
    // Only the export's own words change: the prompts were written in German when the board was made.
    expect(english).toContain(`| ${CONTENT.de.templates['working-agreement'].prompts[0]} | — | — |`);

    const csv = await (await download(created.boardId, 'export.csv?lang=fr', created.facilitatorKey)).text();
    expect(csv.split('\r\n')[0]).toBe('ligne,question,type,thème,texte,étiquette,votes_note,votes_thème,décision');

    const ics = (await (await download(created.boardId, 'checkin.ics?lang=ar', created.facilitatorKey)).text()).replace(
      /\r\n /g,
      '',
    );
    expect(ics).toContain('\r\nSUMMARY;LANGUAGE=ar:مراجعة اتفاقنا: Team Pluto\r\n');
    const germanIcs = (await (await download(created.boardId, 'checkin.ics', created.facilitatorKey)).text()).replace(
      /\r\n /g,
      '',
    );
    expect(germanIcs).toContain('\r\nSUMMARY;LANGUAGE=de:Überprüfung unserer Vereinbarung: Team Pluto\r\n');
  });

  it('refuses an unknown or repeated lang with 400, before reading the board', async () => {
    const created = await createBoard(t.server, { title: 'Team Pluto' });
    const loads = vi.spyOn(t.server.store, 'loadBoard');
    for (const query of ['lang=xx', 'lang=', 'lang=DE', 'lang=de&lang=fr']) {
      const response = await download(created.boardId, `export.md?${query}`, created.facilitatorKey);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe('lang must be one of en, es, fr, de, pt-BR, ar.');
    }
    expect(loads).not.toHaveBeenCalled();
  });
});
