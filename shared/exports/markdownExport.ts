import type { BoardState } from '../domain/state';
import { outcomeSentence } from '../domain/decisionRules';
import { compareByOrder } from '../compareByOrder';
import { exportText } from '../i18n/content';
import type { ExportText } from '../i18n/content/types';
import { boardLanguage, type ContentLanguage } from '../i18n/contentLanguage';
import type { AgreementItem } from '../records/AgreementItem';
import type { Note } from '../records/Note';
import type { Prompt } from '../records/Prompt';
import type { Proposal } from '../records/Proposal';
import type { Theme } from '../records/Theme';

/**
 * Escapes text written by people so that Markdown shows it literally: a note `*urgent*`, `# 1` or
 * `[link](x)` stays those characters, not emphasis, a heading or a link. Inline syntax is escaped
 * anywhere (\\ ` * _ [ ] < ~, & before an entity, # after a space), block syntax where the
 * text starts (`>`, a `-` or `+` list marker or rule, `1.` / `1)`), and line breaks become `<br>`:
 * the text stays on one line, so nothing later in it can start a block.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/(^|\s)#/g, '$1\\#')
    .replace(/^(?:>|[+-](?=\s|$|-))/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes text for one cell of a Markdown table: as {@link markdownText}, and pipes too. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\|/g, '\\|');
}

/** How text is escaped where it goes: {@link markdownCell} in the table, {@link markdownText} elsewhere. */
type Escape = (text: string) => string;

/** What was heard for one prompt: its themes in order, each with its notes, then the notes in no theme. */
interface Heard {
  readonly themes: readonly { readonly theme: Theme; readonly notes: readonly Note[] }[];
  readonly loose: readonly Note[];
}

function heard(board: BoardState, prompt: Prompt): Heard {
  const notes = [...board.notes.values()].filter((n) => n.promptId === prompt.id).sort(compareByOrder);
  const themes = [...board.themes.values()].filter((t) => t.promptId === prompt.id).sort(compareByOrder);
  return {
    themes: themes.map((theme) => ({ theme, notes: notes.filter((n) => n.themeId === theme.id) })),
    loose: notes.filter((n) => n.themeId === null),
  };
}

/** A note as one line of text: its words, and "(need)" when it is a non-negotiable. */
function noteLine(note: Note, escapeText: Escape, t: ExportText): string {
  return `${escapeText(note.text)}${note.tag === 'need' ? t.needMark : ''}`;
}

/** A theme's name in bold with its note and need counts: `**Wellbeing** (2 notes, 1 need)`. */
function themeHead(theme: Theme, notes: readonly Note[], escapeText: Escape, t: ExportText): string {
  const needs = notes.filter((n) => n.tag === 'need').length;
  return `**${escapeText(theme.name)}** (${t.themeCounts(notes.length, needs)})`;
}

/** "What we heard" as one table cell: each theme with its counts and its notes, then the notes in no theme, one per line. */
function heardCell(board: BoardState, prompt: Prompt, t: ExportText): string {
  const { themes, loose } = heard(board, prompt);
  const lines = [
    ...themes.map(({ theme, notes }) => {
      const head = themeHead(theme, notes, markdownCell, t);
      return notes.length === 0 ? head : `${head}: ${notes.map((n) => noteLine(n, markdownCell, t)).join('; ')}`;
    }),
    ...loose.map((n) => noteLine(n, markdownCell, t)),
  ];
  return lines.length === 0 ? '—' : lines.map((l) => `• ${l}`).join('<br>');
}

/** "What we heard" as a Markdown list: a theme per item with its notes as sub-items, then the notes in no theme. */
function heardList(board: BoardState, prompt: Prompt, t: ExportText): string[] {
  const { themes, loose } = heard(board, prompt);
  // One list item per note: a note written on several lines stays one item.
  const lines = [
    ...themes.flatMap(({ theme, notes }) => [
      `- ${themeHead(theme, notes, markdownText, t)}`,
      ...notes.map((n) => `  - ${noteLine(n, markdownText, t)}`),
    ]),
    ...loose.map((n) => `- ${noteLine(n, markdownText, t)}`),
  ];
  return lines.length > 0 ? lines : [`- ${t.nothingShared}`];
}

/** The agreed statements of a prompt that are in force (locked), oldest decision first. */
export function inForce(board: BoardState, promptId: string): AgreementItem[] {
  return [...board.agreements.values()]
    .filter((a) => a.promptId === promptId && a.status === 'locked')
    .sort((a, b) => a.decidedAt - b.decidedAt);
}

/**
 * How an item was decided, in the export's words `t` (English by default): "decided by consensus
 * in round 2 on 2024-03-11 (version 1): 3 agree, 1 can live with it, 0 block".
 */
export function decisionRecord(item: AgreementItem, t: ExportText = exportText('en')): string {
  return t.decided({
    rule: t.rules[item.rule],
    round: item.round,
    date: t.day(item.decidedAt),
    version: item.version,
    counts: t.counts(item.counts),
  });
}

/** Ends a line with a full stop, unless its last words already end a sentence. */
function sentence(line: string): string {
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

/** How an item left force: what replaced it, which round retired it, or why it was unlocked. */
function howItEnded(board: BoardState, item: AgreementItem, t: ExportText): string {
  const endedOn = t.day(item.endedAt ?? 0);
  switch (item.status) {
    case 'unlocked':
      return t.unlocked(t.day(item.unlockedAt ?? 0), markdownText(item.unlockReason ?? ''));
    case 'replaced': {
      const next = [...board.agreements.values()].find((a) => board.proposals.get(a.proposalId)?.targetAgreementId === item.id);
      return t.replaced(endedOn, next ? markdownText(next.statement) : null);
    }
    case 'retired': {
      const round = [...board.proposals.values()].find(
        (p) => p.kind === 'retire' && p.status === 'passed' && p.targetAgreementId === item.id,
      );
      if (!round?.outcome) return t.retiredByRound(endedOn);
      return t.retired({
        date: endedOn,
        rule: t.rules[round.rule],
        round: round.round,
        counts: t.counts(round.outcome.counts),
        proposal: markdownText(round.statement),
      });
    }
    case 'locked':
      return t.inForce;
  }
}

/**
 * A round that did not pass, so the group remembers why: its statement (and the item it would
 * have changed), its counts and outcome sentence, then every reason as published — unattributed.
 */
function failedRound(board: BoardState, round: Proposal, t: ExportText): string[] {
  const target = round.targetAgreementId === null ? undefined : board.agreements.get(round.targetAgreementId);
  const about = !target
    ? ''
    : round.kind === 'amend'
      ? t.newWordingFor(markdownText(target.statement))
      : t.toRetire(markdownText(target.statement));
  const outcome = round.outcome;
  const statement = markdownText(round.statement);
  const rule = t.rules[round.rule];
  if (!outcome) return [`- **${statement}**${about} — ${t.didNotPass(round.round, rule)}`];
  const result = t.roundOutcome({ round: round.round, rule, date: t.day(round.closedAt ?? 0), counts: t.counts(outcome.counts) });
  return [
    sentence(`- **${statement}**${about} — ${result} ${outcomeSentence(round, outcome, t.why)}`),
    ...outcome.reasons.map((r) => `  - ${t.reason(t.responses[r.response], markdownText(r.text))}`),
  ];
}

/**
 * The agreement as Markdown, after the example table of the working agreement questionnaire:
 * one row per prompt — the prompt, what we heard, what we agreed — then the decision records, the
 * action details, the rounds that did not pass (with their reasons), the items that were changed
 * or dropped, "what we know about each other", and the closed versions. In `language`: the
 * board's content language unless another is asked for (the board's own words stay as written).
 */
export function exportBoardMarkdown(board: BoardState, language: ContentLanguage = boardLanguage(board.meta)): string {
  const t = exportText(language);
  const { meta } = board;
  const prompts = [...board.prompts.values()].sort(compareByOrder);
  const align = prompts.filter((p) => p.kind === 'align');
  const awareness = prompts.filter((p) => p.kind === 'awareness');
  const out: string[] = [`# ${markdownText(meta.title)}`, ''];
  if (meta.purpose) out.push(markdownText(meta.purpose), '');
  const status = t.status(meta.version, meta.isClosed);
  // Times are shown as their UTC calendar day, whoever downloads the file and wherever.
  const checkIn = meta.checkInDate ? t.checkIn(t.day(Date.parse(`${meta.checkInDate}T00:00:00Z`))) : '';
  out.push(`${status}.${checkIn}${t.datesInUtc}`, '');
  out.push(`## ${t.agreementHeading}`, '', `| ${t.tableHead.join(' | ')} |`, '|---|---|---|');
  for (const prompt of align) {
    const agreed = inForce(board, prompt.id)
      .map((a) => `• ${markdownCell(a.statement)}`)
      .join('<br>');
    out.push(`| ${markdownCell(prompt.text)} | ${heardCell(board, prompt, t)} | ${agreed || '—'} |`);
  }
  const items = align.flatMap((p) => inForce(board, p.id));
  out.push('', `## ${t.decisionRecordsHeading}`, '');
  if (items.length === 0) out.push(t.nothingAgreed);
  for (const item of items) {
    out.push(`- **${markdownText(item.statement)}** — ${decisionRecord(item, t)}.`);
    if (item.smartie) {
      const s = item.smartie;
      const deadline = s.deadline === null ? '—' : t.day(Date.parse(`${s.deadline}T00:00:00Z`));
      out.push(
        `  - ${t.smartie({
          owner: markdownText(s.owner) || '—',
          measure: markdownText(s.measure) || '—',
          deadline,
          equity: markdownText(s.equityCheck) || '—',
        })}`,
      );
    }
  }
  const failed = [...board.proposals.values()]
    .filter((p) => p.status === 'failed')
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || (a.id < b.id ? -1 : 1));
  if (failed.length > 0) {
    out.push('', `### ${t.failedHeading}`, '');
    for (const round of failed) out.push(...failedRound(board, round, t));
  }
  const ended = [...board.agreements.values()].filter((a) => a.status !== 'locked').sort((a, b) => a.decidedAt - b.decidedAt);
  if (ended.length > 0) {
    out.push('', `## ${t.endedHeading}`, '');
    for (const item of ended)
      out.push(sentence(`- ~~${markdownText(item.statement)}~~ — ${decisionRecord(item, t)}; ${howItEnded(board, item, t)}`));
  }
  out.push('', `## ${t.awarenessHeading}`, '');
  if (awareness.length === 0) out.push(t.noAwareness);
  for (const prompt of awareness) {
    out.push(`### ${markdownText(prompt.text)}`, '', ...heardList(board, prompt, t), '');
  }
  if (out.at(-1) !== '') out.push('');
  out.push(`## ${t.versionsHeading}`, '');
  const versions = [...board.versions.values()].sort((a, b) => a.number - b.number);
  if (versions.length === 0) out.push(t.noVersions);
  for (const v of versions) out.push(`- ${t.versionLine(v.number, t.day(v.closedAt), v.items.length)}`);
  return `${out.join('\n').trimEnd()}\n`;
}
