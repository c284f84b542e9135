import { keysBetween } from '../fractionalIndex';
import { templateIn } from '../i18n/content';
import type { ContentLanguage } from '../i18n/contentLanguage';
import { CURRENT_SCHEMA_VERSION } from '../migrations';
import type { Template } from '../templates';
import type { DocChange } from './changes';

/** What the server knows when it creates a board. */
export interface NewBoard {
  readonly boardId: string;
  readonly template: Template;
  /**
   * The language the template's words are written in, recorded as `meta.contentLanguage`. From
   * here on they are the board's content: nothing translates them again. Absent: English, and
   * nothing recorded (as boards were before languages).
   */
  readonly language?: ContentLanguage | undefined;
  readonly title?: string | undefined;
  readonly purpose?: string | undefined;
  readonly now: number;
  readonly newId: () => string;
}

/** The document changes that create a board from a template, in the setup phase. */
export function createBoard(input: NewBoard): DocChange[] {
  const template = input.language === undefined ? input.template : templateIn(input.template, input.language);
  const keys = keysBetween(null, null, template.prompts.length);
  const prompts: DocChange[] = template.prompts.map((p, i) => ({
    type: 'putPrompt',
    prompt: {
      id: input.newId(),
      text: p.text,
      kind: p.kind,
      order: keys[i] as string,
      isRevealed: false,
      pendingCount: 0,
      contributorCount: 0,
    },
  }));
  const meta: DocChange = {
    type: 'setMeta',
    fields: {
      id: input.boardId,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      title: input.title ?? template.title,
      purpose: input.purpose ?? template.purpose,
      templateId: template.id,
      phase: 'setup',
      focusPromptId: null,
      createdAt: input.now,
      settings: {
        facilitatorParticipates: true,
        // With two people, names on the roster add nothing and a hidden roster would look odd.
        showRoster: true,
        isAnonymous: template.isAnonymous,
        usesSmartie: template.usesSmartie,
      },
      timer: null,
      version: 1,
      isClosed: false,
      checkInDate: null,
      ...(input.language === undefined ? {} : { contentLanguage: input.language }),
    },
  };
  return [meta, ...prompts];
}
