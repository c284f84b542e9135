import { findTemplate, type Template } from '../templates';
import { AR } from './content/ar';
import { DE } from './content/de';
import { EN } from './content/en';
import { ES } from './content/es';
import { FR } from './content/fr';
import { PT_BR } from './content/ptBR';
import type { BuiltInTemplateId, ContentText, ExportText } from './content/types';
import type { ContentLanguage } from './contentLanguage';

/**
 * Every language's words for shared/ content. The server imports this; a client page should not
 * (it holds every language: import one module of ./content/ instead).
 */
export const CONTENT: Readonly<Record<ContentLanguage, ContentText>> = {
  en: EN,
  es: ES,
  fr: FR,
  de: DE,
  'pt-BR': PT_BR,
  ar: AR,
};

/** The export words of `language`. */
export function exportText(language: ContentLanguage): ExportText {
  return CONTENT[language].exports;
}

function isBuiltIn(id: string): id is BuiltInTemplateId {
  return Object.hasOwn(EN.templates, id);
}

/**
 * A built-in template with its words in `language` (its prompts' kinds and its flags are the
 * template's own); a custom template as it is, since its words are the facilitator's.
 */
export function templateIn(template: Template, language: ContentLanguage): Template {
  if (!isBuiltIn(template.id) || findTemplate(template.id) !== template) return template;
  const text = CONTENT[language].templates[template.id];
  return {
    ...template,
    name: text.name,
    summary: text.summary,
    title: text.title,
    purpose: text.purpose,
    prompts: template.prompts.map((prompt, i) => ({ ...prompt, text: text.prompts[i] ?? prompt.text })),
  };
}
