import type { BoardConnection } from '../../client/src/sync/BoardConnection';
import { randomId } from '../../shared/random';
import { openSeedClients, type SeedClients } from './seedClients';

export const MEETINGS = 'The times that work best for me to meet are…';
export const BARRIERS = 'Right now, what stops me from working at my best is…';
export const THEME = 'Meet between 11 and 1';

export interface SeededBoard {
  readonly boardId: string;
  readonly facilitatorUrl: string;
  readonly joinCode: string;
  /** The node clients that seeded it: closed, unless the board was seeded with `stay`. */
  readonly seed: SeedClients;
}

/**
 * Brings a new board to the vote phase (or to decide, after one closed vote) with raw commands
 * from node clients, the way any client would: notes from two authors, revealed, grouped into
 * themes. The authors leave before the browsers arrive, so that only the browsers are "here";
 * with `stay`, three authors stay to answer rounds by command.
 */
export async function seedBoard(
  baseUrl: string,
  phase: 'vote' | 'decide',
  options: { readonly stay?: boolean } = {},
): Promise<SeededBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, { method: 'POST', body: '{}' });
  const created = (await response.json()) as {
    boardId: string;
    facilitatorKey: string;
    facilitatorUrl: string;
    joinCode: string;
  };
  const seed = await openSeedClients(baseUrl, created, options.stay ? 3 : 2);
  const { facilitator, send, board, promptId } = seed;
  const authors = seed.authors as readonly [BoardConnection, BoardConnection];
  const noteId = (text: string) => [...board().notes.values()].find((n) => n.text === text)?.id ?? '';

  await send(facilitator, { type: 'setPhase', phase: 'reflect' });
  const notes: [string, string, 0 | 1][] = [
    [MEETINGS, 'Between 11 and 1', 0],
    [MEETINGS, 'Late mornings, from 11', 1],
    [MEETINGS, 'Not before 10: school run', 0],
    [MEETINGS, 'Afternoons after 2 are fine', 1],
    [BARRIERS, 'Childcare', 0],
    [BARRIERS, 'Mental exhaustion', 1],
    ['I would like the team to keep in mind that…', 'I help take care of a family member', 0],
  ];
  for (const [prompt, text, author] of notes) {
    await send(authors[author], { type: 'postDraft', draftId: randomId(), promptId: promptId(prompt), text, tag: null });
  }
  await send(facilitator, { type: 'setPhase', phase: 'share' });
  // Two writers: each would know the other's notes, so the seed reveals knowingly.
  await send(facilitator, { type: 'reveal', promptId: null, confirmSmallCount: true });
  await send(facilitator, { type: 'setPhase', phase: 'group' });
  const theme = (name: string, texts: string[]) =>
    send(facilitator, {
      type: 'createTheme',
      themeId: randomId(),
      promptId: promptId(MEETINGS),
      name,
      noteIds: texts.map(noteId),
      beforeThemeId: null,
    });
  await theme(THEME, ['Between 11 and 1', 'Late mornings, from 11']);
  await theme('No early mornings', ['Not before 10: school run']);
  await send(facilitator, { type: 'setPhase', phase: 'vote' });
  if (phase === 'decide') {
    const roundId = randomId();
    await send(facilitator, {
      type: 'openVoteRound',
      roundId,
      label: 'Round 1',
      dotsPerPerson: 5,
      maxPerItem: 3,
      facilitatorVotes: false,
      itemIds: null,
    });
    const themeId = [...board().themes.values()].find((t) => t.name === THEME)?.id ?? '';
    for (const author of authors) await send(author, { type: 'placeDot', roundId, itemId: themeId });
    await send(facilitator, { type: 'closeVoteRound', roundId, confirmSmallCount: true });
    await send(facilitator, { type: 'setPhase', phase: 'decide' });
  }
  if (!options.stay) seed.close();
  return { boardId: created.boardId, facilitatorUrl: created.facilitatorUrl, joinCode: created.joinCode, seed };
}
