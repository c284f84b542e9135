import type { Command } from '../../shared/commands';
import { createBoard } from '../../shared/domain/createBoard';
import type { Actor } from '../../shared/domain/state';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { ALICE, BOB, CAROL, contextAt, FACILITATOR, idSequence, runRound, Session, testContext } from './helpers';

const DAN: Actor = { role: 'participant', participantId: 'dan' };
const PEOPLE = [ALICE, BOB, CAROL, DAN];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Monday 4 March 2024, 09:00 UTC: the board is created and the questions go out in advance. */
export const GOLDEN_CREATED_AT = Date.UTC(2024, 2, 4, 9);
/** Monday 11 March 2024, 10:00 UTC: the meeting. */
const MEETING = Date.UTC(2024, 2, 11, 10);
/** Wednesday 12 June 2024, 10:00 UTC: the check-in, and the revisit. */
const REVISIT = Date.UTC(2024, 5, 12, 10);
/** When the export is taken. */
export const GOLDEN_EXPORTED_AT = new Date(Date.UTC(2024, 5, 12, 16, 30));

/**
 * The answers of seed 000's example, per prompt (1–7 of the working agreement questionnaire),
 * with a few written to test escaping: a pipe, quotes and commas, and cells a spreadsheet would
 * run as formulas.
 */
const ANSWERS: readonly (readonly [text: string, tag: 'need' | 'nice' | null])[][] = [
  [
    ['Childcare | school runs', 'need'],
    ['Mental exhaustion', null],
    ['Anxiety', null],
  ],
  [
    ['Between 9 and 1', null],
    ['Late mornings', 'nice'],
    ['Whenever', null],
    ['=HYPERLINK("http://example.com","free slots")', null],
  ],
  [
    ['No Slack or email on weekends', 'need'],
    ['Only urgent messages after 6pm', null],
    ['I don\'t mind getting them, but won\'t "respond"', null],
    ['@here pings only for emergencies', null],
  ],
  [
    ['I am helping take care of a family member', null],
    ['I have a compromised immune system', 'need'],
  ],
  [
    ['Understanding that I will not always be able to be on', null],
    ['Giving me space when I need it', null],
  ],
  [
    ['When I start to get short', null],
    ['If I am struggling to focus', null],
    ['When I put on my Slack away message…\nthat means I need time for heads-down work', null],
  ],
  [
    ['Being present and focused during meetings', null],
    ['Being kind to my coworkers', null],
    ['Answering emails within 48 hours', 'need'],
    ['-1 meetings per week for everyone', null],
  ],
];

/**
 * One fixed board, built command by command with fixed ids, times and seeded randomness, so that
 * its exports can be compared byte for byte with the files in tests/golden. It covers themes and
 * ungrouped notes, needs, awareness prompts, a closed vote, a failed round and its revision,
 * SMARTIE fields, a check-in date, a closed version 1 and, in version 2, an amended (replaced)
 * and a retired item. Prompts are prompt1…prompt7, in the template's order.
 */
export function goldenBoard(): Session {
  const session = new Session(
    createBoard({
      boardId: 'golden-board',
      template: WORKING_AGREEMENT_QUESTIONNAIRE,
      title: 'Team Pluto working agreement',
      now: GOLDEN_CREATED_AT,
      newId: idSequence('prompt'),
    }),
  );
  const run = (actor: Actor, command: Command, at = MEETING) => session.run(actor, command, contextAt(at));
  const noteId = (text: string) => {
    const note = [...session.state.board.notes.values()].find((n) => n.text === text);
    if (!note) throw new Error(`no note "${text}"`);
    return note.id;
  };

  run(FACILITATOR, { type: 'setPhase', phase: 'reflect' });
  ANSWERS.forEach((answers, p) => {
    answers.forEach(([text, tag], i) => {
      const author = PEOPLE[i % PEOPLE.length] as Actor;
      run(author, { type: 'postDraft', draftId: `d${p + 1}-${i + 1}`, promptId: `prompt${p + 1}`, text, tag });
    });
  });
  run(FACILITATOR, { type: 'setPhase', phase: 'share' });
  // Four people: some prompts have answers from only two, which the facilitator reveals knowingly.
  session.run(FACILITATOR, { type: 'reveal', promptId: null, confirmSmallCount: true }, testContext(2024, 'note'));
  run(FACILITATOR, { type: 'setPhase', phase: 'group' });
  const themes: [themeId: string, promptId: string, name: string, notes: string[]][] = [
    ['theme-wellbeing', 'prompt1', 'Wellbeing', ['Mental exhaustion', 'Anxiety']],
    ['theme-late', 'prompt2', 'Late morning', ['Between 9 and 1', 'Late mornings']],
    ['theme-offline', 'prompt3', 'Offline time', ['No Slack or email on weekends', 'Only urgent messages after 6pm']],
    [
      'theme-care',
      'prompt4',
      'Caring and health',
      ['I am helping take care of a family member', 'I have a compromised immune system'],
    ],
    ['theme-presence', 'prompt7', 'Presence', ['Being present and focused during meetings', 'Being kind to my coworkers']],
    ['theme-email', 'prompt7', 'Email', ['Answering emails within 48 hours']],
  ];
  for (const [themeId, promptId, name, notes] of themes) {
    run(FACILITATOR, { type: 'createTheme', themeId, promptId, name, noteIds: notes.map(noteId), beforeThemeId: null });
  }

  run(FACILITATOR, { type: 'setPhase', phase: 'vote' });
  run(FACILITATOR, {
    type: 'openVoteRound',
    roundId: 'vote-1',
    label: 'Round 1',
    dotsPerPerson: 3,
    maxPerItem: 2,
    facilitatorVotes: false,
    itemIds: null,
  });
  const dots: [Actor, string][] = [
    [ALICE, 'theme-late'],
    [ALICE, 'theme-late'],
    [ALICE, 'theme-offline'],
    [BOB, 'theme-offline'],
    [BOB, 'theme-email'],
    [BOB, noteId('Childcare | school runs')],
    [CAROL, 'theme-late'],
    [CAROL, 'theme-presence'],
    [DAN, 'theme-offline'],
  ];
  for (const [actor, itemId] of dots) run(actor, { type: 'placeDot', roundId: 'vote-1', itemId });
  run(FACILITATOR, { type: 'closeVoteRound', roundId: 'vote-1' }, MEETING + HOUR_MS);

  run(FACILITATOR, { type: 'setPhase', phase: 'decide' });
  const agree = PEOPLE.map((p) => [p, 'agree', null] as const);
  runRound(
    session,
    {
      proposalId: 'proposal-meetings-1',
      promptId: 'prompt2',
      themeId: 'theme-late',
      statement: 'We keep meetings between 11 and 1.',
      rule: 'consensus',
      quorumPercent: 75,
      responses: [
        [ALICE, 'agree', null],
        [BOB, 'canLive', 'Mornings suit me better, but I can live with it.'],
        [CAROL, 'block', 'I collect my children at 12.'],
        [DAN, 'agree', null],
      ],
    },
    MEETING + 2 * HOUR_MS,
  );
  runRound(
    session,
    {
      proposalId: 'proposal-meetings-2',
      promptId: 'prompt2',
      themeId: 'theme-late',
      statement: 'We try to keep meetings between 11 and 1, and fill people in when one has to happen outside that time.',
      previousProposalId: 'proposal-meetings-1',
      rule: 'consensus',
      quorumPercent: 75,
      responses: [
        [ALICE, 'agree', null],
        [BOB, 'agree', null],
        [CAROL, 'canLive', null],
        [DAN, 'agree', null],
      ],
    },
    MEETING + 2 * HOUR_MS + 20 * 60_000,
  );
  runRound(
    session,
    {
      proposalId: 'proposal-offline',
      promptId: 'prompt3',
      themeId: 'theme-offline',
      statement: 'We only message each other outside 9–6 in an emergency. Nobody has to respond outside that time.',
      responses: agree,
    },
    MEETING + 3 * HOUR_MS,
  );
  runRound(
    session,
    {
      proposalId: 'proposal-capacity',
      promptId: 'prompt1',
      themeId: null,
      statement: 'We accept that it is unrealistic for everyone to show up at 100% capacity right now.',
      rule: 'majority',
      quorumPercent: 50,
      thresholdPercent: 75,
      responses: agree,
    },
    MEETING + 3 * HOUR_MS + 15 * 60_000,
  );
  runRound(
    session,
    {
      proposalId: 'proposal-email',
      promptId: 'prompt7',
      themeId: 'theme-email',
      statement: 'We answer emails within 48 hours, and cover for each other around childcare and other needs.',
      responses: agree,
    },
    MEETING + 3 * HOUR_MS + 30 * 60_000,
  );
  run(FACILITATOR, {
    type: 'setSmartie',
    agreementId: 'proposal-email-agreed',
    smartie: {
      owner: 'Team leads',
      measure: 'Email response times, looked at in the monthly check-in',
      deadline: '2024-06-30',
      equityCheck: 'People with caring duties get cover, so that nobody is penalised for being offline.',
    },
  });

  run(FACILITATOR, { type: 'setPhase', phase: 'agreement' });
  run(FACILITATOR, { type: 'setCheckIn', date: '2024-06-12' });
  run(FACILITATOR, { type: 'closeWorkshop' }, MEETING + 4 * HOUR_MS);

  // June: the check-in. One item is reworded, one is dropped; version 2 is still being worked on.
  run(FACILITATOR, { type: 'reopenWorkshop' }, REVISIT);
  runRound(
    session,
    {
      proposalId: 'proposal-offline-2',
      promptId: 'prompt3',
      themeId: 'theme-offline',
      statement: 'We only message each other outside 9–6 in an emergency, and then we call. Nobody has to respond to messages.',
      kind: 'amend',
      targetAgreementId: 'proposal-offline-agreed',
      responses: agree,
    },
    REVISIT + HOUR_MS,
  );
  runRound(
    session,
    {
      proposalId: 'proposal-capacity-retire',
      promptId: 'prompt1',
      themeId: null,
      statement: 'We no longer need this: everyone is back at full capacity.',
      kind: 'retire',
      targetAgreementId: 'proposal-capacity-agreed',
      responses: agree,
    },
    REVISIT + HOUR_MS + 30 * 60_000,
  );
  run(FACILITATOR, { type: 'setCheckIn', date: '2024-09-11' }, REVISIT + DAY_MS / 4);
  return session;
}
