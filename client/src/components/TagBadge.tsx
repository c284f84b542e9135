import type { NoteTag } from '../../../shared/records/Note';

const LABELS: Readonly<Record<NoteTag, string>> = { need: 'Need', nice: 'Nice to have' };

/** A note's tag, in words and colour (never colour alone). */
export function TagBadge({ tag }: { readonly tag: NoteTag }) {
  return (
    <span className={`tag tag--${tag}`} title={tag === 'need' ? 'A need: not negotiable' : undefined}>
      {LABELS[tag]}
    </span>
  );
}
