import type { NoteTag } from '../../../shared/records/Note';
import { type MessageKey, useT } from '../i18n/i18n';

const LABELS: Readonly<Record<NoteTag, MessageKey>> = { need: 'tags.need', nice: 'tags.nice' };

/** A note's tag, in words and colour (never colour alone). */
export function TagBadge({ tag }: { readonly tag: NoteTag }) {
  const t = useT();
  return (
    <span className={`tag tag--${tag}`} title={tag === 'need' ? t('tags.needTitle') : undefined}>
      {t(LABELS[tag])}
    </span>
  );
}
