import { useEffect, useState } from 'react';
import type { BuiltInTemplateId, TemplateTexts } from '../../../../shared/i18n/content/types';
import type { ContentLanguage } from '../../../../shared/i18n/contentLanguage';

/**
 * Each language's template words, fetched only when chosen: a content module holds a language's
 * templates, exports and guidance (a few kB), and the start page needs one at a time, never all six
 * (shared/i18n/content.ts is the server's). English's are shared/templates.ts, already loaded.
 */
const LOADERS: Readonly<Record<Exclude<ContentLanguage, 'en'>, () => Promise<TemplateTexts>>> = {
  es: () => import('../../../../shared/i18n/content/es').then((m) => m.ES.templates),
  fr: () => import('../../../../shared/i18n/content/fr').then((m) => m.FR.templates),
  de: () => import('../../../../shared/i18n/content/de').then((m) => m.DE.templates),
  'pt-BR': () => import('../../../../shared/i18n/content/ptBR').then((m) => m.PT_BR.templates),
  ar: () => import('../../../../shared/i18n/content/ar').then((m) => m.AR.templates),
};

/** The built-in templates' words as shown now: `texts` null means English (shared/templates.ts). */
export interface ShownTemplateTexts {
  readonly language: ContentLanguage;
  readonly texts: TemplateTexts | null;
}

const ENGLISH: ShownTemplateTexts = { language: 'en', texts: null };

/** The built-in templates' words in `language`, fetched; null for English (shared/templates.ts has them). */
export function loadTemplateTexts(language: ContentLanguage): Promise<TemplateTexts | null> {
  return language === 'en' ? Promise.resolve(null) : LOADERS[language]();
}

/**
 * The built-in templates' words in `language`, once its module is here. Until then (and if it cannot
 * be fetched) the words shown before stay, with their own `language`, so that a `lang` attribute
 * always names the language actually on the screen.
 */
export function useTemplateTexts(language: ContentLanguage): ShownTemplateTexts {
  const [shown, setShown] = useState<ShownTemplateTexts>(ENGLISH);
  useEffect(() => {
    if (language === 'en') {
      setShown(ENGLISH);
      return;
    }
    let isCurrent = true;
    loadTemplateTexts(language)
      .then((texts) => {
        if (isCurrent) setShown({ language, texts });
      })
      // Offline: the preview keeps its words; the board is still created in `language` by the server.
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [language]);
  return shown;
}

/** What the start page shows of a template before it is chosen. */
export interface TemplatePreview {
  readonly name: string;
  readonly summary: string;
  readonly title: string;
}

/** A built-in template's words in `texts`; undefined for English (null) and for an id it does not have. */
export function templateTextOf(texts: TemplateTexts | null, templateId: string): TemplatePreview | undefined {
  if (texts === null || !Object.hasOwn(texts, templateId)) return undefined;
  return texts[templateId as BuiltInTemplateId];
}
