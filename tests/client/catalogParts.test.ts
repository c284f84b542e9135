import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPageKey, LATER_AREAS, PAGE_AREAS, partOf } from '../../scripts/i18n/catalogPlugin';

/**
 * The `pages` part of the catalogs (PAGE_AREAS) comes with the lazily loaded pages only
 * (client/src/App.tsx): a module that a link's page (join, board) may load must not use its keys,
 * or it would show a key until someone opened a lazy page. A module that only those pages import
 * (found by following the imports) may use every key.
 */
const LAZY_PAGES = [
  'client/src/pages/FacilitatorPage.tsx',
  'client/src/pages/HomePage.tsx',
  'client/src/pages/present/PresentPage.tsx',
  'client/src/pages/reader/ReaderPage.tsx',
];
/** Imports them lazily, with their words (`withWords`): not an edge into the participant's load. */
const APP = 'client/src/App.tsx';
/**
 * The participant's lazily loaded views, fetched with the `later` part (LATER_AREAS) by
 * PHASE_VIEWS: a module of the participant's first load must not use a `later` key.
 */
const LATER_VIEWS = [
  'client/src/pages/participant/group/ParticipantGroup.tsx',
  'client/src/pages/participant/decisions/ParticipantDecisions.tsx',
];
const PHASE_VIEWS = 'client/src/pages/participant/phaseViews.ts';
/** Fetches the refusals' table (with the `later` part) for a reader of another language than English. */
const REFUSAL_TEXT = 'client/src/i18n/refusalText.ts';
const REFUSAL_TABLE = 'client/src/i18n/errors.ts';

/**
 * `pages` keys said in a shared module only on the facilitator's side of a branch, which only the
 * facilitator's page (lazy, so its words are loaded) takes.
 */
const english = JSON.parse(readFileSync('client/src/i18n/locales/en.json', 'utf8')) as Record<string, string>;

const FACILITATOR_BRANCHES: Readonly<Record<string, readonly string[]>> = {
  'client/src/components/decisions/useDecisionAnnouncements.ts': [
    'decisions.announce.voteStarted',
    'decisions.announce.roundOpened',
  ],
  // Said only by createWorkshop and importWorkshop, which only the start and home pages (lazy) call.
  'client/src/api.ts': ['start.createFailed', 'home.import.failed'],
  // Every refusal's key is in one table; those only a facilitator or a board's starter meets
  // (facilitator.error.*) arrive with the lazy pages, where alone they can be refused.
  'client/src/i18n/errors.ts': Object.keys(english).filter((key) => key.startsWith('facilitator.error.')),
};
const KEY_LITERAL = /(['"])([A-Za-z]\w*(?:\.\w+)+)\1/g;
const IMPORT = /(?:from|import\()\s*'(\.[^']+)'/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.join(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => /\.tsx?$/.test(f) && existsSync(f)) ?? null;
}

/**
 * The modules that only the lazy pages (and, with `withViews`, the participant's lazy views) load:
 * every importer of each is one of them.
 */
function lazyModules(all: readonly string[], withViews = false): Set<string> {
  const roots = withViews ? [...LAZY_PAGES, ...LATER_VIEWS, REFUSAL_TABLE] : LAZY_PAGES;
  const isLazyEdge = (file: string, target: string) =>
    (file === APP && LAZY_PAGES.includes(target)) ||
    (withViews && file === PHASE_VIEWS && LATER_VIEWS.includes(target)) ||
    (withViews && file === REFUSAL_TEXT && target === REFUSAL_TABLE);
  const importers = new Map<string, Set<string>>();
  for (const file of all) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, specifier as string);
      if (target === null || isLazyEdge(file, target)) continue;
      importers.set(target, (importers.get(target) ?? new Set()).add(file));
    }
  }
  const lazy = new Set(roots);
  for (let isGrowing = true; isGrowing; ) {
    isGrowing = false;
    for (const [file, from] of importers) {
      if (!lazy.has(file) && [...from].every((f) => lazy.has(f))) {
        lazy.add(file);
        isGrowing = true;
      }
    }
  }
  return lazy;
}

describe('catalog parts', () => {
  const all = files('client/src');
  const lazy = lazyModules(all);

  it('finds the lazy pages’ own modules, and not the participant’s', () => {
    expect(lazy).toContain('client/src/pages/facilitator/decisions/DecisionStage.tsx');
    expect(lazy).toContain('client/src/components/decisions/AnsweredCount.tsx');
    expect(lazy).not.toContain('client/src/components/decisions/ItemSummary.tsx');
    expect(lazy).not.toContain('client/src/pages/home/OwnWorkshopChoice.tsx');
    expect(lazy).not.toContain('client/src/pages/participant/decisions/ParticipantDecide.tsx');
    expect(lazy).not.toContain('client/src/components/decisions/useDecisionAnnouncements.ts');
  });

  it('keeps the keys of lazily loaded pages out of the modules that a link opens', () => {
    const misplaced: string[] = [];
    let seen = 0;
    for (const file of all) {
      if (lazy.has(file)) continue;
      for (const [, , key] of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) {
        if (!Object.hasOwn(english, key as string)) continue;
        seen += 1;
        if (isPageKey(key as string) && !FACILITATOR_BRANCHES[file]?.includes(key as string)) misplaced.push(`${file}: ${key}`);
      }
    }
    // The join flow alone uses a dozen keys: a scan that finds none is broken.
    expect(seen).toBeGreaterThan(10);
    expect(misplaced).toEqual([]);
  });

  it('keeps the keys of the participant’s lazily loaded views out of the participant’s first load', () => {
    const later = lazyModules(all, true);
    expect(later).toContain('client/src/pages/participant/decisions/ParticipantDecide.tsx');
    expect(later).not.toContain('client/src/pages/participant/PromptCard.tsx');
    const misplaced: string[] = [];
    for (const file of all) {
      if (later.has(file)) continue;
      for (const [, , key] of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) {
        if (Object.hasOwn(english, key as string) && partOf(key as string) === 'later') misplaced.push(`${file}: ${key}`);
      }
    }
    expect(misplaced).toEqual([]);
    // The views do use them: a scan that finds none is broken.
    const used = [...later].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(KEY_LITERAL)].filter(([, , key]) => partOf(key as string) === 'later'),
    );
    expect(used.length).toBeGreaterThan(20);
  });

  it('splits by a key’s prefix, whole segments only', () => {
    expect(LATER_AREAS).toContain('agreement');
    expect(partOf('agreement.title')).toBe('later');
    expect(partOf('decisions.voters.answered')).toBe('pages');
    expect(partOf('join.heading')).toBe('board');
    expect(PAGE_AREAS).toContain('home');
    expect(isPageKey('home.heading')).toBe(true);
    expect(isPageKey('join.heading')).toBe(false);
    expect(isPageKey('ownWorkshop.title')).toBe(false);
    expect(isPageKey('decisions.voters.answered')).toBe(true);
    expect(isPageKey('decisions.voters.voted')).toBe(false);
    for (const keys of Object.values(FACILITATOR_BRANCHES)) for (const key of keys) expect(isPageKey(key)).toBe(true);
  });
});
