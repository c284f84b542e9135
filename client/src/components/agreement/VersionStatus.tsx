import type { BoardState } from '../../../../shared/domain/state';
import { translate, useLocale } from '../../i18n/i18n';
import { formatShortDay } from './agreementCopy';

/** "Version 2 · final since 12 Jun 2026" or "Version 2 · in progress (version 1 is in force until then)". */
export function versionLine(board: BoardState): string {
  const { meta } = board;
  if (meta.isClosed) {
    const closed = [...board.versions.values()].find((v) => v.number === meta.version);
    return closed
      ? translate('agreement.version.finalClosedOn', { version: meta.version, date: formatShortDay(closed.closedAt) })
      : translate('agreement.version.final', { version: meta.version });
  }
  return meta.version > 1
    ? translate('agreement.version.inProgressLater', { version: meta.version, previous: meta.version - 1 })
    : translate('agreement.version.inProgressFirst', { version: meta.version });
}

/** Which version of the agreement this is, and whether it is final. */
export function VersionStatus({ board }: { readonly board: BoardState }) {
  // Read the language, so that the line is written again when it changes.
  useLocale();
  return (
    <p className={`version-status${board.meta.isClosed ? ' version-status--final' : ''}`} data-version={board.meta.version}>
      {versionLine(board)}
    </p>
  );
}
