import type { CommandEnvelope } from '../../../shared/commands';
import { MAX_QUEUED_COMMANDS } from '../../../shared/limits';
import { readStored, removeStored, writeStored } from '../storage';
import type { OutboxStorage } from './BoardConnection';

function isEnvelope(value: unknown): value is CommandEnvelope {
  const envelope = value as { id?: unknown; command?: { type?: unknown } } | null;
  return typeof envelope?.id === 'string' && typeof envelope.command?.type === 'string';
}

/**
 * The outbox kept in localStorage, so that notes written offline survive a reload and go out on
 * the next connection. The server validates every command again, so a damaged entry can only be
 * refused, never trusted.
 */
export function localStorageOutbox(boardId: string): OutboxStorage {
  const key = `outbox:${boardId}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(readStored(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isEnvelope).slice(0, MAX_QUEUED_COMMANDS) : [];
      } catch {
        return [];
      }
    },
    save(envelopes) {
      if (envelopes.length === 0) removeStored(key);
      else writeStored(key, JSON.stringify(envelopes));
    },
  };
}
