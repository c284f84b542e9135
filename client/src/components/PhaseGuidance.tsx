import { PHASE_GUIDANCE, type Phase } from '../../../shared/phases';
import { PHASE_NAMES } from '../copy';
import { useBoardStore } from '../store/boardStore';

/** One sentence: what to do now. */
export function PhaseGuidance({ phase }: { readonly phase: Phase }) {
  const isNamed = useBoardStore((s) => s.board?.meta.settings.isAnonymous === false);
  return (
    <p className="guidance">
      <span className="guidance__phase">{PHASE_NAMES[phase]}</span>{' '}
      {isNamed && phase === 'share'
        ? 'Answers are being shown to everyone, with their authors’ names. You can still add more.'
        : PHASE_GUIDANCE[phase]}
    </p>
  );
}
