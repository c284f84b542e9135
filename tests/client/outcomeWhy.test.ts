import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sayWhy } from '../../client/src/components/decisions/outcomeWhy';
import { activateLocale, loadLaterMessages, translate } from '../../client/src/i18n/i18n';
import { DEFAULT_RULE_SETTINGS, decide, explainInEnglish, type RuleSettings } from '../../shared/domain/decisionRules';
import type { ResponseCounts } from '../../shared/records/Proposal';

/** Every rule, against a spread of counts and attendances: each branch of `decide`, singular and plural. */
function decisions() {
  const rules: RuleSettings[] = [
    DEFAULT_RULE_SETTINGS,
    { rule: 'consensus', quorumPercent: 100, thresholdPercent: 67 },
    { rule: 'consent', quorumPercent: 50, thresholdPercent: 67 },
    { rule: 'majority', quorumPercent: 50, thresholdPercent: 67 },
    { rule: 'majority', quorumPercent: 10, thresholdPercent: 50 },
  ];
  const out = [];
  for (const settings of rules)
    for (const present of [1, 2, 4, 11])
      for (let agree = 0; agree <= 3; agree++)
        for (let canLive = 0; canLive <= 1; canLive++)
          for (let block = 0; block <= 2; block++) {
            const counts: ResponseCounts = { agree, canLive, block };
            out.push(decide(settings, counts, present));
          }
  return out;
}

describe('why a round passed, in the reader’s language', () => {
  beforeAll(async () => {
    // activateLocale marks <html>; this much of a page is all it needs here.
    vi.stubGlobal('document', { documentElement: { lang: 'en', dir: 'ltr' } });
    await loadLaterMessages();
  });
  afterAll(async () => {
    await activateLocale('en');
    vi.unstubAllGlobals();
  });

  it('says in English, byte for byte, what the server recorded', () => {
    const all = decisions();
    expect(new Set(all.map((d) => d.why.kind)).size).toBe(6);
    for (const decision of all) {
      expect(decision.explanation).toBe(explainInEnglish(decision.why));
      expect(sayWhy(translate, decision.why)).toBe(decision.explanation);
    }
    expect(explainInEnglish({ kind: 'quorumShort', responded: 1, needed: 2, quorum: 50, present: 4 })).toBe(
      'Not passed: 1 person responded, but 2 were needed (50% of the 4 people present).',
    );
  });

  it('says it in Spanish, German and Arabic, with their plurals', async () => {
    await activateLocale('es');
    expect(sayWhy(translate, { kind: 'consensusPassed', responded: 3, present: 4 })).toBe(
      'Aprobada: nadie bloqueó y respondieron 3 de las 4 personas presentes.',
    );
    expect(sayWhy(translate, { kind: 'blocked', blocks: 1 })).toBe('No aprobada: 1 persona bloqueó.');
    await activateLocale('de');
    expect(sayWhy(translate, { kind: 'blocked', blocks: 2 })).toBe('Nicht angenommen: 2 Personen haben blockiert.');
    await activateLocale('ar');
    expect(sayWhy(translate, { kind: 'blocked', blocks: 2 })).toBe('لم يُعتمد: اعترض شخصان.');
    for (const decision of decisions()) expect(sayWhy(translate, decision.why)).not.toMatch(/[A-Za-z]/);
  });
});
