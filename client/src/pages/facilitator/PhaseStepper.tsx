import { findTransition, nextPhase, PHASES, type Phase, previousPhase } from '../../../../shared/phases';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PHASE_NAMES } from '../../copy';
import { changePhase } from '../../sync/commands';
import { useConfirm } from './useConfirm';

function allowedMove(from: Phase, to: Phase | null): Phase | null {
  return to !== null && findTransition(from, to) ? to : null;
}

/** Why Next does not move on, in a few words that fit under "Next" on a phone. */
export function nextBlockedReason(phase: Phase, isClosed: boolean, version: number): string {
  if (isClosed) return `Version ${version} is final`;
  if (phase === 'agreement') return 'Close the workshop below';
  return 'Close it from Agreement';
}

/**
 * All phases in order with the current one marked; Back and Next follow the transition table.
 * On a phone only the current phase keeps its name and Back shows its arrow alone (the rest is
 * said to screen readers), so that the header stays one row of controls.
 */
export function PhaseStepper({
  phase,
  isClosed = false,
  version = 1,
}: {
  readonly phase: Phase;
  /** A closed workshop stays where it is until it is reopened for the next version. */
  readonly isClosed?: boolean;
  readonly version?: number;
}) {
  const confirm = useConfirm();
  const back = isClosed ? null : allowedMove(phase, previousPhase(phase));
  // From Agreement the way on is closing the workshop, then reopening it for the next version.
  const next = isClosed || phase === 'agreement' ? null : allowedMove(phase, nextPhase(phase));

  const moveTo = async (target: Phase) => {
    const result = await changePhase(target);
    if (!result.ok && result.error === 'confirmation_required') {
      confirm.ask({
        title: `Go back to ${PHASE_NAMES[target]}?`,
        message: result.message,
        confirmLabel: `Go to ${PHASE_NAMES[target]}`,
        onConfirm: () => void changePhase(target, true),
      });
    }
  };

  return (
    <nav className="stepper" aria-label="Workshop phases">
      <button type="button" className="button stepper__back" disabled={back === null} onClick={() => back && moveTo(back)}>
        <span aria-hidden="true">←</span>
        <span className="stepper__back-label">{back ? `Back to ${PHASE_NAMES[back]}` : 'Back'}</span>
      </button>
      <ol className="stepper__list">
        {PHASES.map((p, i) => (
          <li
            key={p}
            className={`stepper__step${p === phase ? ' stepper__step--current' : ''}`}
            aria-current={p === phase ? 'step' : undefined}
          >
            <span className="stepper__number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="stepper__name">{PHASE_NAMES[p]}</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--primary stepper__next"
        disabled={next === null}
        onClick={() => next && moveTo(next)}
      >
        {next ? (
          <>
            Next: {PHASE_NAMES[next]}
            <span aria-hidden="true"> →</span>
          </>
        ) : (
          <span className="stepper__blocked">
            Next <span className="stepper__why">{nextBlockedReason(phase, isClosed, version)}</span>
          </span>
        )}
      </button>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </nav>
  );
}
