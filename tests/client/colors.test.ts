import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_COLOR_COUNT } from '../../client/src/components/themeColor';

/** WCAG 2.2 AA: normal-size text. */
const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2.2 AA: non-text parts (a theme's stripe against the page). */
const MIN_UI_CONTRAST = 3;

const css = readFileSync(new URL('../../client/src/styles/colors.css', import.meta.url), 'utf8');
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');

function variables(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) found.set(match[1] as string, match[2] as string);
  return found;
}

const light = variables(css.slice(0, darkStart));
const dark = new Map([...light, ...variables(css.slice(darkStart))]);
const schemes = { light, dark } as const;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function color(vars: Map<string, string>, name: string): string {
  const value = vars.get(name);
  if (!value) throw new Error(`${name} is not a #rrggbb colour in colors.css`);
  return value;
}

/** [foreground, background, minimum] pairs that appear as text on the board. */
const TEXT_PAIRS: readonly (readonly [string, string, number])[] = [
  ['--text', '--bg', MIN_TEXT_CONTRAST],
  ['--text', '--surface', MIN_TEXT_CONTRAST],
  ['--muted', '--surface', MIN_TEXT_CONTRAST],
  ['--muted', '--bg', MIN_TEXT_CONTRAST],
  ['--accent', '--surface', MIN_TEXT_CONTRAST],
  ['--on-accent', '--accent', MIN_TEXT_CONTRAST],
  ['--on-accent', '--accent-strong', MIN_TEXT_CONTRAST],
  ['--accent', '--accent-soft', MIN_TEXT_CONTRAST],
  ['--need-text', '--need-bg', MIN_TEXT_CONTRAST],
  ['--nice-text', '--nice-bg', MIN_TEXT_CONTRAST],
  ['--awareness-text', '--awareness-bg', MIN_TEXT_CONTRAST],
  ['--wait-text', '--wait-bg', MIN_TEXT_CONTRAST],
  ['--text', '--paper', MIN_TEXT_CONTRAST],
  ['--error', '--surface', MIN_TEXT_CONTRAST],
  ['--ok', '--surface', MIN_TEXT_CONTRAST],
  ['--disabled-text', '--surface-muted', MIN_TEXT_CONTRAST],
  ['--control-line', '--surface', MIN_UI_CONTRAST],
];

describe('colors.css', () => {
  for (const [scheme, vars] of Object.entries(schemes)) {
    it.each(TEXT_PAIRS)(`${scheme}: %s on %s keeps %d:1`, (fg, bg, min) => {
      expect(contrast(color(vars, fg), color(vars, bg))).toBeGreaterThanOrEqual(min);
    });

    it(`${scheme}: every theme colour keeps AA for its name, its notes' text and their tags`, () => {
      for (let i = 0; i < THEME_COLOR_COUNT; i += 1) {
        const ink = color(vars, `--theme-${i}-ink`);
        const paper = color(vars, `--theme-${i}-paper`);
        const ratios = {
          inkOnSurface: contrast(ink, color(vars, '--surface')),
          inkOnBg: contrast(ink, color(vars, '--bg')),
          inkOnPaper: contrast(ink, paper),
          textOnPaper: contrast(color(vars, '--text'), paper),
          mutedOnPaper: contrast(color(vars, '--muted'), paper),
        };
        for (const [pair, ratio] of Object.entries(ratios)) {
          expect(ratio, `theme ${i} ${pair}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        }
      }
    });
  }

  it('the palette has eight distinct inks per scheme', () => {
    for (const vars of Object.values(schemes)) {
      const inks = Array.from({ length: THEME_COLOR_COUNT }, (_, i) => color(vars, `--theme-${i}-ink`));
      expect(new Set(inks).size).toBe(THEME_COLOR_COUNT);
    }
  });

  it('computes the known ratio of black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
