import { findTransition, nextPhase, PHASES, type Phase, previousPhase } from '../../../../shared/phases';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { phaseName } from '../../copy';
import { type Translate, translate, useLocale, useT } from '../../i18n/i18n';
import { isRightToLeft } from '../../i18n/locales';
import { changePhase } from '../../sync/commands';
import { useConfirm } from './useConfirm';

function allowedMove(from: Phase, to: Phase | null): Phase | null {
  return to !== null && findTransition(from, to) ? to : null;
}

/** Why Next does not move on, in a few words that fit under "Next" on a phone. */
export function nextBlockedReason(phase: Phase, isClosed: boolean, version: number, t: Translate = translate): string {
  if (isClosed) return t('facilitator.stepper.versionFinal', { version });
  if (phase === 'agreement') return t('facilitator.stepper.closeBelow');
  return t('facilitator.stepper.closeFromAgreement', { phase: phaseName('agreement', t) });
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
  const t = useT();
  // Back points the way one came from: to the right in a right-to-left language.
  const [backArrow, nextArrow] = isRightToLeft(useLocale()) ? ['→', '←'] : ['←', '→'];
  const confirm = useConfirm();
  const back = isClosed ? null : allowedMove(phase, previousPhase(phase));
  // From Agreement the way on is closing the workshop, then reopening it for the next version.
  const next = isClosed || phase === 'agreement' ? null : allowedMove(phase, nextPhase(phase));

  const moveTo = async (target: Phase) => {
    const result = await changePhase(target);
    if (!result.ok && result.error === 'confirmation_required') {
      confirm.ask({
        title: t('facilitator.stepper.goBackTitle', { phase: phaseName(target, t) }),
        message: result.message,
        confirmLabel: t('facilitator.stepper.goTo', { phase: phaseName(target, t) }),
        onConfirm: () => void changePhase(target, true),
      });
    }
  };

  return (
    <nav className="stepper" aria-label={t('facilitator.stepper.label')}>
      <button type="button" className="button stepper__back" disabled={back === null} onClick={() => back && moveTo(back)}>
        <span aria-hidden="true">{backArrow}</span>
        <span className="stepper__back-label">
          {back ? t('facilitator.stepper.backTo', { phase: phaseName(back, t) }) : t('facilitator.stepper.back')}
        </span>
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
            <span className="stepper__name">{phaseName(p, t)}</span>
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
            {t('facilitator.stepper.nextTo', { phase: phaseName(next, t) })}
            <span aria-hidden="true"> {nextArrow}</span>
          </>
        ) : (
          <span className="stepper__blocked">
            {t('facilitator.stepper.next')} <span className="stepper__why">{nextBlockedReason(phase, isClosed, version, t)}</span>
          </span>
        )}
      </button>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </nav>
  );
}
