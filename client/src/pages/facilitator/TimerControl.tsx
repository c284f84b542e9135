import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_TIMER_MS, MIN_TIMER_MS } from '../../../../shared/limits';
import { Countdown, SoundToggle } from '../../components/Countdown';
import { useT } from '../../i18n/i18n';
import { useBoardStore } from '../../store/boardStore';
import { addTime, startTimer, stopTimer } from '../../sync/facilitationCommands';
import './timerControl.css';

const PRESET_MINUTES = [1, 3, 5, 10] as const;
const MINUTE_MS = 60_000;

/** One more minute and Stop. Beside the countdown on wider screens; in the timer's panel on a phone (timerControl.css). */
function QuickTimerButtons({ className }: { readonly className: string }) {
  const t = useT();
  return (
    <span className={className}>
      <button
        type="button"
        className="button button--small"
        aria-label={t('facilitator.timer.addMinuteLabel')}
        onClick={() => addTime(MINUTE_MS)}
      >
        {t('facilitator.timer.addMinute')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={t('facilitator.timer.stopLabel')}
        onClick={() => stopTimer()}
      >
        {t('facilitator.timer.stop')}
      </button>
    </span>
  );
}

/** The facilitator's countdown: presets and custom minutes, one more minute, stop. Everyone sees the same time. */
export function TimerControl() {
  const t = useT();
  const isRunning = useBoardStore((s) => (s.board?.meta.timer ?? null) !== null);
  const [isOpen, setIsOpen] = useState(false);
  const [minutes, setMinutes] = useState('5');
  const panelId = useId();
  const minutesId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    panel.current?.querySelector('button')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  const start = (ms: number) => {
    if (startTimer(Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, ms))) === null) {
      setIsOpen(false);
      toggle.current?.focus();
    }
  };
  const startCustom = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (Number.isFinite(value) && value > 0) start(Math.round(value * MINUTE_MS));
  };

  return (
    <div className="timer-control" ref={wrapper}>
      <Countdown />
      {isRunning && <QuickTimerButtons className="timer-control__quick" />}
      <button
        ref={toggle}
        type="button"
        className="button button--small"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
      >
        {isRunning ? (
          <>
            <span className="timer-control__long">{t('facilitator.timer.new')}</span>
            <span className="timer-control__short">{t('facilitator.timer.toggle')}</span>
          </>
        ) : (
          t('facilitator.timer.toggle')
        )}
      </button>
      {isOpen && (
        <div ref={panel} id={panelId} className="timer-control__panel">
          {isRunning && (
            <div className="timer-control__running">
              <QuickTimerButtons className="actions" />
              <SoundToggle />
            </div>
          )}
          <p className="timer-control__title">{t('facilitator.timer.title')}</p>
          <div className="actions">
            {PRESET_MINUTES.map((m) => (
              <button key={m} type="button" className="button button--small" onClick={() => start(m * MINUTE_MS)}>
                {t('facilitator.timer.preset', { minutes: m })}
              </button>
            ))}
          </div>
          <form className="timer-control__custom" onSubmit={startCustom}>
            <label htmlFor={minutesId}>{t('facilitator.timer.minutes')}</label>
            <input
              id={minutesId}
              className="input"
              type="number"
              inputMode="decimal"
              min={1}
              max={MAX_TIMER_MS / MINUTE_MS}
              step="any"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
            <button type="submit" className="button button--small button--primary">
              {t('facilitator.timer.start')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
