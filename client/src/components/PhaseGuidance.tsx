import type { Phase } from '../../../shared/phases';
import { phaseGuidance, phaseName } from '../copy';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';

/** One sentence: what to do now. */
export function PhaseGuidance({ phase }: { readonly phase: Phase }) {
  const t = useT();
  const isAnonymous = useBoardStore((s) => s.board?.meta.settings.isAnonymous ?? true);
  return (
    <p className="guidance">
      <span className="guidance__phase">{phaseName(phase, t)}</span> {phaseGuidance(phase, isAnonymous, t)}
    </p>
  );
}
