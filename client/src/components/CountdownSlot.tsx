import { lazy, Suspense, useState } from 'react';
import { useBoardStore } from '../store/boardStore';

const Countdown = lazy(() => import('./Countdown').then((module) => ({ default: module.Countdown })));

/**
 * The participant's countdown (in the sticky header), fetched the first time the board has a timer: people join and
 * write with none running, and its code (the beep included) stays out of their first load. A timer
 * started after this page opened is announced ("Timer started") by the countdown as it mounts; one
 * already running when the page opened is not. Once shown it stays mounted, to say "Timer stopped".
 * Only rendered with a board loaded (ParticipantBoard).
 */
export function CountdownSlot() {
  const hasTimer = useBoardStore((s) => s.board?.meta.timer != null);
  const [hadNoTimerAtFirst] = useState(() => useBoardStore.getState().board?.meta.timer == null);
  const [isShown, setShown] = useState(hasTimer);
  if (hasTimer && !isShown) setShown(true);
  if (!isShown) return null;
  return (
    <Suspense fallback={null}>
      <Countdown isStartAnnouncedOnMount={hadNoTimerAtFirst} />
    </Suspense>
  );
}
