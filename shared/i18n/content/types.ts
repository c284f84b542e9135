import type { DecisionWhy } from '../../domain/decisionRules';
import type { Phase } from '../../phases';
import type { IcsWords } from './enIcs';

/** A tuple of exactly `N` strings: a language cannot drop or add a template's prompt. */
type Strings<N extends number, T extends readonly string[] = []> = T['length'] extends N
  ? T
  : Strings<N, readonly [...T, string]>;

/** How many prompts each built-in template has (shared/templates.ts), by template id. */
export interface TemplatePromptCounts {
  'working-agreement': 7;
  'working-together': 8;
  'alliance-foundations': 7;
  'coalition-building': 6;
  partnering: 4;
}

/** The id of a built-in template. */
export type BuiltInTemplateId = keyof TemplatePromptCounts;

/** A template's words in one language; its structure (kinds, flags) is the template's own. */
export interface TemplateText<N extends number = number> {
  readonly name: string;
  readonly summary: string;
  readonly title: string;
  readonly purpose: string;
  /** The prompts' text, in the template's order. */
  readonly prompts: Strings<N>;
}

/** Every built-in template's words in one language. */
export type TemplateTexts = { readonly [Id in BuiltInTemplateId]: TemplateText<TemplatePromptCounts[Id]> };

/** A decision's three counts, as the exports write them. */
export interface Counts {
  readonly agree: number;
  readonly canLive: number;
  readonly block: number;
}

/** The decision rules and responses by their names in the board (shared/records/Proposal.ts). */
type RuleName = 'consensus' | 'consent' | 'majority';
type ResponseName = 'agree' | 'canLive' | 'block';

/**
 * The words of the Markdown, CSV and calendar exports in one language. Dates come in already
 * written (`day` below); numbers are written as digits. Functions where word order or a plural
 * depends on the values: whole sentences, never glued pieces.
 */
export interface ExportText extends IcsWords {
  /** A day, from milliseconds since the epoch, as its UTC calendar day. */
  readonly day: (ms: number) => string;
  readonly status: (version: number, isClosed: boolean) => string;
  /** Follows the status sentence, with its leading space; `date` is written by `day`. */
  readonly checkIn: (date: string) => string;
  /** Follows the status, with its leading space. */
  readonly datesInUtc: string;
  readonly agreementHeading: string;
  readonly tableHead: readonly [prompt: string, heard: string, agreed: string];
  readonly decisionRecordsHeading: string;
  readonly nothingAgreed: string;
  readonly smartie: (s: { owner: string; measure: string; deadline: string; equity: string }) => string;
  readonly failedHeading: string;
  readonly endedHeading: string;
  readonly awarenessHeading: string;
  readonly noAwareness: string;
  readonly versionsHeading: string;
  readonly noVersions: string;
  readonly versionLine: (number: number, closedOn: string, items: number) => string;
  /** Follows a note's text, with its leading space, when the note is a need. */
  readonly needMark: string;
  readonly themeCounts: (notes: number, needs: number) => string;
  readonly nothingShared: string;
  readonly rules: Readonly<Record<RuleName, string>>;
  readonly responses: Readonly<Record<ResponseName, string>>;
  readonly counts: (counts: Counts) => string;
  /** `rule` is already a name from `rules`. */
  readonly decided: (d: { rule: string; round: number; date: string; version: number; counts: string }) => string;
  readonly unlocked: (date: string, reason: string) => string;
  readonly replaced: (date: string, by: string | null) => string;
  readonly retiredByRound: (date: string) => string;
  readonly retired: (d: { date: string; rule: string; round: number; counts: string; proposal: string }) => string;
  readonly inForce: string;
  readonly newWordingFor: (statement: string) => string;
  readonly toRetire: (statement: string) => string;
  readonly didNotPass: (round: number, rule: string) => string;
  readonly roundOutcome: (d: { round: number; rule: string; date: string; counts: string }) => string;
  readonly reason: (response: string, text: string) => string;
  /** Why a round passed or not (English: the sentence the server recorded, `explainInEnglish`). */
  readonly why: (why: DecisionWhy) => string;
  /** The CSV's header row, one name per column of CSV_COLUMNS. */
  readonly csvColumns: readonly [
    row: string,
    prompt: string,
    kind: string,
    theme: string,
    text: string,
    tag: string,
    noteVotes: string,
    themeVotes: string,
    decision: string,
  ];
  readonly csvRows: { readonly agreement: string; readonly note: string };
  readonly csvKinds: { readonly align: string; readonly awareness: string };
  readonly csvTags: { readonly need: string; readonly nice: string };
}

/** Everything shared/ writes for people, in one language. */
export interface ContentText {
  readonly templates: TemplateTexts;
  readonly exports: ExportText;
  /** One sentence per phase for participants: what to do now (shared/phases.ts has English's). */
  readonly phaseGuidance: Readonly<Record<Phase, string>>;
}
