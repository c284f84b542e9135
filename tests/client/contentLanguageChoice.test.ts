import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkshop } from '../../client/src/api';
import { exportPath } from '../../client/src/components/agreement/exportDownload';
import { loadTemplateTexts, templateTextOf } from '../../client/src/pages/home/useTemplateTexts';
import { CONTENT } from '../../shared/i18n/content';
import type { BuiltInTemplateId } from '../../shared/i18n/content/types';
import { CONTENT_LANGUAGES } from '../../shared/i18n/contentLanguage';
import { TEMPLATES } from '../../shared/templates';

describe('exportPath: a download asks for its language with ?lang=', () => {
  it.each([
    ['md', 'fr', '/api/boards/b-1/export.md?lang=fr'],
    ['csv', 'pt-BR', '/api/boards/b-1/export.csv?lang=pt-BR'],
    ['ics', 'ar', '/api/boards/b-1/checkin.ics?lang=ar'],
    ['json', undefined, '/api/boards/b-1/export.json'],
    ['md', undefined, '/api/boards/b-1/export.md'],
  ] as const)('%s in %s → %s', (kind, language, path) => {
    expect(exportPath('b-1', kind, language)).toBe(path);
  });
});

describe('createWorkshop sends the workshop’s language', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function bodySent(run: () => Promise<unknown>): Promise<unknown> {
    const fetch = vi.fn(async () => new Response('{}', { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    await run();
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    return JSON.parse(init.body as string);
  }

  it('with a built-in template', async () => {
    expect(await bodySent(() => createWorkshop({ templateId: 'partnering', title: 'T' }, 'de'))).toEqual({
      templateId: 'partnering',
      title: 'T',
      language: 'de',
    });
  });

  it('with a custom structure, whose words stay its own (the server records the language)', async () => {
    const custom = { name: 'Ours', prompts: [{ text: 'Why?', kind: 'align' as const }], isAnonymous: true, usesSmartie: false };
    expect(await bodySent(() => createWorkshop({ custom, purpose: 'P' }, 'ar'))).toEqual({
      custom,
      purpose: 'P',
      language: 'ar',
    });
  });

  it('and nothing when none is given (the server writes English)', async () => {
    expect(await bodySent(() => createWorkshop({ templateId: 'partnering' }))).toEqual({ templateId: 'partnering' });
  });
});

describe('the start page’s template previews', () => {
  it.each(CONTENT_LANGUAGES.filter((l) => l !== 'en'))(
    '%s: its own module’s words, for every built-in template',
    async (language) => {
      const texts = await loadTemplateTexts(language);
      expect(texts).toEqual(CONTENT[language].templates);
      for (const template of TEMPLATES) {
        expect(templateTextOf(texts, template.id)?.name).toBe(CONTENT[language].templates[template.id as BuiltInTemplateId].name);
      }
    },
  );

  it('English is shared/templates.ts as it is: nothing to fetch', async () => {
    expect(await loadTemplateTexts('en')).toBeNull();
    expect(templateTextOf(null, 'partnering')).toBeUndefined();
  });

  it('a saved template’s id has no translated words', async () => {
    expect(templateTextOf(await loadTemplateTexts('fr'), 'toString')).toBeUndefined();
    expect(templateTextOf(await loadTemplateTexts('fr'), 'my-own')).toBeUndefined();
  });
});
