import { REACTIONS, type MarkCounts, type MarkKind } from '../../../../shared/records/Mark';
import { useT } from '../../i18n/i18n';
import { useMyMarks } from '../../store/myMarksStore';
import { react } from '../../sync/commands';
import { REACTION_FACES, reactionsLine } from './markCopy';
import './marks.css';

const NO_KINDS: readonly MarkKind[] = [];

export interface ReactionsProps {
  readonly noteId: string;
  readonly counts: MarkCounts | undefined;
  /** False: the counts only (the facilitator's and the projector's view). */
  readonly canReact: boolean;
}

/**
 * A note's reactions: a toggle button per kind with how many people chose it. Everyone sees the
 * counts; only I know which are mine (my private slice), and nobody learns who else reacted.
 */
export function Reactions({ noteId, counts, canReact }: ReactionsProps) {
  const t = useT();
  const mine = useMyMarks((s) => s[noteId] ?? NO_KINDS);
  if (!canReact) {
    const line = reactionsLine(counts);
    if (line === '') return null;
    return (
      <p className="reactions reactions--counts">
        <span className="visually-hidden">{t('marks.reactions', { line })}</span>
        {REACTIONS.filter((r) => (counts?.[r] ?? 0) > 0).map((r) => (
          <span key={r} className="reaction reaction--count" aria-hidden="true">
            {REACTION_FACES[r].emoji} {counts?.[r]}
          </span>
        ))}
      </p>
    );
  }
  return (
    <fieldset className="reactions reactions--buttons">
      <legend className="visually-hidden">{t('marks.reactTo')}</legend>
      {REACTIONS.map((reaction) => {
        const count = counts?.[reaction] ?? 0;
        const isMine = mine.includes(reaction);
        const { emoji } = REACTION_FACES[reaction];
        const name = t(REACTION_FACES[reaction].name);
        return (
          <button
            key={reaction}
            type="button"
            className={`reaction${isMine ? ' reaction--mine' : ''}`}
            aria-pressed={isMine}
            aria-label={t('marks.reactButton', { name, count })}
            title={name}
            onClick={() => react(noteId, reaction, !isMine)}
          >
            <span aria-hidden="true">{emoji}</span>
            {count > 0 && (
              <span className="reaction__count" aria-hidden="true">
                {count}
              </span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
