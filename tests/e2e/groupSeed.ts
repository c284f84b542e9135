import WebSocket from 'ws';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { sortedPrompts } from '../../shared/domain/state';
import { randomId, randomToken } from '../../shared/random';
import type { NoteTag } from '../../shared/records/Note';

/** A note as a participant writes it: its words and optional tag. */
export type SeedNote = readonly [text: string, tag: NoteTag | null];

/**
 * Sixty answers over the seven questions of the working agreement questionnaire, in the spirit of
 * the seed's example: what a real team writes, with needs and nice-to-haves.
 */
export const SIXTY_NOTES: readonly (readonly SeedNote[])[] = [
  [
    ['Childcare pickups at 3', 'need'],
    ['Too many meetings in a row', null],
    ['Unclear priorities each week', null],
    ['Slow laptop and VPN drops', 'nice'],
    ['Caring for a parent', 'need'],
    ['Notifications all day long', null],
    ['Waiting for decisions from above', null],
    ['Noise in the open office', 'nice'],
    ['Mental exhaustion after launches', null],
    ['School run in the morning', 'need'],
  ],
  [
    ['Between 11 and 1', null],
    ['Late mornings, from 11', 'nice'],
    ['Not before 10: school run', 'need'],
    ['Afternoons after 2 are fine', null],
    ['Never on Fridays after 3', 'need'],
    ['Tuesdays and Thursdays', 'nice'],
    ['Short stand-ups only', null],
    ['Not over lunch', null],
    ['Mornings are my focus time', null],
  ],
  [
    ['Text me only for emergencies', 'need'],
    ['Email is fine, I reply next day', null],
    ['Never on weekends', 'need'],
    ['Until 7 pm on weekdays', 'nice'],
    ['Phone call if production is down', null],
    ['No chat messages after 6', null],
    ['I am in another time zone', null],
    ['Weekend on-call only by rota', 'need'],
  ],
  [
    ['I help take care of a family member', null],
    ['I have a compromised immune system', 'need'],
    ['English is my second language', null],
    ['I process things by writing', null],
    ['I am new to this kind of work', null],
    ['Long calls tire me', null],
    ['I fast during Ramadan', 'nice'],
    ['I work better with written agendas', null],
    ['I am part-time on Wednesdays', null],
  ],
  [
    ['Sending agendas a day ahead', null],
    ['Giving feedback in private', 'need'],
    ['Asking before adding me to projects', null],
    ['Writing decisions down', 'nice'],
    ['Checking in when I go quiet', null],
    ['Pairing on hard problems', null],
    ['Respecting my focus blocks', 'need'],
    ['Celebrating small wins', null],
  ],
  [
    ['I stop replying to chat', null],
    ['I work late and send emails at night', null],
    ['I miss small details', null],
    ['I cancel one-to-ones', null],
    ['I get short with people', null],
    ['I skip lunch', null],
    ['I say yes to everything', null],
    ['I go quiet in meetings', null],
  ],
  [
    ['Reply within one working day', 'need'],
    ['Keep my calendar up to date', null],
    ['Say early when I am stuck', 'need'],
    ['Share notes after meetings', 'nice'],
    ['Protect Friday afternoons for everyone', null],
    ['Review pull requests the same day', null],
    ['Ask before booking over lunch', null],
    ['Come prepared to meetings', null],
  ],
];

export interface SeededBoard {
  readonly boardId: string;
  readonly joinCode: string;
  readonly facilitatorUrl: string;
  readonly promptTexts: readonly string[];
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Creates a board through the API and has `authors` participants write `notes[i]` for prompt i
 * (over the real protocol, like phones would), then reveals everything and opens the group phase.
 * The writers leave afterwards; the browsers of the test are the people in the room.
 */
export async function seedGroupBoard(
  baseUrl: string,
  notes: readonly (readonly SeedNote[])[] = SIXTY_NOTES,
  authors = 6,
): Promise<SeededBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, { method: 'POST', body: '{}' });
  const created = (await res.json()) as { boardId: string; joinCode: string; facilitatorUrl: string };
  // The writers join with the code, as phones do.
  const { joinToken } = (await (await fetch(`${baseUrl}/api/join/${created.joinCode}`)).json()) as { joinToken: string };
  const connect = (facilitatorKey?: string) =>
    new BoardConnection({
      serverUrl: `${baseUrl.replace('http', 'ws')}/ws`,
      boardId: created.boardId,
      participantSecret: randomToken(16),
      ...(facilitatorKey ? { facilitatorKey } : { joinToken }),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
  const key = new URL(created.facilitatorUrl).hash.replace('#key=', '');
  const facilitator = connect(key);
  const writers = Array.from({ length: authors }, () => connect());
  const everyone = [facilitator, ...writers];
  try {
    await waitFor(() => everyone.every((c) => c.isSynced && c.status === 'online'), 'seed connections');
    const send = async (connection: BoardConnection, command: Command) => {
      const result = await connection.send(command);
      if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
    };
    const prompts = sortedPrompts(readBoard(facilitator.doc)!);
    await send(facilitator, { type: 'setPhase', phase: 'reflect' });
    let n = 0;
    const posts: Promise<void>[] = [];
    notes.forEach((list, i) => {
      const prompt = prompts[i];
      if (!prompt) return;
      for (const [text, tag] of list) {
        const writer = writers[n++ % writers.length] as BoardConnection;
        posts.push(send(writer, { type: 'postDraft', draftId: randomId(), promptId: prompt.id, text, tag }));
      }
    });
    await Promise.all(posts);
    await send(facilitator, { type: 'setPhase', phase: 'share' });
    // Some prompts have notes from only a few of the writers: the seed reveals them knowingly.
    await send(facilitator, { type: 'reveal', promptId: null, confirmSmallCount: true });
    await send(facilitator, { type: 'setPhase', phase: 'group' });
    return {
      boardId: created.boardId,
      joinCode: created.joinCode,
      facilitatorUrl: created.facilitatorUrl,
      promptTexts: prompts.map((p) => p.text),
    };
  } finally {
    for (const connection of everyone) connection.destroy();
  }
}

/**
 * Sends `commands` as the board's facilitator over the real protocol (a node client with the
 * facilitator key), failing on the first refusal: for moving a seeded board on without clicking.
 */
export async function asFacilitator(baseUrl: string, seeded: SeededBoard, commands: readonly Command[]): Promise<void> {
  const connection = facilitatorConnection(baseUrl, seeded);
  try {
    await waitFor(() => connection.isSynced && connection.status === 'online', 'the facilitator connection');
    for (const command of commands) {
      const result = await connection.send(command);
      if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
    }
  } finally {
    connection.destroy();
  }
}

/** A Node connection to a seeded board with its facilitator key (from the facilitator link). */
export function facilitatorConnection(baseUrl: string, seeded: SeededBoard): BoardConnection {
  return new BoardConnection({
    serverUrl: `${baseUrl.replace('http', 'ws')}/ws`,
    boardId: seeded.boardId,
    participantSecret: randomToken(16),
    facilitatorKey: new URL(seeded.facilitatorUrl).hash.replace('#key=', ''),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}
