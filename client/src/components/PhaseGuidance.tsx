import type { Phase } from '../../../shared/phases';
import { PHASE_NAMES, phaseGuidance } from '../copy';
import { useBoardStore } from '../store/boardStore';

/** One sentence: what to do now. */
export function PhaseGuidance({ phase }: { readonly phase: Phase }) {
  const isAnonymous = useBoardStore((s) => s.board?.meta.settings.isAnonymous ?? true);
  return (
    <p className="guidance">
      <span className="guidance__phase">{PHASE_NAMES[phase]}</span> {phaseGuidance(phase, isAnonymous)}
    </p>
  );
}
