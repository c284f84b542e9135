import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  announce,
  announceQuietly,
  ERROR_TOAST_DURATION_MS,
  MAX_TOASTS,
  TOAST_DURATION_MS,
  TOAST_GROUP_MS,
  useToastStore,
} from '../../client/src/store/toastStore';

const shown = () => useToastStore.getState().toasts.map((t) => t.text);
const spoken = () => useToastStore.getState().spoken.map((t) => t.text);

beforeEach(() => {
  vi.useFakeTimers();
  useToastStore.setState({ spoken: [], toasts: [] });
});
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('says routine confirmations to screen readers without a toast', () => {
    announceQuietly('1 dot on Childcare. 4 dots left.');
    announceQuietly('2 dots on Childcare. 3 dots left.');
    expect(shown()).toEqual([]);
    expect(spoken()).toEqual(['1 dot on Childcare. 4 dots left.', '2 dots on Childcare. 3 dots left.']);
  });

  it('groups a burst into one toast that ends on the latest news, and says each message', () => {
    announce('Now: Share.', 'info', 1000);
    announce('Answers revealed for 7 questions: 12 notes in all.', 'info', 1000 + TOAST_GROUP_MS - 1);
    expect(shown()).toEqual(['Answers revealed for 7 questions: 12 notes in all.']);
    expect(spoken()).toEqual(['Now: Share.', 'Answers revealed for 7 questions: 12 notes in all.']);
  });

  it('stacks messages further apart, at most MAX_TOASTS, and never groups an error with news', () => {
    announce('First.', 'info', 10_000);
    announce('Second.', 'info', 10_000 + TOAST_GROUP_MS);
    expect(shown()).toEqual(['First.', 'Second.']);
    announce('That did not work.', 'error', 10_000 + TOAST_GROUP_MS + 1);
    expect(shown()).toHaveLength(MAX_TOASTS);
    expect(shown()).toEqual(['Second.', 'That did not work.']);
  });

  it('says a repeated sentence once, and lets toasts go by themselves, errors later', () => {
    announce('Saved.', 'info', 50_000);
    announce('Saved.', 'info', 50_001);
    expect(spoken()).toEqual(['Saved.']);
    announce('Refused.', 'error', 60_000);
    vi.advanceTimersByTime(TOAST_DURATION_MS);
    expect(shown()).toEqual(['Refused.']);
    vi.advanceTimersByTime(ERROR_TOAST_DURATION_MS - TOAST_DURATION_MS);
    expect(shown()).toEqual([]);
  });
});
