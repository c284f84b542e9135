import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS, type DecisionWhy, decide, explainInEnglish } from '../../shared/domain/decisionRules';
import { exportText } from '../../shared/i18n/content';
import { CONTENT_LANGUAGES } from '../../shared/i18n/contentLanguage';

const WHYS: readonly DecisionWhy[] = [
  { kind: 'nobodyResponded' },
  { kind: 'blocked', blocks: 1 },
  { kind: 'blocked', blocks: 2 },
  { kind: 'quorumShort', responded: 1, needed: 3, quorum: 50, present: 5 },
  { kind: 'quorumShort', responded: 2, needed: 1, quorum: 10, present: 1 },
  { kind: 'consensusPassed', responded: 3, present: 4 },
  { kind: 'consentPassed' },
  { kind: 'majority', isPassed: true, agree: 4, responded: 5, share: 80, threshold: 67 },
  { kind: 'majority', isPassed: false, agree: 1, responded: 5, share: 20, threshold: 67 },
];

describe('why a round passed, in an export’s language', () => {
  it('is, in English, the sentence the server records', () => {
    const decision = decide(DEFAULT_RULE_SETTINGS, { agree: 3, canLive: 0, block: 0 }, 4);
    expect(decision.explanation).toBe('Passed: nobody blocked, and 3 of the 4 people present responded.');
    for (const why of WHYS) expect(exportText('en').why(why)).toBe(explainInEnglish(why));
  });

  it.each(CONTENT_LANGUAGES.filter((l) => l !== 'en'))('%s says every case in its own words, with its numbers', (language) => {
    const say = exportText(language).why;
    const sentences = WHYS.map(say);
    expect(new Set(sentences).size).toBe(WHYS.length);
    for (const [i, sentence] of sentences.entries()) {
      expect(sentence).not.toBe(explainInEnglish(WHYS[i] as DecisionWhy));
      expect(sentence).not.toMatch(/\b(?:Passed|nobody|people|responded)\b/);
    }
    expect(say({ kind: 'consensusPassed', responded: 3, present: 4 })).toMatch(/3\D+4/);
  });

  it('in Arabic, takes the plural form each count needs', () => {
    const say = exportText('ar').why;
    expect(say({ kind: 'blocked', blocks: 1 })).toBe('لم يُعتمد: اعترض شخص واحد.');
    expect(say({ kind: 'blocked', blocks: 2 })).toBe('لم يُعتمد: اعترض شخصان.');
    expect(say({ kind: 'blocked', blocks: 5 })).toBe('لم يُعتمد: اعترض 5 أشخاص.');
    expect(say({ kind: 'blocked', blocks: 11 })).toBe('لم يُعتمد: اعترض 11 شخصًا.');
  });
});
