import { readStored, writeStored } from '../storage';

/**
 * The optional beep at zero, with the Web Audio API (no sound file to download). Off unless this
 * browser turned it on; browsers only let a page make sound after a gesture, so the audio context
 * is created when the person turns the sound on.
 */
const KEY = 'timerSound';
let context: AudioContext | null = null;
const listeners = new Set<() => void>();

export function isTimerSoundOn(): boolean {
  return readStored(KEY) === 'on';
}

export function setTimerSound(isOn: boolean): void {
  writeStored(KEY, isOn ? 'on' : 'off');
  if (isOn) {
    context ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
    void context?.resume();
  }
  for (const listener of listeners) listener();
}

export function subscribeTimerSound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Three short beeps, when the sound is on. */
export function beep(): void {
  if (!isTimerSoundOn()) return;
  context ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  if (!context) return;
  void context.resume();
  const start = context.currentTime + 0.05;
  for (let i = 0; i < 3; i++) {
    const at = start + i * 0.3;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.2);
  }
}
