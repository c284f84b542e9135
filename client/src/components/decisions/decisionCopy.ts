import type { RuleSettings } from '../../../../shared/domain/decisionRules';
import type { DecisionRule, ResponseKind } from '../../../../shared/records/Proposal';
import { formatDate, formatNumber } from '../../i18n/format';
import { currentLocale, type MessageKey, translate } from '../../i18n/i18n';

/** Ends at a full stop, a question or exclamation mark or an ellipsis, maybe inside closing quotes or a bracket. */
const SENTENCE_END = /[.!?…]['"’”)]*$/u;

/**
 * `sentence` with a full stop at its end, unless it already ends one: a quoted statement that ends
 * in its own full stop must not read `“… emergencies.”.`.
 */
export function endSentence(sentence: string): string {
  return SENTENCE_END.test(sentence.trimEnd()) ? sentence.trimEnd() : `${sentence.trimEnd()}.`;
}

/** Each rule's name in the catalogs (issue 14). */
export const RULE_NAME_KEYS: Readonly<Record<DecisionRule, MessageKey>> = {
  consensus: 'decisions.rule.consensus',
  consent: 'decisions.rule.consent',
  majority: 'decisions.rule.majority',
};

/** "67%" (or "67 %", "٪67"…) in the reader's language. */
function percent(value: number): string {
  return formatNumber(currentLocale(), value / 100, { style: 'percent', maximumFractionDigits: 2 });
}

/** How a rule decides, in one plain sentence, with the round's own numbers, in the reader's language. */
export function ruleSentence(settings: RuleSettings): string {
  const quorum = { quorum: settings.quorumPercent, share: percent(settings.quorumPercent) };
  switch (settings.rule) {
    case 'consensus':
      return translate('decisions.rule.consensusSentence', quorum);
    case 'consent':
      return translate('decisions.rule.consentSentence');
    case 'majority':
      return translate('decisions.rule.majoritySentence', {
        ...quorum,
        threshold: percent(settings.thresholdPercent),
        agree: translate('decisions.answer.agree'),
      });
  }
}

/** Each answer's name in the catalogs (issue 14). */
export const RESPONSE_NAME_KEYS: Readonly<Record<ResponseKind, MessageKey>> = {
  agree: 'decisions.answer.agree',
  canLive: 'decisions.answer.canLive',
  block: 'decisions.answer.block',
};

/**
 * A moment of the workshop in the person's chosen language (not the browser's), e.g. "May 3, 2026,
 * 2:05 PM", "3 may 2026, 14:05". Called while rendering with `useT`: a language switch re-renders it.
 */
export function formatMoment(ms: number): string {
  return formatDate(currentLocale(), ms, { dateStyle: 'medium', timeStyle: 'short' });
}
