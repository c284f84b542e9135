import type { PromptKind } from './records/Prompt';

/** A prompt as a template lists it, before it gets an id and an order key. */
export interface TemplatePrompt {
  readonly text: string;
  readonly kind: PromptKind;
}

/** A board template: a starting set of prompts and a suggested title and purpose. */
export interface Template {
  readonly id: string;
  readonly name: string;
  /** One sentence on when to use it, shown when choosing. */
  readonly summary: string;
  readonly title: string;
  readonly purpose: string;
  readonly prompts: readonly TemplatePrompt[];
}

/**
 * Working agreement questionnaire (seed 000). The seed's example fills the Agreement column for
 * barriers, meeting times, out-of-hours contact and commitments; the other three prompts build
 * awareness of each other and are not meant to be aligned on.
 */
export const WORKING_AGREEMENT_QUESTIONNAIRE: Template = {
  id: 'working-agreement',
  name: 'Working agreement questionnaire',
  summary: 'Seven questions that help a team agree how it works together and understand each other.',
  title: 'Our working agreement',
  purpose:
    'We are building trust and clear expectations: each of us says what we need, we look for where we agree, and we write down what we will do.',
  prompts: [
    { text: 'Right now, what stops me from working at my best is…', kind: 'align' },
    { text: 'The times that work best for me to meet are…', kind: 'align' },
    { text: 'Outside working hours, I am happy to be contacted…', kind: 'align' },
    { text: 'I would like the team to keep in mind that…', kind: 'awareness' },
    { text: 'The team can support me by…', kind: 'awareness' },
    { text: 'You can tell I have too much on when I…', kind: 'awareness' },
    { text: 'In my work, I can commit to…', kind: 'align' },
  ],
};

/** Every template that can start a board, by id. */
export const TEMPLATES: readonly Template[] = [WORKING_AGREEMENT_QUESTIONNAIRE];

/** The template with this id, or undefined. */
export function findTemplate(templateId: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === templateId);
}
