import { explainInEnglish } from '../../domain/decisionRules';
import { PHASE_GUIDANCE } from '../../phases';
import {
  ALLIANCE_FOUNDATIONS,
  COALITION_BUILDING,
  PARTNERING_CONVERSATION,
  type Template,
  WORKING_AGREEMENT_QUESTIONNAIRE,
  WORKING_TOGETHER_AGREEMENT,
} from '../../templates';
import { isoDay } from './days';
import { EN_ICS } from './enIcs';
import type { ContentText, TemplateText } from './types';

/** A template's words as templates.ts writes them (English is their source), its prompt count checked. */
function textOf<N extends number>(template: Template, count: N): TemplateText<N> {
  if (template.prompts.length !== count) throw new Error(`${template.id} has ${template.prompts.length} prompts, not ${count}`);
  const { name, summary, title, purpose } = template;
  return { name, summary, title, purpose, prompts: template.prompts.map((p) => p.text) as unknown as TemplateText<N>['prompts'] };
}

/** English, the source: the exports' words exactly as they were before other languages. */
export const EN: ContentText = {
  templates: {
    'working-agreement': textOf(WORKING_AGREEMENT_QUESTIONNAIRE, 7),
    'working-together': textOf(WORKING_TOGETHER_AGREEMENT, 8),
    'alliance-foundations': textOf(ALLIANCE_FOUNDATIONS, 7),
    'coalition-building': textOf(COALITION_BUILDING, 6),
    partnering: textOf(PARTNERING_CONVERSATION, 4),
  },
  exports: {
    day: isoDay,
    status: (version, isClosed) => (isClosed ? `Version ${version}, final` : `Version ${version}, in progress`),
    checkIn: (date) => ` We check in on ${date}.`,
    datesInUtc: ' (Dates in UTC.)',
    agreementHeading: 'Our agreement',
    tableHead: ['Prompt', 'What we heard', 'What we agreed'],
    decisionRecordsHeading: 'Decision records',
    nothingAgreed: 'Nothing has been agreed yet.',
    smartie: (s) => `Owner: ${s.owner}; measure: ${s.measure}; deadline: ${s.deadline}; inclusion and equity: ${s.equity}`,
    failedHeading: 'Rounds that did not pass',
    endedHeading: 'Changed, retired or unlocked',
    awarenessHeading: 'What we know about each other',
    noAwareness: 'No awareness prompts on this board.',
    versionsHeading: 'Versions',
    noVersions: 'No version has been closed yet.',
    versionLine: (number, closedOn, items) =>
      `Version ${number}: closed on ${closedOn}, ${items} ${items === 1 ? 'item' : 'items'}.`,
    needMark: ' (need)',
    themeCounts: (notes, needs) =>
      `${notes} ${notes === 1 ? 'note' : 'notes'}${needs > 0 ? `, ${needs} need${needs === 1 ? '' : 's'}` : ''}`,
    nothingShared: 'Nothing shared yet.',
    rules: { consensus: 'consensus', consent: 'consent', majority: 'majority' },
    responses: { agree: 'agree', canLive: 'can live with it', block: 'block' },
    counts: (c) => `${c.agree} agree, ${c.canLive} can live with it, ${c.block} block`,
    decided: (d) => `decided by ${d.rule} in round ${d.round} on ${d.date} (version ${d.version}): ${d.counts}`,
    unlocked: (date, reason) => `unlocked on ${date}: ${reason}`,
    replaced: (date, by) => (by === null ? `replaced on ${date}` : `replaced on ${date} by: ${by}`),
    retiredByRound: (date) => `retired on ${date} by a round`,
    retired: (d) => `retired on ${d.date} by a round (${d.rule}, round ${d.round}: ${d.counts}) on the proposal: ${d.proposal}`,
    inForce: 'in force',
    newWordingFor: (statement) => ` (new wording for: ${statement})`,
    toRetire: (statement) => ` (to retire: ${statement})`,
    didNotPass: (round, rule) => `round ${round} by ${rule}: did not pass.`,
    roundOutcome: (d) => `round ${d.round} by ${d.rule} on ${d.date}: ${d.counts}.`,
    reason: (response, text) => `Reason (${response}): ${text}`,
    why: explainInEnglish,
    csvColumns: ['row', 'prompt', 'kind', 'theme', 'text', 'tag', 'note_votes', 'theme_votes', 'decision'],
    csvRows: { agreement: 'agreement', note: 'note' },
    csvKinds: { align: 'align', awareness: 'awareness' },
    csvTags: { need: 'need', nice: 'nice' },
    ...EN_ICS,
  },
  phaseGuidance: PHASE_GUIDANCE,
};
