import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandOf, type CommandType } from '../../shared/commands';
import { applyCommand, isAllowedInPhase } from '../../shared/domain/applyCommand';
import type { Changes } from '../../shared/domain/changes';
import { isDomainError } from '../../shared/domain/errors';
import type { Actor, DomainState } from '../../shared/domain/state';
import { nextPhase, PHASES, type Phase, previousPhase } from '../../shared/phases';
import {
  ALICE,
  agreedState,
  BOB,
  closedState,
  decidingState,
  FACILITATOR,
  FACILITATOR_WITHOUT_ID,
  READER,
  refusal,
  step,
  TEST_SETTINGS,
  testContext,
  votingState,
  withMeta,
  workshopState,
} from './helpers';

/** The phase table of DESIGN.md, written out independently of COMMAND_RULES. */
const EXPECTED_PHASES: Record<CommandType, readonly Phase[]> = {
  updateBoard: ['setup'],
  renameBoard: PHASES,
  updateSettings: PHASES,
  addPrompt: ['setup', 'revisit'],
  updatePrompt: ['setup', 'revisit'],
  removePrompt: ['setup', 'revisit'],
  movePrompt: ['setup', 'revisit'],
  setPhase: PHASES,
  focusPrompt: PHASES,
  reveal: ['share', 'group'],
  releaseHeld: ['share', 'group'],
  postDraft: ['reflect', 'share', 'group'],
  editDraft: ['reflect', 'share', 'group'],
  deleteDraft: ['reflect', 'share', 'group'],
  createTheme: ['group'],
  renameTheme: ['group'],
  deleteTheme: ['group'],
  moveNotes: ['group'],
  mergeThemes: ['group'],
  moveTheme: ['group'],
  startTimer: PHASES,
  addTime: PHASES,
  stopTimer: PHASES,
  openVoteRound: ['vote'],
  closeVoteRound: ['vote', 'decide'],
  placeDot: ['vote'],
  removeDot: ['vote'],
  openProposal: ['decide', 'revisit'],
  respond: ['decide', 'revisit'],
  closeProposal: ['decide', 'agreement', 'revisit'],
  unlockAgreement: ['decide', 'agreement', 'revisit'],
  setSmartie: ['decide', 'agreement', 'revisit'],
  closeWorkshop: ['agreement'],
  reopenWorkshop: ['agreement'],
  setCheckIn: PHASES,
  removeSeat: PHASES,
  restoreGrouping: ['group'],
  restoreNotes: ['group'],
  deleteNotes: ['group'],
  markDone: ['reflect', 'vote'],
  react: ['share', 'group', 'vote', 'decide'],
};

/** SMARTIE fields used by the setSmartie sample. */
const SMARTIE = { owner: 'Sam', measure: 'Every email answered', deadline: '2027-03-31', equityCheck: 'Part-timers too.' };

/** Commands sent by people taking part (not only the facilitator). */
const NOTE_COMMANDS: readonly CommandType[] = [
  'postDraft',
  'editDraft',
  'deleteDraft',
  'placeDot',
  'removeDot',
  'respond',
  'markDone',
  'react',
];

/** A command of each type that succeeds in workshopState() in every phase where it is allowed. */
const SAMPLES: { [T in CommandType]: { actor: Actor; command: (phase: Phase) => CommandOf<T>; state?: () => DomainState } } = {
  updateBoard: { actor: FACILITATOR, command: () => ({ type: 'updateBoard', title: 'New title', purpose: '' }) },
  renameBoard: { actor: FACILITATOR, command: () => ({ type: 'renameBoard', title: 'Renamed later' }) },
  updateSettings: { actor: FACILITATOR, command: () => ({ type: 'updateSettings', facilitatorParticipates: false }) },
  addPrompt: {
    actor: FACILITATOR,
    command: () => ({ type: 'addPrompt', promptId: 'prompt4', text: 'Fourth?', kind: 'awareness', beforePromptId: 'prompt2' }),
  },
  updatePrompt: { actor: FACILITATOR, command: () => ({ type: 'updatePrompt', promptId: 'prompt1', text: 'Reworded?' }) },
  removePrompt: { actor: FACILITATOR, command: () => ({ type: 'removePrompt', promptId: 'prompt3' }) },
  movePrompt: { actor: FACILITATOR, command: () => ({ type: 'movePrompt', promptId: 'prompt3', beforePromptId: 'prompt1' }) },
  setPhase: {
    actor: FACILITATOR,
    command: (phase) => ({ type: 'setPhase', phase: nextPhase(phase) ?? previousPhase(phase) ?? phase, confirm: true }),
  },
  focusPrompt: { actor: FACILITATOR, command: () => ({ type: 'focusPrompt', promptId: 'prompt2' }) },
  // The fixtures hold one author's notes and one voter: each of these needs the facilitator's confirmation.
  reveal: { actor: FACILITATOR, command: () => ({ type: 'reveal', promptId: 'prompt1', confirmSmallCount: true }) },
  releaseHeld: { actor: FACILITATOR, command: () => ({ type: 'releaseHeld', promptId: 'prompt2', confirmSmallCount: true }) },
  postDraft: {
    actor: ALICE,
    command: () => ({ type: 'postDraft', draftId: 'd-alice-2', promptId: 'prompt1', text: 'Another', tag: 'need' }),
  },
  editDraft: { actor: ALICE, command: () => ({ type: 'editDraft', draftId: 'd-alice', tag: 'nice' }) },
  deleteDraft: { actor: ALICE, command: () => ({ type: 'deleteDraft', draftId: 'd-alice' }) },
  createTheme: {
    actor: FACILITATOR,
    command: () => ({
      type: 'createTheme',
      themeId: 'theme-new',
      promptId: 'prompt2',
      name: 'Time',
      noteIds: ['note1'],
      beforeThemeId: null,
    }),
  },
  renameTheme: { actor: FACILITATOR, command: () => ({ type: 'renameTheme', themeId: 'theme1', name: 'Family care' }) },
  deleteTheme: { actor: FACILITATOR, command: () => ({ type: 'deleteTheme', themeId: 'theme1' }) },
  moveNotes: {
    actor: FACILITATOR,
    command: () => ({ type: 'moveNotes', noteIds: ['note1'], themeId: 'theme1', beforeNoteId: null }),
  },
  mergeThemes: { actor: FACILITATOR, command: () => ({ type: 'mergeThemes', sourceThemeId: 'theme2', targetThemeId: 'theme1' }) },
  moveTheme: { actor: FACILITATOR, command: () => ({ type: 'moveTheme', themeId: 'theme2', beforeThemeId: 'theme1' }) },
  startTimer: { actor: FACILITATOR, command: () => ({ type: 'startTimer', durationMs: 300_000 }) },
  addTime: { actor: FACILITATOR, command: () => ({ type: 'addTime', ms: 60_000 }) },
  stopTimer: { actor: FACILITATOR, command: () => ({ type: 'stopTimer' }) },
  openVoteRound: {
    actor: FACILITATOR,
    command: () => ({
      type: 'openVoteRound',
      roundId: 'round2',
      label: 'Round 1',
      dotsPerPerson: 5,
      maxPerItem: 3,
      facilitatorVotes: false,
      itemIds: null,
    }),
  },
  closeVoteRound: {
    actor: FACILITATOR,
    state: votingState,
    command: () => ({ type: 'closeVoteRound', roundId: 'round1', confirmSmallCount: true }),
  },
  placeDot: { actor: ALICE, state: votingState, command: () => ({ type: 'placeDot', roundId: 'round1', itemId: 'theme3' }) },
  removeDot: { actor: ALICE, state: votingState, command: () => ({ type: 'removeDot', roundId: 'round1', itemId: 'theme3' }) },
  openProposal: {
    actor: FACILITATOR,
    command: () => ({
      type: 'openProposal',
      proposalId: 'proposal2',
      promptId: 'prompt1',
      themeId: 'theme3',
      statement: 'We meet between 11 and 1.',
      rule: 'consensus',
      quorumPercent: 50,
      thresholdPercent: 50,
      previousProposalId: null,
    }),
  },
  respond: {
    actor: BOB,
    state: decidingState,
    command: () => ({ type: 'respond', proposalId: 'proposal1', response: 'block', reason: 'I collect my children at 12.' }),
  },
  closeProposal: {
    actor: FACILITATOR,
    state: decidingState,
    command: () => ({ type: 'closeProposal', proposalId: 'proposal1', confirmSmallCount: true }),
  },
  unlockAgreement: {
    actor: FACILITATOR,
    state: decidingState,
    command: () => ({ type: 'unlockAgreement', agreementId: 'agreement1', reason: 'Our hours changed.' }),
  },
  setSmartie: {
    actor: FACILITATOR,
    state: decidingState,
    command: () => ({ type: 'setSmartie', agreementId: 'agreement1', smartie: SMARTIE }),
  },
  closeWorkshop: { actor: FACILITATOR, state: agreedState, command: () => ({ type: 'closeWorkshop' }) },
  reopenWorkshop: { actor: FACILITATOR, state: closedState, command: () => ({ type: 'reopenWorkshop' }) },
  setCheckIn: { actor: FACILITATOR, command: () => ({ type: 'setCheckIn', date: '2027-03-31' }) },
  removeSeat: { actor: FACILITATOR, state: votingState, command: () => ({ type: 'removeSeat', seatId: 'seat-alice' }) },
  restoreGrouping: {
    actor: FACILITATOR,
    command: () => ({
      type: 'restoreGrouping',
      expected: [{ noteId: 'note1', themeId: null }],
      theme: null,
      moves: [{ noteIds: ['note1'], themeId: 'theme2', beforeNoteId: null }],
      removeThemeId: null,
    }),
  },
  restoreNotes: {
    actor: FACILITATOR,
    command: () => ({
      type: 'restoreNotes',
      notes: [
        { id: 'note9', promptId: 'prompt2', text: 'Back again', tag: 'need', themeId: 'theme1', order: 'a5', author: null },
      ],
    }),
  },
  deleteNotes: { actor: FACILITATOR, command: () => ({ type: 'deleteNotes', noteIds: ['note1'] }) },
  markDone: {
    actor: ALICE,
    state: votingState,
    command: (phase) => ({ type: 'markDone', targetId: phase === 'vote' ? 'round1' : 'prompt1', isDone: true }),
  },
  react: { actor: ALICE, command: () => ({ type: 'react', noteId: 'note1', reaction: 'plusOne', isOn: true }) },
};

/** The exact changes of each sample, sent in the given phase. */
const EXPECTED_CHANGES: Record<CommandType, { phase: Phase; changes: Changes }> = {
  updateBoard: {
    phase: 'setup',
    changes: { doc: [{ type: 'setMeta', fields: { title: 'New title', purpose: '' } }], private: [] },
  },
  renameBoard: {
    phase: 'decide',
    changes: { doc: [{ type: 'setMeta', fields: { title: 'Renamed later' } }], private: [] },
  },
  updateSettings: {
    phase: 'vote',
    changes: {
      doc: [{ type: 'setMeta', fields: { settings: { ...TEST_SETTINGS, facilitatorParticipates: false } } }],
      private: [],
    },
  },
  addPrompt: {
    phase: 'setup',
    changes: {
      doc: [
        {
          type: 'putPrompt',
          prompt: {
            id: 'prompt4',
            text: 'Fourth?',
            kind: 'awareness',
            order: 'a0V',
            isRevealed: false,
            pendingCount: 0,
            contributorCount: 0,
          },
        },
      ],
      private: [],
    },
  },
  updatePrompt: {
    phase: 'setup',
    changes: { doc: [{ type: 'patchPrompt', id: 'prompt1', fields: { text: 'Reworded?' } }], private: [] },
  },
  removePrompt: { phase: 'setup', changes: { doc: [{ type: 'deletePrompt', id: 'prompt3' }], private: [] } },
  movePrompt: {
    phase: 'setup',
    changes: { doc: [{ type: 'patchPrompt', id: 'prompt3', fields: { order: 'Zz' } }], private: [] },
  },
  setPhase: { phase: 'share', changes: { doc: [{ type: 'setMeta', fields: { phase: 'group' } }], private: [] } },
  focusPrompt: { phase: 'agreement', changes: { doc: [{ type: 'setMeta', fields: { focusPromptId: 'prompt2' } }], private: [] } },
  reveal: {
    phase: 'share',
    changes: {
      doc: [
        {
          type: 'putNote',
          note: {
            id: 'fresh1',
            promptId: 'prompt1',
            text: 'Text of d-alice',
            tag: null,
            themeId: null,
            order: 'a0',
            author: null,
          },
        },
        { type: 'patchPrompt', id: 'prompt1', fields: { isRevealed: true, pendingCount: 0 } },
      ],
      private: [{ type: 'revealDrafts', draftIds: ['d-alice'] }],
    },
  },
  releaseHeld: {
    phase: 'group',
    changes: {
      doc: [
        {
          type: 'putNote',
          note: {
            id: 'fresh1',
            promptId: 'prompt2',
            text: 'Text of d-bob-2',
            tag: null,
            themeId: null,
            order: 'a1',
            author: null,
          },
        },
        { type: 'patchPrompt', id: 'prompt2', fields: { isRevealed: true, pendingCount: 0 } },
      ],
      private: [{ type: 'revealDrafts', draftIds: ['d-bob-2'] }],
    },
  },
  postDraft: {
    phase: 'reflect',
    changes: {
      doc: [{ type: 'patchPrompt', id: 'prompt1', fields: { pendingCount: 2, contributorCount: 1 } }],
      private: [
        {
          type: 'putDraft',
          draft: { id: 'd-alice-2', promptId: 'prompt1', authorId: 'alice', text: 'Another', tag: 'need', authorName: null },
        },
        { type: 'countPosted', participantId: 'alice', promptId: 'prompt1', delta: 1 },
      ],
    },
  },
  editDraft: {
    phase: 'group',
    changes: {
      doc: [],
      private: [
        {
          type: 'putDraft',
          draft: {
            id: 'd-alice',
            promptId: 'prompt1',
            authorId: 'alice',
            text: 'Text of d-alice',
            tag: 'nice',
            authorName: null,
          },
        },
      ],
    },
  },
  deleteDraft: {
    phase: 'share',
    changes: {
      doc: [{ type: 'patchPrompt', id: 'prompt1', fields: { pendingCount: 0, contributorCount: 0 } }],
      private: [
        { type: 'deleteDraft', draftId: 'd-alice' },
        { type: 'countPosted', participantId: 'alice', promptId: 'prompt1', delta: -1 },
      ],
    },
  },
  createTheme: {
    phase: 'group',
    changes: {
      doc: [
        { type: 'putTheme', theme: { id: 'theme-new', promptId: 'prompt2', name: 'Time', order: 'a2' } },
        { type: 'patchNote', id: 'note1', fields: { themeId: 'theme-new', order: 'a0' } },
      ],
      private: [],
    },
  },
  renameTheme: {
    phase: 'group',
    changes: { doc: [{ type: 'patchTheme', id: 'theme1', fields: { name: 'Family care' } }], private: [] },
  },
  deleteTheme: { phase: 'group', changes: { doc: [{ type: 'deleteTheme', id: 'theme1' }], private: [] } },
  moveNotes: {
    phase: 'group',
    changes: { doc: [{ type: 'patchNote', id: 'note1', fields: { themeId: 'theme1', order: 'a0' } }], private: [] },
  },
  mergeThemes: { phase: 'group', changes: { doc: [{ type: 'deleteTheme', id: 'theme2' }], private: [] } },
  moveTheme: { phase: 'group', changes: { doc: [{ type: 'patchTheme', id: 'theme2', fields: { order: 'Zz' } }], private: [] } },
  startTimer: {
    phase: 'reflect',
    changes: { doc: [{ type: 'setMeta', fields: { timer: { endsAt: 1_700_000_300_000, durationMs: 300_000 } } }], private: [] },
  },
  addTime: {
    phase: 'group',
    changes: { doc: [{ type: 'setMeta', fields: { timer: { endsAt: 1_700_000_120_000, durationMs: 120_000 } } }], private: [] },
  },
  stopTimer: { phase: 'vote', changes: { doc: [{ type: 'setMeta', fields: { timer: null } }], private: [] } },
  openVoteRound: {
    phase: 'vote',
    changes: {
      doc: [
        {
          type: 'putVoteRound',
          round: {
            id: 'round2',
            label: 'Round 1',
            status: 'open',
            dotsPerPerson: 5,
            maxPerItem: 3,
            facilitatorVotes: false,
            itemIds: null,
            voterCount: 0,
            openedAt: 1_700_000_000_000,
            closedAt: null,
            tallies: null,
          },
        },
      ],
      private: [],
    },
  },
  closeVoteRound: {
    phase: 'decide',
    changes: {
      doc: [
        {
          type: 'patchVoteRound',
          id: 'round1',
          fields: { status: 'closed', closedAt: 1_700_000_000_000, tallies: { theme3: 1 } },
        },
      ],
      private: [
        { type: 'clearBallots', roundId: 'round1' },
        { type: 'clearMarks', targetId: 'round1' },
      ],
    },
  },
  placeDot: {
    phase: 'vote',
    changes: { doc: [], private: [{ type: 'setBallot', roundId: 'round1', participantId: 'alice', itemId: 'theme3', count: 2 }] },
  },
  removeDot: {
    phase: 'vote',
    changes: {
      doc: [{ type: 'patchVoteRound', id: 'round1', fields: { voterCount: 0 } }],
      private: [{ type: 'setBallot', roundId: 'round1', participantId: 'alice', itemId: 'theme3', count: 0 }],
    },
  },
  openProposal: {
    phase: 'decide',
    changes: {
      doc: [
        {
          type: 'putProposal',
          proposal: {
            id: 'proposal2',
            promptId: 'prompt1',
            themeId: 'theme3',
            statement: 'We meet between 11 and 1.',
            rule: 'consensus',
            quorumPercent: 50,
            thresholdPercent: 50,
            round: 1,
            previousProposalId: null,
            status: 'open',
            respondentCount: 0,
            openedAt: 1_700_000_000_000,
            closedAt: null,
            outcome: null,
            kind: 'adopt',
            targetAgreementId: null,
          },
        },
      ],
      private: [],
    },
  },
  respond: {
    phase: 'decide',
    changes: {
      doc: [{ type: 'patchProposal', id: 'proposal1', fields: { respondentCount: 2 } }],
      private: [
        {
          type: 'setResponse',
          proposalId: 'proposal1',
          participantId: 'bob',
          response: 'block',
          reason: 'I collect my children at 12.',
        },
      ],
    },
  },
  closeProposal: {
    phase: 'agreement',
    changes: {
      doc: [
        {
          type: 'patchProposal',
          id: 'proposal1',
          fields: {
            status: 'failed',
            closedAt: 1_700_000_000_000,
            outcome: {
              counts: { agree: 1, canLive: 0, block: 0 },
              reasons: [],
              presentCount: 3,
              isQuorumMet: false,
              isPassed: false,
              explanation: 'Not passed: 1 person responded, but 2 were needed (50% of the 3 people present).',
            },
          },
        },
      ],
      private: [{ type: 'clearResponses', proposalId: 'proposal1' }],
    },
  },
  unlockAgreement: {
    phase: 'decide',
    changes: {
      doc: [
        {
          type: 'patchAgreement',
          id: 'agreement1',
          fields: { status: 'unlocked', unlockReason: 'Our hours changed.', unlockedAt: 1_700_000_000_000 },
        },
      ],
      private: [],
    },
  },
  setSmartie: {
    phase: 'revisit',
    changes: { doc: [{ type: 'patchAgreement', id: 'agreement1', fields: { smartie: SMARTIE } }], private: [] },
  },
  closeWorkshop: {
    phase: 'agreement',
    changes: {
      doc: [
        {
          type: 'putVersion',
          version: {
            id: 'v1',
            number: 1,
            closedAt: 1_700_000_000_000,
            title: 'Test board',
            items: [
              {
                lineageId: 'agreement1',
                agreementId: 'agreement1',
                promptId: 'prompt3',
                promptText: 'Question 3?',
                themeName: null,
                statement: 'We answer emails within 48 hours.',
                rule: 'consent',
                round: 1,
                counts: { agree: 2, canLive: 1, block: 0 },
                decidedAt: 1_699_000_000_000,
                smartie: null,
              },
            ],
          },
        },
        { type: 'setMeta', fields: { isClosed: true, timer: null } },
      ],
      private: [],
    },
  },
  reopenWorkshop: {
    phase: 'agreement',
    changes: {
      doc: [{ type: 'setMeta', fields: { isClosed: false, version: 2, phase: 'revisit', focusPromptId: null } }],
      private: [],
    },
  },
  setCheckIn: {
    phase: 'revisit',
    changes: { doc: [{ type: 'setMeta', fields: { checkInDate: '2027-03-31' } }], private: [] },
  },
  removeSeat: {
    phase: 'vote',
    changes: {
      doc: [{ type: 'patchVoteRound', id: 'round1', fields: { voterCount: 0 } }],
      private: [{ type: 'removeSeat', participantId: 'alice' }],
    },
  },
  restoreGrouping: {
    phase: 'group',
    changes: { doc: [{ type: 'patchNote', id: 'note1', fields: { themeId: 'theme2', order: 'a0' } }], private: [] },
  },
  restoreNotes: {
    phase: 'group',
    changes: {
      doc: [
        {
          type: 'putNote',
          note: {
            id: 'note9',
            promptId: 'prompt2',
            text: 'Back again',
            tag: 'need',
            themeId: 'theme1',
            order: 'a5',
            author: null,
          },
        },
      ],
      private: [],
    },
  },
  deleteNotes: { phase: 'group', changes: { doc: [{ type: 'deleteNote', id: 'note1' }], private: [] } },
  markDone: {
    phase: 'vote',
    changes: {
      doc: [{ type: 'patchVoteRound', id: 'round1', fields: { markCounts: { done: 1 } } }],
      private: [{ type: 'setMark', targetId: 'round1', participantId: 'alice', kind: 'done', isOn: true }],
    },
  },
  react: {
    phase: 'group',
    changes: {
      doc: [{ type: 'patchNote', id: 'note1', fields: { markCounts: { plusOne: 1 } } }],
      private: [{ type: 'setMark', targetId: 'note1', participantId: 'alice', kind: 'plusOne', isOn: true }],
    },
  },
};

describe('applyCommand', () => {
  it('has a sample, a phase list and expected changes for every command type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(EXPECTED_PHASES).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(EXPECTED_CHANGES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  describe.each(COMMAND_TYPES)('%s', (type) => {
    const sample = SAMPLES[type];

    it.each(PHASES)('in %s: accepted exactly when the phase table allows it', (phase) => {
      const isExpected = EXPECTED_PHASES[type].includes(phase);
      expect(isAllowedInPhase(type, phase)).toBe(isExpected);
      const state = withMeta((sample.state ?? workshopState)(), { phase });
      const result = applyCommand(state, sample.actor, sample.command(phase), testContext(1, 'fresh'));
      if (isExpected) expect(isDomainError(result)).toBe(false);
      else expect(result).toMatchObject({ error: 'wrong_phase', message: `That cannot be done in the ${phase} phase.` });
    });

    it('makes exactly the expected changes', () => {
      const { phase, changes } = EXPECTED_CHANGES[type];
      const state = withMeta((sample.state ?? workshopState)(), { phase });
      expect(applyCommand(state, sample.actor, sample.command(phase), testContext(1, 'fresh'))).toEqual(changes);
    });

    const isNoteCommand = NOTE_COMMANDS.includes(type);
    const refusedActors: [string, Actor, boolean][] = isNoteCommand
      ? [
          ['a reader', READER, true],
          ['a facilitator when facilitatorParticipates is false', FACILITATOR, false],
          ['a facilitator without a participant id', FACILITATOR_WITHOUT_ID, true],
        ]
      : [
          ['a participant', ALICE, true],
          ['another participant', BOB, true],
          ['a reader', READER, true],
        ];

    it.each(refusedActors)('is forbidden for %s, in every phase (permission is checked first)', (_label, actor, participates) => {
      for (const phase of PHASES) {
        const state = withMeta((sample.state ?? workshopState)(), {
          phase,
          settings: { ...TEST_SETTINGS, facilitatorParticipates: participates },
        });
        expect(refusal(state, actor, sample.command(phase)).error).toBe('forbidden');
      }
    });
  });

  it('lets a facilitator without a participant id run the workshop', () => {
    const state = withMeta(workshopState(), { phase: 'setup' });
    expect(applyCommand(state, FACILITATOR_WITHOUT_ID, SAMPLES.addPrompt.command('setup'), testContext())).toEqual(
      EXPECTED_CHANGES.addPrompt.changes,
    );
  });

  it('lets a facilitator who takes part write notes, and refuses once they stop taking part', () => {
    const command: CommandOf<'postDraft'> = { type: 'postDraft', draftId: 'd-fac', promptId: 'prompt3', text: 'Mine', tag: null };
    const taking = withMeta(workshopState(), { settings: { ...TEST_SETTINGS, facilitatorParticipates: true } });
    const result = applyCommand(taking, FACILITATOR, command, testContext());
    expect(result).toMatchObject({ private: [{ type: 'putDraft', draft: { authorId: 'fac' } }, { participantId: 'fac' }] });
    const notTaking = withMeta(taking, { settings: { ...TEST_SETTINGS, facilitatorParticipates: false } });
    expect(refusal(notTaking, FACILITATOR, command)).toMatchObject({
      error: 'forbidden',
      message: 'You are not allowed to do that on this board.',
    });
  });

  it('clears the spotlight when the focused prompt is removed (no dangling focusPromptId)', () => {
    let state = withMeta(workshopState(), { phase: 'setup' });
    state = step(state, FACILITATOR, { type: 'focusPrompt', promptId: 'prompt3' });
    state = step(state, FACILITATOR, { type: 'removePrompt', promptId: 'prompt3' });
    expect(state.board.prompts.has('prompt3')).toBe(false);
    expect(state.board.meta.focusPromptId).toBeNull();
  });
});
