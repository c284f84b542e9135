import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionDiff } from '../../shared/domain/versionDiff';
import type { Smartie } from '../../shared/records/Smartie';
import type { VersionItem } from '../../shared/records/VersionRecord';

const SMARTIE: Smartie = { owner: 'Sam', measure: 'Weekly check', deadline: '2024-06-30', equityCheck: 'Part-timers too.' };

/** An item of lineage `lineage` saying `statement`; other fields as given. */
function item(lineage: string, statement: string, fields: Partial<VersionItem> = {}): VersionItem {
  return {
    lineageId: lineage,
    agreementId: lineage,
    promptId: 'prompt1',
    promptText: 'When do we meet?',
    themeName: null,
    statement,
    rule: 'consent',
    round: 1,
    counts: { agree: 3, canLive: 1, block: 0 },
    decidedAt: 1_710_000_000_000,
    smartie: null,
    ...fields,
  };
}

const MEET = item('L1', 'We meet between 11 and 1.');
const MEET_AMENDED = item('L1', 'We meet between 10 and 2.', { agreementId: 'A1b', round: 2, decidedAt: 1_718_000_000_000 });
const EMAIL = item('L2', 'We answer emails within 48 hours.', { promptId: 'prompt3', promptText: 'I can commit to…' });
const FRIDAY = item('L3', 'We keep Fridays free of meetings.');
const WEEKEND = item('L4', 'Weekend messages wait until Monday.', { promptId: 'prompt3' });

/** A diff as lineage ids (amended as "before→after" agreement ids), easy to read in a table. */
interface DiffIds {
  readonly added: string[];
  readonly amended: string[];
  readonly retired: string[];
  readonly unchanged: string[];
}

function ids(diff: VersionDiff): DiffIds {
  return {
    added: diff.added.map((i) => i.lineageId),
    amended: diff.amended.map(({ before, after }) => `${before.agreementId}→${after.agreementId}`),
    retired: diff.retired.map((i) => i.lineageId),
    unchanged: diff.unchanged.map((i) => i.lineageId),
  };
}

const NONE: DiffIds = { added: [], amended: [], retired: [], unchanged: [] };

const CASES: [string, VersionItem[], VersionItem[], DiffIds][] = [
  ['two empty versions', [], [], NONE],
  ['the same items', [MEET, EMAIL], [MEET, EMAIL], { ...NONE, unchanged: ['L1', 'L2'] }],
  ['an item added', [MEET], [MEET, FRIDAY], { ...NONE, added: ['L3'], unchanged: ['L1'] }],
  ['a first version against nothing', [], [MEET, EMAIL], { ...NONE, added: ['L1', 'L2'] }],
  ['an item retired', [MEET, EMAIL], [MEET], { ...NONE, retired: ['L2'], unchanged: ['L1'] }],
  ['new wording', [MEET, EMAIL], [MEET_AMENDED, EMAIL], { ...NONE, amended: ['L1→A1b'], unchanged: ['L2'] }],
  ['SMARTIE fields added', [MEET], [{ ...MEET, smartie: SMARTIE }], { ...NONE, amended: ['L1→L1'] }],
  ['SMARTIE fields removed', [{ ...MEET, smartie: SMARTIE }], [MEET], { ...NONE, amended: ['L1→L1'] }],
  [
    'a SMARTIE deadline moved',
    [{ ...MEET, smartie: SMARTIE }],
    [{ ...MEET, smartie: { ...SMARTIE, deadline: '2024-09-30' } }],
    { ...NONE, amended: ['L1→L1'] },
  ],
  [
    'the same SMARTIE fields in a new object',
    [{ ...MEET, smartie: SMARTIE }],
    [{ ...MEET, smartie: { ...SMARTIE } }],
    { ...NONE, unchanged: ['L1'] },
  ],
  [
    'the same wording decided again (new round and counts)',
    [MEET],
    [{ ...MEET, agreementId: 'A1c', round: 2, counts: { agree: 5, canLive: 0, block: 0 } }],
    { ...NONE, unchanged: ['L1'] },
  ],
  [
    'the prompt or theme renamed, the item itself untouched',
    [MEET],
    [{ ...MEET, promptText: 'Our meeting hours', themeName: 'Time' }],
    { ...NONE, unchanged: ['L1'] },
  ],
  [
    'a new item with the wording of a retired one (another lineage)',
    [MEET],
    [item('L9', MEET.statement)],
    { ...NONE, added: ['L9'], retired: ['L1'] },
  ],
  [
    'everything at once, in the order of each version',
    [WEEKEND, MEET, EMAIL, FRIDAY],
    [item('L5', 'We rotate who takes notes.'), FRIDAY, MEET_AMENDED, item('L6', 'We share agendas a day ahead.'), EMAIL],
    { added: ['L5', 'L6'], amended: ['L1→A1b'], retired: ['L4'], unchanged: ['L3', 'L2'] },
  ],
];

describe('compareVersions', () => {
  it.each(CASES)('%s', (_label, older, newer, expected) => {
    expect(ids(compareVersions(older, newer))).toEqual(expected);
  });

  it.each(CASES)(
    '%s, compared the other way round: added and retired swap, amendments turn around',
    (_l, older, newer, expected) => {
      const swapped = compareVersions(newer, older);
      const reverse = (pair: string) => pair.split('→').reverse().join('→');
      // The lists of the swapped comparison follow the other version's order, so compare them as sets.
      const sorted = (list: string[]) => [...list].sort();
      expect(sorted(ids(swapped).added)).toEqual(sorted(expected.retired));
      expect(sorted(ids(swapped).retired)).toEqual(sorted(expected.added));
      expect(sorted(ids(swapped).amended)).toEqual(sorted(expected.amended.map(reverse)));
      expect(sorted(ids(swapped).unchanged)).toEqual(sorted(expected.unchanged));
    },
  );

  it('gives the old and the new wording of an amended item, and the items themselves', () => {
    const diff = compareVersions([MEET, EMAIL], [MEET_AMENDED, EMAIL]);
    expect(diff.amended).toEqual([{ before: MEET, after: MEET_AMENDED }]);
    expect(diff.unchanged).toEqual([EMAIL]);
  });

  it('takes unchanged items from the newer version (its decision record is the current one)', () => {
    const again = { ...MEET, agreementId: 'A1c', round: 2 };
    expect(compareVersions([MEET], [again]).unchanged[0]).toBe(again);
  });

  it('compares a version with itself as all unchanged', () => {
    const items = [WEEKEND, MEET, EMAIL, FRIDAY];
    expect(ids(compareVersions(items, items))).toEqual({ ...NONE, unchanged: ['L4', 'L1', 'L2', 'L3'] });
  });
});
