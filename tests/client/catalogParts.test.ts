import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPageKey, PAGE_AREAS } from '../../scripts/i18n/catalogPlugin';

/**
 * The `pages` part of the catalogs (PAGE_AREAS) comes with the lazily loaded pages only
 * (client/src/App.tsx): a component that a link's page (join, board) renders may not use its keys,
 * or it would show a key until someone opened a lazy page. Lazy pages may use every key.
 */
const LAZY = [
  'client/src/pages/FacilitatorPage.tsx',
  'client/src/pages/facilitator/',
  'client/src/pages/HomePage.tsx',
  'client/src/pages/StartForm.tsx',
  'client/src/pages/home/',
  'client/src/pages/present/',
  'client/src/pages/reader/',
];
/** Under a lazy folder, yet imported by the join page (the entry chunk). */
const IN_ENTRY = ['client/src/pages/home/OwnWorkshopChoice.tsx'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

const isLazy = (file: string) => !IN_ENTRY.includes(file) && LAZY.some((p) => file === p || file.startsWith(p));

describe('catalog parts', () => {
  it('keeps the keys of lazily loaded pages out of the components that a link opens', () => {
    const misplaced: string[] = [];
    let seen = 0;
    for (const file of files('client/src')) {
      if (isLazy(file)) continue;
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\b(?:t|translate)\(\s*['"]([\w.]+)['"]/g)) {
        seen += 1;
        if (isPageKey(key as string)) misplaced.push(`${file}: ${key}`);
      }
    }
    // The join flow alone uses a dozen keys: a scan that finds none is broken.
    expect(seen).toBeGreaterThan(10);
    expect(misplaced).toEqual([]);
  });

  it('splits by the first segment of a key', () => {
    expect(PAGE_AREAS).toContain('home');
    expect(isPageKey('home.heading')).toBe(true);
    expect(isPageKey('join.heading')).toBe(false);
    expect(isPageKey('ownWorkshop.title')).toBe(false);
  });
});
