import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import { createBoard } from '../../shared/domain/createBoard';
import { sortedPrompts } from '../../shared/domain/state';
import { exportBoardCsv } from '../../shared/exports/csvExport';
import { exportCheckInIcs } from '../../shared/exports/icsExport';
import { exportBoardMarkdown } from '../../shared/exports/markdownExport';
import { CONTENT, exportText, templateIn } from '../../shared/i18n/content';
import { boardLanguage, CONTENT_LANGUAGES, contentLanguage } from '../../shared/i18n/contentLanguage';
import { MAX_PROMPT_CHARS, MAX_PURPOSE_CHARS, MAX_TITLE_CHARS } from '../../shared/limits';
import { PHASE_GUIDANCE, PHASES } from '../../shared/phases';
import { TEMPLATES, type Template } from '../../shared/templates';
import { isInvalid } from '../../shared/validate';
import { goldenBoard } from './goldenBoard';
import { idSequence } from './helpers';

const OTHER_LANGUAGES = CONTENT_LANGUAGES.filter((l) => l !== 'en');

describe('template content in every language', () => {
  const cases = OTHER_LANGUAGES.flatMap((language) => TEMPLATES.map((template) => [language, template] as const));

  it.each(cases)('%s: %s has every field, translated, within the board limits', (language, template) => {
    const translated = templateIn(template, language);
    // A name may stay the same in another language (a proper name, SMARTIE); every other field must not.
    expect(translated.name.trim()).not.toBe('');
    for (const field of ['summary', 'title', 'purpose'] as const) {
      expect(translated[field].trim(), field).not.toBe('');
      expect(translated[field], field).not.toBe(template[field]);
    }
    expect(translated.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(translated.purpose.length).toBeLessThanOrEqual(MAX_PURPOSE_CHARS);
    expect(translated.prompts).toHaveLength(template.prompts.length);
    for (const [i, prompt] of translated.prompts.entries()) {
      const english = template.prompts[i];
      expect(prompt.text.trim(), `prompt ${i}`).not.toBe('');
      expect(prompt.text, `prompt ${i}`).not.toBe(english?.text);
      expect(prompt.text.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
      expect(prompt.kind).toBe(english?.kind);
    }
    // Two prompts of one template never read the same.
    expect(new Set(translated.prompts.map((p) => p.text)).size).toBe(template.prompts.length);
    expect([translated.isAnonymous, translated.usesSmartie, translated.id]).toEqual([
      template.isAnonymous,
      template.usesSmartie,
      template.id,
    ]);
  });

  it('English is templates.ts itself, and a custom structure keeps its own words in any language', () => {
    for (const template of TEMPLATES) expect(templateIn(template, 'en')).toEqual(template);
    const custom: Template = { ...TEMPLATES[0], id: 'custom', name: 'Mine' } as Template;
    expect(templateIn(custom, 'de')).toBe(custom);
    // A custom structure that borrows a built-in id is still the facilitator's own words.
    const lookalike: Template = { ...(TEMPLATES[0] as Template), prompts: [{ text: 'Ours', kind: 'align' }] };
    expect(templateIn(lookalike, 'es')).toBe(lookalike);
  });

  it.each(OTHER_LANGUAGES)('%s: every phase has guidance, translated', (language) => {
    for (const phase of PHASES) {
      expect(CONTENT[language].phaseGuidance[phase].trim()).not.toBe('');
      expect(CONTENT[language].phaseGuidance[phase]).not.toBe(PHASE_GUIDANCE[phase]);
    }
  });
});

describe('a board created in a language', () => {
  const build = (language: (typeof CONTENT_LANGUAGES)[number] | undefined, template = TEMPLATES[0] as Template) => {
    const doc = new Y.Doc();
    applyDocChanges(doc, createBoard({ boardId: 'b1', template, language, now: 1, newId: idSequence('p') }), 'test');
    const board = readBoard(doc);
    if (!board) throw new Error('no board');
    return board;
  };

  it('writes the template in that language and records it; the prompts keep their kinds', () => {
    const board = build('es');
    expect(board.meta.contentLanguage).toBe('es');
    expect(board.meta.title).toBe('Nuestro acuerdo de trabajo');
    const prompts = sortedPrompts(board);
    expect(prompts.map((p) => p.text)).toEqual(CONTENT.es.templates['working-agreement'].prompts);
    expect(prompts.map((p) => p.kind)).toEqual((TEMPLATES[0] as Template).prompts.map((p) => p.kind));
  });

  it('records nothing when no language is given, which reads as English (boards made before languages)', () => {
    const board = build(undefined);
    expect('contentLanguage' in board.meta).toBe(false);
    expect(boardLanguage(board.meta)).toBe('en');
    expect(board.meta.title).toBe('Our working agreement');
  });

  it('accepts exactly the six tags', () => {
    for (const language of CONTENT_LANGUAGES) expect(contentLanguage(language)).toBe(language);
    for (const bad of ['EN', 'pt-br', 'pt', 'it', '', 3, null]) expect(isInvalid(contentLanguage(bad))).toBe(true);
  });
});

describe('exports in another language', () => {
  const board = goldenBoard().state.board;

  it('Markdown in German has German headings, German dates and German counts; the board’s words stay as written', () => {
    const markdown = exportBoardMarkdown(board, 'de');
    expect(markdown).toContain('\n## Unsere Vereinbarung\n\n| Frage | Was wir gehört haben | Was wir vereinbart haben |\n');
    expect(markdown).toContain(
      'Version 2, in Arbeit. Wir überprüfen unsere Vereinbarung am 11. September 2024. (Datumsangaben in UTC.)',
    );
    expect(markdown).toContain(
      'entschieden per Konsens in Runde 2 am 11. März 2024 (Version 1): Zustimmung: 3, kann damit leben: 1, Veto: 0',
    );
    expect(markdown).toContain('\n## Was wir voneinander wissen\n');
    expect(markdown).toContain('- Version 1: abgeschlossen am ');
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}|## Our agreement|Decision records|decided by| in force/);
    // Content is never translated: the title and the notes are the group's words.
    expect(markdown.startsWith('# Team Pluto working agreement\n')).toBe(true);
    expect(markdown).toContain('Childcare \\| school runs');
  });

  it('Markdown follows the board’s recorded language when none is asked for', () => {
    const spanish = { ...board, meta: { ...board.meta, contentLanguage: 'es' as const } };
    expect(exportBoardMarkdown(spanish)).toBe(exportBoardMarkdown(board, 'es'));
    expect(exportBoardMarkdown(spanish)).toContain('\n## Nuestro acuerdo\n');
    expect(exportBoardMarkdown(spanish, 'en')).toBe(exportBoardMarkdown(board));
  });

  it('CSV in German names its columns, row kinds, prompt kinds and tags in German, with the same cells otherwise', () => {
    const german = exportBoardCsv(board, 'de').split('\r\n');
    const english = exportBoardCsv(board).split('\r\n');
    expect(german[0]).toBe('\uFEFFZeile,Frage,Art,Thema,Text,Markierung,Punkte_Notiz,Punkte_Thema,Entscheidung');
    expect(german).toHaveLength(english.length);
    expect(german[1]).toMatch(/^Vereinbarung,The times that work best for me to meet are…,Einigung,/);
    expect(german.some((line) => line.startsWith('Notiz,') && line.includes(',Bedürfnis,'))).toBe(true);
    expect(german.join('\n')).not.toMatch(/^(agreement|note),/m);
  });

  it.each(OTHER_LANGUAGES)('%s: every heading and fixed sentence of the Markdown differs from English', (language) => {
    const text = exportText(language);
    const en = exportText('en');
    for (const key of [
      'agreementHeading',
      'decisionRecordsHeading',
      'nothingAgreed',
      'awarenessHeading',
      'noAwareness',
      'noVersions',
    ] as const) {
      expect(text[key].trim(), key).not.toBe('');
      expect(text[key], key).not.toBe(en[key]);
    }
    expect(text.icsSummary('X')).not.toBe(en.icsSummary('X'));
    expect(text.day(Date.UTC(2024, 2, 11))).not.toBe(en.day(Date.UTC(2024, 2, 11)));
    expect(new Set(text.csvColumns).size).toBe(text.csvColumns.length);
  });
});

describe('the check-in calendar file in Arabic', () => {
  const title = 'اتفاق الفريق، نسخة ٢; مع \\ شرطة\nوسطر ثانٍ — نص طويل بما يكفي ليُطوى السطر أكثر من مرة في ملف التقويم';
  const ics = exportCheckInIcs({
    boardId: 'b1',
    title,
    checkInDate: '2027-03-31',
    link: 'https://accord.example/r/b1',
    now: new Date(Date.UTC(2027, 0, 2, 3, 4, 5)),
    words: exportText('ar'),
    language: 'ar',
  });
  const encoder = new TextEncoder();

  it('folds every line at 75 octets, between characters, with CRLF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
      // A cut inside a character would leave a lone surrogate or a broken UTF-8 sequence.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(encoder.encode(line))).toBe(line);
    }
  });

  it('declares Arabic on SUMMARY and DESCRIPTION and escapes the title’s commas, semicolons, backslashes and line breaks', () => {
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    const summary = unfolded.find((l) => l.startsWith('SUMMARY'));
    const description = unfolded.find((l) => l.startsWith('DESCRIPTION'));
    const escaped = title.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
    expect(summary).toBe(`SUMMARY;LANGUAGE=ar:مراجعة اتفاقنا: ${escaped}`);
    expect(description).toBe(
      'DESCRIPTION;LANGUAGE=ar:الاحتياجات تتغيّر. هل ما زال اتفاقنا مناسبًا للجميع؟ هل ينبغي تغيير شيء؟\\nhttps://accord.example/r/b1',
    );
    // Every content line is NAME[;PARAM=VALUE]:VALUE.
    for (const line of unfolded.slice(0, -1)) expect(line).toMatch(/^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/);
  });
});
