import { useId } from 'react';
import type { NoteTag } from '../../../shared/records/Note';
import { type MessageKey, useT } from '../i18n/i18n';

const OPTIONS: readonly { value: NoteTag | null; label: MessageKey }[] = [
  { value: null, label: 'tags.none' },
  { value: 'need', label: 'tags.needChoice' },
  { value: 'nice', label: 'tags.nice' },
];

/** The tag of a note as a radio group: arrow keys move between options, as people expect. */
export function TagChoice({
  value,
  onChange,
}: {
  readonly value: NoteTag | null;
  readonly onChange: (tag: NoteTag | null) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="tag-choice">
      <legend>{t('tags.legend')}</legend>
      {OPTIONS.map((option) => (
        <label key={option.value ?? 'none'} className="tag-choice__option">
          <input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
          {t(option.label)}
        </label>
      ))}
    </fieldset>
  );
}
