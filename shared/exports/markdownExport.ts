import type { BoardState } from '../domain/state';
import { compareByOrder } from '../fractionalIndex';
import type { AgreementItem } from '../records/AgreementItem';
import type { Prompt } from '../records/Prompt';

/** Escapes text for one cell of a Markdown table (pipes, line breaks). */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

const RULE_NAMES = { consensus: 'consensus', consent: 'consent', majority: 'majority' } as const;

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "What we heard", one entry per line: each theme with its note and need counts, then the notes in no theme. */
function heard(board: BoardState, prompt: Prompt): string[] {
  const notes = [...board.notes.values()].filter((n) => n.promptId === prompt.id);
  const themes = [...board.themes.values()].filter((t) => t.promptId === prompt.id).sort(compareByOrder);
  const lines = themes.map((theme) => {
    const inTheme = notes.filter((n) => n.themeId === theme.id);
    const needs = inTheme.filter((n) => n.tag === 'need').length;
    return `${theme.name} (${inTheme.length} ${inTheme.length === 1 ? 'note' : 'notes'}${needs > 0 ? `, ${needs} need${needs === 1 ? '' : 's'}` : ''})`;
  });
  const loose = notes.filter((n) => n.themeId === null).sort(compareByOrder);
  lines.push(...loose.map((n) => `${n.text}${n.tag === 'need' ? ' (need)' : ''}`));
  return lines;
}

/** "What we heard" as one table cell. */
function heardCell(board: BoardState, prompt: Prompt): string {
  const lines = heard(board, prompt);
  return lines.length === 0 ? '—' : lines.map((l) => `• ${markdownCell(l)}`).join('<br>');
}

function inForce(board: BoardState, promptId: string): AgreementItem[] {
  return [...board.agreements.values()]
    .filter((a) => a.promptId === promptId && a.status === 'locked')
    .sort((a, b) => a.decidedAt - b.decidedAt);
}

function record(item: AgreementItem): string {
  const { agree, canLive, block } = item.counts;
  return `decided by ${RULE_NAMES[item.rule]} in round ${item.round} on ${date(item.decidedAt)} (version ${item.version}): ${agree} agree, ${canLive} can live with it, ${block} block`;
}

/**
 * The agreement as Markdown, after the example table of the working agreement questionnaire:
 * one row per prompt — the prompt, what we heard, what we agreed — then the decision records, the
 * action details, the items that were changed or dropped, and "what we know about each other".
 */
export function exportBoardMarkdown(board: BoardState): string {
  const { meta } = board;
  const prompts = [...board.prompts.values()].sort(compareByOrder);
  const align = prompts.filter((p) => p.kind === 'align');
  const awareness = prompts.filter((p) => p.kind === 'awareness');
  const out: string[] = [`# ${meta.title}`, ''];
  if (meta.purpose) out.push(meta.purpose, '');
  const status = meta.isClosed ? `Version ${meta.version}, final` : `Version ${meta.version}, in progress`;
  out.push(`${status}.${meta.checkInDate ? ` We check in on ${meta.checkInDate}.` : ''}`, '');
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
    out.push(`- **${item.statement}** — ${record(item)}.`);
    if (item.smartie) {
      const s = item.smartie;
      out.push(
        `  - Owner: ${s.owner || '—'}; measure: ${s.measure || '—'}; deadline: ${s.deadline ?? '—'}; inclusion and equity: ${s.equityCheck || '—'}`,
      );
    }
  }
  const ended = [...board.agreements.values()].filter((a) => a.status !== 'locked').sort((a, b) => a.decidedAt - b.decidedAt);
  if (ended.length > 0) {
    out.push('', '## Changed, retired or unlocked', '');
    for (const item of ended) {
      const why =
        item.status === 'unlocked'
          ? `unlocked on ${date(item.unlockedAt ?? 0)}: ${item.unlockReason ?? ''}`
          : `${item.status} on ${date(item.endedAt ?? 0)}`;
      out.push(`- ~~${item.statement}~~ — ${record(item)}; ${why}.`);
    }
  }
  out.push('', '## What we know about each other', '');
  if (awareness.length === 0) out.push('No awareness prompts on this board.');
  for (const prompt of awareness) {
    out.push(`### ${prompt.text}`, '');
    // One list item per entry: a note written on several lines stays one item.
    const lines = heard(board, prompt);
    out.push(...(lines.length > 0 ? lines.map((l) => `- ${markdownCell(l)}`) : ['- Nothing shared yet.']), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
