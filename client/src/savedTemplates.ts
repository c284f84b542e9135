import { randomId } from '../../shared/random';
import type { PromptKind } from '../../shared/records/Prompt';
import { readStored, writeStored } from './storage';

/** A board's structure saved in this browser, to start new boards from (POST /api/boards `custom`). */
export interface SavedTemplate {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly prompts: readonly { readonly text: string; readonly kind: PromptKind }[];
  readonly isAnonymous: boolean;
  readonly usesSmartie: boolean;
  readonly savedAt: number;
}

const KEY = 'templates';
/** Most templates kept; the oldest give way (localStorage is small and shared). */
export const MAX_SAVED_TEMPLATES = 30;

function isSavedTemplate(value: unknown): value is SavedTemplate {
  const t = value as SavedTemplate | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.id === 'string' &&
    typeof t.name === 'string' &&
    t.name.trim() !== '' &&
    typeof t.purpose === 'string' &&
    typeof t.isAnonymous === 'boolean' &&
    typeof t.usesSmartie === 'boolean' &&
    typeof t.savedAt === 'number' &&
    Array.isArray(t.prompts) &&
    t.prompts.length > 0 &&
    t.prompts.every((p) => typeof p?.text === 'string' && (p.kind === 'align' || p.kind === 'awareness'))
  );
}

/** The templates saved in this browser, newest first. Anything unreadable is skipped, never fatal. */
export function savedTemplates(): SavedTemplate[] {
  try {
    const parsed: unknown = JSON.parse(readStored(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedTemplate).sort((a, b) => b.savedAt - a.savedAt) : [];
  } catch {
    return [];
  }
}

// Lengths are the server's to check when a board is created from it (a clear refusal, said on the home page).

/** Saves a template; one with the same name is replaced. Returns false when storage refused it. */
export function saveTemplate(template: Omit<SavedTemplate, 'id' | 'savedAt'>): boolean {
  const name = template.name.trim();
  const others = savedTemplates().filter((t) => t.name.toLowerCase() !== name.toLowerCase());
  const next = [{ ...template, name, id: randomId(), savedAt: Date.now() }, ...others].slice(0, MAX_SAVED_TEMPLATES);
  writeStored(KEY, JSON.stringify(next));
  return savedTemplates().some((t) => t.name === name);
}

export function deleteTemplate(id: string): void {
  writeStored(KEY, JSON.stringify(savedTemplates().filter((t) => t.id !== id)));
}
