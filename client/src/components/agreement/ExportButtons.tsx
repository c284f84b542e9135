import { type ReactNode, useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { announce } from '../../store/toastStore';
import { DownloadError, downloadExport, type ExportKind } from './exportDownload';
import { PrintDocument } from './PrintDocument';
import './agreement.css';

const FILES: readonly { kind: Exclude<ExportKind, 'ics'>; label: string; what: string }[] = [
  { kind: 'md', label: 'Markdown', what: 'the agreement as a document' },
  { kind: 'csv', label: 'CSV', what: 'the agreed statements and every note, for a spreadsheet' },
  { kind: 'json', label: 'JSON', what: 'the whole board, which can be imported again' },
];

export interface ExportButtonsProps {
  readonly board: BoardState;
  /** The facilitator key, the read-only key or (once closed) a participant's secret, sent as a Bearer token. */
  readonly downloadKey: string | null;
  readonly headingId: string;
  readonly title?: string;
  /** The files offered; a participant gets the agreement (Markdown, CSV), not the importable board. */
  readonly kinds?: readonly Exclude<ExportKind, 'ics'>[];
  /** More ways to hand it out (the facilitator's read-only link). */
  readonly children?: ReactNode;
}

/** Downloads of the agreement (Markdown, CSV, JSON) and a clean print, for handing it out. */
export function ExportButtons({
  board,
  downloadKey,
  headingId,
  title = 'Hand out the agreement',
  kinds = ['md', 'csv', 'json'],
  children,
}: ExportButtonsProps) {
  const [busy, setBusy] = useState<ExportKind | null>(null);

  const download = async (kind: ExportKind) => {
    if (!downloadKey || busy) return;
    setBusy(kind);
    try {
      const name = await downloadExport(board.meta.id, downloadKey, kind);
      announce(`Downloaded ${name}.`);
    } catch (error) {
      announce(error instanceof DownloadError ? error.message : 'The file could not be made. Try again.', 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="exports" aria-labelledby={headingId}>
      <h2 id={headingId} className="exports__title">
        {title}
      </h2>
      <p className="hint">
        Files never contain who wrote which note{board.meta.settings.isAnonymous ? '' : ' beyond the names shown on this board'}.
      </p>
      {downloadKey === null && <p className="notice">This browser has no key to download the files.</p>}
      <ul className="exports__list">
        {FILES.filter((file) => kinds.includes(file.kind)).map(({ kind, label, what }) => (
          <li key={kind}>
            <button
              type="button"
              className="button"
              aria-disabled={downloadKey === null || busy !== null}
              data-export={kind}
              onClick={() => download(kind)}
            >
              {busy === kind ? 'Preparing…' : `Download ${label}`}
            </button>{' '}
            <span className="exports__what">{what}</span>
          </li>
        ))}
        <li>
          <button type="button" className="button" onClick={() => window.print()}>
            Print / save as PDF
          </button>{' '}
          <span className="exports__what">the agreement, its decision records and what we know about each other</span>
        </li>
      </ul>
      {children}
      <PrintDocument board={board} />
    </section>
  );
}
