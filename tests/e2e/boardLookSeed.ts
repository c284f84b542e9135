import { readBoard } from '../../shared/boardDoc';
import { sortedPrompts } from '../../shared/domain/state';
import { compareByOrder } from '../../shared/fractionalIndex';
import { randomId } from '../../shared/random';
import { facilitatorConnection, type SeededBoard, type SeedNote, SIXTY_NOTES, seedGroupBoard } from './groupSeed';

/** Notes per question for each seeded question: small boards fill fewer questions. */
const NOTES_PER_PROMPT_MIN = 10;
/** The largest seeded theme; a theme takes a quarter of its question's notes, at least two. */
const MAX_NOTES_PER_THEME = 5;
/** At most this many themes per question: the palette's eight, and two that reuse a colour. */
const MAX_THEMES_PER_PROMPT = 10;
const THEME_NAMES = ['Time', 'Care', 'Focus', 'Tools', 'Talking', 'Calendar', 'Boundaries', 'Growth', 'Rest', 'Trust'];
const ENDINGS = [
  '',
  ', most weeks',
  ' when the team is under pressure before a release',
  ', and I would like us to talk about it openly',
  ' (this matters more to me than it may seem)',
];

/** `total` notes over the seven questions, from the sixty real ones with varied lengths. */
export function lookNotes(total: number): SeedNote[][] {
  const promptCount = Math.min(SIXTY_NOTES.length, Math.ceil(total / NOTES_PER_PROMPT_MIN));
  const perPrompt = SIXTY_NOTES.map((): SeedNote[] => []);
  for (let i = 0; i < total; i += 1) {
    const prompt = i % promptCount;
    const list = SIXTY_NOTES[prompt] as readonly SeedNote[];
    const round = perPrompt[prompt] as SeedNote[];
    const [text, tag] = list[round.length % list.length] as SeedNote;
    round.push([`${text}${ENDINGS[Math.floor(round.length / list.length) % ENDINGS.length]}`, tag]);
  }
  return perPrompt;
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A group board of `total` notes, most of them gathered in themes by the facilitator over the real protocol. */
export async function seedThemedBoard(baseUrl: string, total: number): Promise<SeededBoard> {
  const notes = lookNotes(total);
  const writers = Math.max(6, Math.ceil(Math.max(...notes.map((n) => n.length)) / 15));
  const seeded = await seedGroupBoard(baseUrl, notes, writers);
  const facilitator = facilitatorConnection(baseUrl, seeded);
  try {
    await until(() => facilitator.isSynced && facilitator.status === 'online', 'the facilitator connection');
    const board = readBoard(facilitator.doc);
    if (!board) throw new Error('no board');
    for (const prompt of sortedPrompts(board)) {
      const ids = [...board.notes.values()]
        .filter((n) => n.promptId === prompt.id)
        .sort(compareByOrder)
        .map((n) => n.id);
      const size = Math.max(2, Math.min(MAX_NOTES_PER_THEME, Math.floor(ids.length / 4)));
      const themeCount = Math.min(MAX_THEMES_PER_PROMPT, Math.floor((ids.length - 1) / size));
      for (let t = 0; t < themeCount; t += 1) {
        const result = await facilitator.send({
          type: 'createTheme',
          themeId: randomId(),
          promptId: prompt.id,
          name: THEME_NAMES[t] as string,
          noteIds: ids.slice(t * size, (t + 1) * size),
          beforeThemeId: null,
        });
        if (!result.ok) throw new Error(`createTheme: ${result.message}`);
      }
    }
    return seeded;
  } finally {
    facilitator.destroy();
  }
}
