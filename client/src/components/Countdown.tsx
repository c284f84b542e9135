import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { remainingMs } from '../../../shared/domain/timerCommands';
import type { BoardTimer } from '../../../shared/records/BoardMeta';
import { translate, useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';
import { announce, announceQuietly } from '../store/toastStore';
import { beep, isTimerSoundOn, setTimerSound, subscribeTimerSound } from './timerSound';
import './countdown.css';

/** "4:07", "12:00", "1:02:03". */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "4 minutes 7 seconds": how a screen reader should say a remaining time. */
function spoken(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return translate('countdown.seconds', { seconds });
  if (seconds === 0) return translate('countdown.minutes', { minutes });
  return translate('countdown.minutesSeconds', { minutes, seconds });
}

const ONE_MINUTE_MS = 60_000;

/**
 * Says the timer's key moments in the page's live region (started, changed, one minute left, time
 * is up, stopped), never every second. Only one Countdown per page announces.
 */
function useKeyMoments(
  timer: BoardTimer | null,
  left: number,
  offsetMs: number,
  isAnnouncing: boolean,
  isStartAnnouncedOnMount: boolean,
): void {
  const previous = useRef<{ timer: BoardTimer | null; left: number } | null>(
    isStartAnnouncedOnMount ? { timer: null, left: 0 } : null,
  );
  useEffect(() => {
    const before = previous.current;
    previous.current = { timer, left };
    if (!isAnnouncing || before === null) return;
    if (before.timer === null && timer !== null) {
      announceQuietly(translate('countdown.started', { time: spoken(remainingMs(timer, Date.now(), offsetMs)) }));
    } else if (before.timer !== null && timer === null) {
      announceQuietly(translate('countdown.stopped'));
    } else if (before.timer !== null && timer !== null && before.timer.endsAt !== timer.endsAt) {
      announceQuietly(translate('countdown.changed', { time: spoken(remainingMs(timer, Date.now(), offsetMs)) }));
    } else if (timer !== null && before.left > 0 && left === 0) {
      announce(translate('countdown.upAnnouncement'));
      beep();
    } else if (timer !== null && timer.durationMs >= 2 * ONE_MINUTE_MS && before.left > ONE_MINUTE_MS && left <= ONE_MINUTE_MS) {
      announce(translate('countdown.oneMinuteLeft'));
    }
  }, [timer, left, offsetMs, isAnnouncing]);
}

/** Turns the beep at zero on or off, for this browser only. */
export function SoundToggle() {
  const t = useT();
  const isOn = useSyncExternalStore(subscribeTimerSound, isTimerSoundOn);
  return (
    <button
      type="button"
      className="countdown__sound"
      aria-pressed={isOn}
      title={t(isOn ? 'countdown.soundOn' : 'countdown.soundOff')}
      onClick={() => setTimerSound(!isOn)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        {isOn ? (
          <path
            d="M15.5 8.5a4.5 4.5 0 0 1 0 7M18 6a8 8 0 0 1 0 12"
            stroke="currentColor"
            strokeWidth="2"
            fill="none"
            strokeLinecap="round"
          />
        ) : (
          <path d="M15.5 9.5l5 5M20.5 9.5l-5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        )}
      </svg>
      <span className="visually-hidden">{t('countdown.beep')}</span>
    </button>
  );
}

/**
 * The facilitator's countdown, the same for everyone: the server's end time against this browser's
 * clock corrected by its measured offset, so it stays right across clock skew and reconnects.
 */
export function Countdown({
  isLarge = false,
  isAnnouncing = true,
  isStartAnnouncedOnMount = false,
}: {
  readonly isLarge?: boolean;
  readonly isAnnouncing?: boolean;
  /** Mounted as the timer starts (CountdownSlot fetches it then): say "Timer started" at once. */
  readonly isStartAnnouncedOnMount?: boolean;
}) {
  const t = useT();
  const timer = useBoardStore((s) => s.board?.meta.timer ?? null);
  const offsetMs = useBoardStore((s) => s.serverOffsetMs);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (timer === null) return;
    setNow(Date.now());
    const interval = setInterval(() => {
      const at = Date.now();
      setNow(at);
      // At zero nothing changes any more until the facilitator starts, extends or stops it.
      if (remainingMs(timer, at, useBoardStore.getState().serverOffsetMs) === 0) clearInterval(interval);
    }, 250);
    return () => clearInterval(interval);
  }, [timer]);

  const left = remainingMs(timer, now, offsetMs);
  useKeyMoments(timer, left, offsetMs, isAnnouncing, isStartAnnouncedOnMount);
  if (timer === null) return null;
  const isDone = left === 0;
  return (
    <div className={`countdown${isDone ? ' countdown--done' : ''}${isLarge ? ' countdown--large' : ''}`}>
      <span className="countdown__label">{t(isDone ? 'countdown.up' : 'countdown.left')}</span>
      <span
        className="countdown__time"
        role="timer"
        aria-label={isDone ? t('countdown.up') : t('countdown.leftSpoken', { time: spoken(left) })}
      >
        {formatRemaining(left)}
      </span>
      <SoundToggle />
    </div>
  );
}
