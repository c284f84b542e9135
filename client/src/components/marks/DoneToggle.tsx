import { useT } from '../../i18n/i18n';
import { useMyMarks } from '../../store/myMarksStore';
import { announce } from '../../store/toastStore';
import { markDone } from '../../sync/commands';
import './marks.css';

export interface DoneToggleProps {
  /** A prompt (in reflect) or the open vote round (in vote). */
  readonly targetId: string;
  /** What the button says before it is pressed: "I'm done with this question". */
  readonly label: string;
}

/** "I'm done": a toggle the facilitator counts (never who). Pressed again, it is taken back. */
export function DoneToggle({ targetId, label }: DoneToggleProps) {
  const t = useT();
  const isDone = useMyMarks((s) => s[targetId]?.includes('done') ?? false);
  const toggle = () => {
    if (markDone(targetId, !isDone) !== null) return;
    announce(isDone ? t('marks.notDone') : t('marks.markedDone', { privacy: t('marks.donePrivacy') }));
  };
  return (
    <div className="done">
      <button
        type="button"
        className={`button button--small done__button${isDone ? ' done__button--on' : ''}`}
        aria-pressed={isDone}
        onClick={toggle}
      >
        {isDone ? t('marks.doneOn') : label}
      </button>
      <p className="done__hint">{isDone ? t('marks.pressAgain') : t('marks.donePrivacy')}</p>
    </div>
  );
}
