import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../shared/commands';
import { boardRule, DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../shared/domain/decisionRules';
import { boardMetaRecord } from '../../shared/records/BoardMeta';
import { isInvalid } from '../../shared/validate';
import { decidingState, FACILITATOR, step, TEST_SETTINGS, withMeta } from './helpers';

const MAJORITY: RuleSettings = { rule: 'majority', quorumPercent: 40, thresholdPercent: 75 };

describe('the board’s decision rule', () => {
  it('is consensus with a 50% quorum until the facilitator changes it', () => {
    expect(boardRule(TEST_SETTINGS)).toEqual({ rule: 'consensus', quorumPercent: 50, thresholdPercent: 67 });
    expect(boardRule(TEST_SETTINGS)).toBe(DEFAULT_RULE_SETTINGS);
    expect(boardRule({ ...TEST_SETTINGS, decisionRule: MAJORITY })).toEqual(MAJORITY);
  });

  it('is set by updateSettings, leaving the other settings as they were', () => {
    const state = step(decidingState(), FACILITATOR, { type: 'updateSettings', decisionRule: MAJORITY });
    expect(state.board.meta.settings).toEqual({ ...decidingState().board.meta.settings, decisionRule: MAJORITY });
    const back = step(state, FACILITATOR, { type: 'updateSettings', showRoster: false });
    expect(boardRule(back.board.meta.settings)).toEqual(MAJORITY);
  });

  it('is not changed by a round opened under another rule (issue #12: a majority round decided the next one)', () => {
    const state = step(withMeta(decidingState(), { phase: 'decide' }), FACILITATOR, {
      type: 'openProposal',
      proposalId: 'proposal-majority',
      promptId: 'prompt1',
      themeId: null,
      statement: 'We answer messages within a day.',
      ...MAJORITY,
      previousProposalId: null,
    });
    expect(state.board.proposals.get('proposal-majority')?.rule).toBe('majority');
    expect(boardRule(state.board.meta.settings)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it.each([
    [
      'a majority under 50%',
      { rule: 'majority', quorumPercent: 50, thresholdPercent: 49 },
      'command.decisionRule.thresholdPercent',
    ],
    ['a quorum over 100%', { rule: 'consensus', quorumPercent: 101, thresholdPercent: 67 }, 'command.decisionRule.quorumPercent'],
    ['an unknown rule', { rule: 'unanimity', quorumPercent: 50, thresholdPercent: 67 }, 'command.decisionRule.rule'],
    ['a missing number', { rule: 'consent', quorumPercent: 50 }, 'command.decisionRule.thresholdPercent'],
  ])('refuses %s in updateSettings', (_label, decisionRule, path) => {
    const result = parseCommand({ type: 'updateSettings', decisionRule });
    expect(isInvalid(result) && result.path).toBe(path);
  });

  it('reads boards saved before the setting existed, and boards that have it', () => {
    const meta = decidingState().board.meta;
    expect(isInvalid(boardMetaRecord({ ...meta, settings: TEST_SETTINGS }))).toBe(false);
    const withRule = boardMetaRecord({ ...meta, settings: { ...TEST_SETTINGS, decisionRule: MAJORITY } });
    expect(!isInvalid(withRule) && withRule.settings.decisionRule).toEqual(MAJORITY);
  });
});
