import type { BoardState } from '../domain/state';
import { compareByOrder } from '../compareByOrder';
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

const RULE_NAMES = { consensus: 'consensus', consent: 'consent', majority: 'majority' } as const;

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

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
function noteLine(note: Note, escapeText: Escape): string {
  return `${escapeText(note.text)}${note.tag === 'need' ? ' (need)' : ''}`;
}

/** A theme's name in bold with its note and need counts: `**Wellbeing** (2 notes, 1 need)`. */
function themeHead(theme: Theme, notes: readonly Note[], escapeText: Escape): string {
  const needs = notes.filter((n) => n.tag === 'need').length;
  const counts = `${notes.length} ${notes.length === 1 ? 'note' : 'notes'}${needs > 0 ? `, ${needs} need${needs === 1 ? '' : 's'}` : ''}`;
  return `**${escapeText(theme.name)}** (${counts})`;
}

/** "What we heard" as one table cell: each theme with its counts and its notes, then the notes in no theme, one per line. */
function heardCell(board: BoardState, prompt: Prompt): string {
  const { themes, loose } = heard(board, prompt);
  const lines = [
    ...themes.map(({ theme, notes }) => {
      const head = themeHead(theme, notes, markdownCell);
      return notes.length === 0 ? head : `${head}: ${notes.map((n) => noteLine(n, markdownCell)).join('; ')}`;
    }),
    ...loose.map((n) => noteLine(n, markdownCell)),
  ];
  return lines.length === 0 ? '—' : lines.map((l) => `• ${l}`).join('<br>');
}

/** "What we heard" as a Markdown list: a theme per item with its notes as sub-items, then the notes in no theme. */
function heardList(board: BoardState, prompt: Prompt): string[] {
  const { themes, loose } = heard(board, prompt);
  // One list item per note: a note written on several lines stays one item.
  const lines = [
    ...themes.flatMap(({ theme, notes }) => [
      `- ${themeHead(theme, notes, markdownText)}`,
      ...notes.map((n) => `  - ${noteLine(n, markdownText)}`),
    ]),
    ...loose.map((n) => `- ${noteLine(n, markdownText)}`),
  ];
  return lines.length > 0 ? lines : ['- Nothing shared yet.'];
}

/** The agreed statements of a prompt that are in force (locked), oldest decision first. */
export function inForce(board: BoardState, promptId: string): AgreementItem[] {
  return [...board.agreements.values()]
    .filter((a) => a.promptId === promptId && a.status === 'locked')
    .sort((a, b) => a.decidedAt - b.decidedAt);
}

/** How an item was decided: "decided by consensus in round 2 on 2024-03-11 (version 1): 3 agree, 1 can live with it, 0 block". */
export function decisionRecord(item: AgreementItem): string {
  const { agree, canLive, block } = item.counts;
  return `decided by ${RULE_NAMES[item.rule]} in round ${item.round} on ${date(item.decidedAt)} (version ${item.version}): ${agree} agree, ${canLive} can live with it, ${block} block`;
}

/** Ends a line with a full stop, unless its last words already end a sentence. */
function sentence(line: string): string {
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

/** How an item left force: what replaced it, which round retired it, or why it was unlocked. */
function howItEnded(board: BoardState, item: AgreementItem): string {
  const endedOn = date(item.endedAt ?? 0);
  switch (item.status) {
    case 'unlocked':
      return `unlocked on ${date(item.unlockedAt ?? 0)}: ${markdownText(item.unlockReason ?? '')}`;
    case 'replaced': {
      const next = [...board.agreements.values()].find((a) => board.proposals.get(a.proposalId)?.targetAgreementId === item.id);
      return next ? `replaced on ${endedOn} by: ${markdownText(next.statement)}` : `replaced on ${endedOn}`;
    }
    case 'retired': {
      const round = [...board.proposals.values()].find(
        (p) => p.kind === 'retire' && p.status === 'passed' && p.targetAgreementId === item.id,
      );
      if (!round?.outcome) return `retired on ${endedOn} by a round`;
      const { agree, canLive, block } = round.outcome.counts;
      return `retired on ${endedOn} by a round (${RULE_NAMES[round.rule]}, round ${round.round}: ${agree} agree, ${canLive} can live with it, ${block} block) on the proposal: ${markdownText(round.statement)}`;
    }
    case 'locked':
      return 'in force';
  }
}

const RESPONSE_NAMES = { agree: 'agree', canLive: 'can live with it', block: 'block' } as const;

/**
 * A round that did not pass, so the group remembers why: its statement (and the item it would
 * have changed), its counts and outcome sentence, then every reason as published — unattributed.
 */
function failedRound(board: BoardState, round: Proposal): string[] {
  const target = round.targetAgreementId === null ? undefined : board.agreements.get(round.targetAgreementId);
  const about = !target
    ? ''
    : round.kind === 'amend'
      ? ` (new wording for: ${markdownText(target.statement)})`
      : ` (to retire: ${markdownText(target.statement)})`;
  const outcome = round.outcome;
  const statement = markdownText(round.statement);
  if (!outcome) return [`- **${statement}**${about} — round ${round.round} by ${RULE_NAMES[round.rule]}: did not pass.`];
  const { agree, canLive, block } = outcome.counts;
  return [
    sentence(
      `- **${statement}**${about} — round ${round.round} by ${RULE_NAMES[round.rule]} on ${date(round.closedAt ?? 0)}: ${agree} agree, ${canLive} can live with it, ${block} block. ${outcome.explanation}`,
    ),
    ...outcome.reasons.map((r) => `  - Reason (${RESPONSE_NAMES[r.response]}): ${markdownText(r.text)}`),
  ];
}

/**
 * The agreement as Markdown, after the example table of the working agreement questionnaire:
 * one row per prompt — the prompt, what we heard, what we agreed — then the decision records, the
 * action details, the rounds that did not pass (with their reasons), the items that were changed
 * or dropped, "what we know about each other", and the closed versions.
 */
export function exportBoardMarkdown(board: BoardState): string {
  const { meta } = board;
  const prompts = [...board.prompts.values()].sort(compareByOrder);
  const align = prompts.filter((p) => p.kind === 'align');
  const awareness = prompts.filter((p) => p.kind === 'awareness');
  const out: string[] = [`# ${markdownText(meta.title)}`, ''];
  if (meta.purpose) out.push(markdownText(meta.purpose), '');
  const status = meta.isClosed ? `Version ${meta.version}, final` : `Version ${meta.version}, in progress`;
  // Times are shown as their UTC calendar day, whoever downloads the file and wherever.
  out.push(`${status}.${meta.checkInDate ? ` We check in on ${meta.checkInDate}.` : ''} (Dates in UTC.)`, '');
  out.push('## Our agreement', '', '| Prompt | What we heard | What we agreed |', '|---|---|---|');
  for (const prompt of align) {
    const agreed = inForce(board, prompt.id)
      .map((a) => `• ${markdownCell(a.statement)}`)
      .join('<br>');
    out.push(`| ${markdownCell(prompt.text)} | ${heardCell(board, prompt)} | ${agreed || '—'} |`);
  }
  const items = align.flatMap((p) => inForce(board, p.id));
  out.push('', '## Decision records', '');
  if (items.length === 0) out.push('Nothing has been agreed yet.');
  for (const item of items) {
    out.push(`- **${markdownText(item.statement)}** — ${decisionRecord(item)}.`);
    if (item.smartie) {
      const s = item.smartie;
      out.push(
        `  - Owner: ${markdownText(s.owner) || '—'}; measure: ${markdownText(s.measure) || '—'}; deadline: ${s.deadline ?? '—'}; inclusion and equity: ${markdownText(s.equityCheck) || '—'}`,
      );
    }
  }
  const failed = [...board.proposals.values()]
    .filter((p) => p.status === 'failed')
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || (a.id < b.id ? -1 : 1));
  if (failed.length > 0) {
    out.push('', '### Rounds that did not pass', '');
    for (const round of failed) out.push(...failedRound(board, round));
  }
  const ended = [...board.agreements.values()].filter((a) => a.status !== 'locked').sort((a, b) => a.decidedAt - b.decidedAt);
  if (ended.length > 0) {
    out.push('', '## Changed, retired or unlocked', '');
    for (const item of ended)
      out.push(sentence(`- ~~${markdownText(item.statement)}~~ — ${decisionRecord(item)}; ${howItEnded(board, item)}`));
  }
  out.push('', '## What we know about each other', '');
  if (awareness.length === 0) out.push('No awareness prompts on this board.');
  for (const prompt of awareness) {
    out.push(`### ${markdownText(prompt.text)}`, '', ...heardList(board, prompt), '');
  }
  if (out.at(-1) !== '') out.push('');
  out.push('## Versions', '');
  const versions = [...board.versions.values()].sort((a, b) => a.number - b.number);
  if (versions.length === 0) out.push('No version has been closed yet.');
  for (const v of versions) {
    out.push(
      `- Version ${v.number}: closed on ${date(v.closedAt)}, ${v.items.length} ${v.items.length === 1 ? 'item' : 'items'}.`,
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
