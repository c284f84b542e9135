import type { VersionItem } from '../records/VersionRecord';

/** How two versions of an agreement differ, item by item (items are matched by lineage). */
export interface VersionDiff {
  readonly added: readonly VersionItem[];
  readonly amended: readonly { readonly before: VersionItem; readonly after: VersionItem }[];
  readonly retired: readonly VersionItem[];
  readonly unchanged: readonly VersionItem[];
}

/**
 * Compares an older and a newer list of items. An item whose lineage is in both is amended when
 * its wording or its SMARTIE fields changed, else unchanged; lineages only in the newer list are
 * added, only in the older one retired. The order of each list follows the newer (or, for
 * retired items, the older) version.
 */
export function compareVersions(older: readonly VersionItem[], newer: readonly VersionItem[]): VersionDiff {
  const before = new Map(older.map((item) => [item.lineageId, item]));
  const after = new Set(newer.map((item) => item.lineageId));
  const added: VersionItem[] = [];
  const amended: { before: VersionItem; after: VersionItem }[] = [];
  const unchanged: VersionItem[] = [];
  for (const item of newer) {
    const old = before.get(item.lineageId);
    if (!old) added.push(item);
    else if (old.statement !== item.statement || JSON.stringify(old.smartie) !== JSON.stringify(item.smartie))
      amended.push({ before: old, after: item });
    else unchanged.push(item);
  }
  const retired = older.filter((item) => !after.has(item.lineageId));
  return { added, amended, retired, unchanged };
}
