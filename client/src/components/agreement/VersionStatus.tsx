import type { BoardState } from '../../../../shared/domain/state';
import { formatShortDay } from './agreementCopy';

/** "Version 2 · final since 12 Jun 2026" or "Version 2 · in progress (version 1 is in force until then)". */
export function versionLine(board: BoardState): string {
  const { meta } = board;
  if (meta.isClosed) {
    const closed = [...board.versions.values()].find((v) => v.number === meta.version);
    return `Version ${meta.version} · final${closed ? `, closed on ${formatShortDay(closed.closedAt)}` : ''}`;
  }
  return meta.version > 1
    ? `Version ${meta.version} · in progress. What is shown is in force now; version ${meta.version - 1} is the last closed one.`
    : `Version ${meta.version} · in progress. It becomes final when the facilitator closes the workshop.`;
}

/** Which version of the agreement this is, and whether it is final. */
export function VersionStatus({ board }: { readonly board: BoardState }) {
  return (
    <p className={`version-status${board.meta.isClosed ? ' version-status--final' : ''}`} data-version={board.meta.version}>
      {versionLine(board)}
    </p>
  );
}
