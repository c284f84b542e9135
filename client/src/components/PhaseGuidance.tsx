import { PHASE_GUIDANCE, type Phase } from '../../../shared/phases';
import { PHASE_NAMES } from '../copy';

/** One sentence: what to do now. */
export function PhaseGuidance({ phase }: { readonly phase: Phase }) {
  return (
    <p className="guidance">
      <span className="guidance__phase">{PHASE_NAMES[phase]}</span> {PHASE_GUIDANCE[phase]}
    </p>
  );
}
