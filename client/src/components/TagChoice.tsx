import { useId } from 'react';
import type { NoteTag } from '../../../shared/records/Note';

const OPTIONS: readonly { value: NoteTag | null; label: string }[] = [
  { value: null, label: 'None' },
  { value: 'need', label: 'Need (non-negotiable)' },
  { value: 'nice', label: 'Nice to have' },
];

/** The tag of a note as a radio group: arrow keys move between options, as people expect. */
export function TagChoice({
  value,
  onChange,
}: {
  readonly value: NoteTag | null;
  readonly onChange: (tag: NoteTag | null) => void;
}) {
  const name = useId();
  return (
    <fieldset className="tag-choice">
      <legend>Tag</legend>
      {OPTIONS.map((option) => (
        <label key={option.label} className="tag-choice__option">
          <input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
