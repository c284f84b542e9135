import { type ReactNode, useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { boardLanguage, type ContentLanguage } from '../../../../shared/i18n/contentLanguage';
import { type MessageKey, useT } from '../../i18n/i18n';
import { announce } from '../../store/toastStore';
import { ContentLanguageSelect } from '../ContentLanguageSelect';
import { DownloadError, downloadExport, type ExportKind } from './exportDownload';
import { PrintDocument } from './PrintDocument';
import './agreement.css';

/** Each file's button and what it holds, in the order they are offered. */
const FILES: readonly { readonly kind: ExportKind; readonly download: MessageKey; readonly what: MessageKey }[] = [
  { kind: 'md', download: 'agreement.export.downloadMd', what: 'agreement.export.whatMd' },
  { kind: 'csv', download: 'agreement.export.downloadCsv', what: 'agreement.export.whatCsv' },
  { kind: 'json', download: 'agreement.export.downloadJson', what: 'agreement.export.whatJson' },
  { kind: 'ics', download: 'agreement.export.downloadIcs', what: 'agreement.export.whatIcs' },
];

export interface ExportButtonsProps {
  readonly board: BoardState;
  /** The facilitator key, the read-only key or (once closed) a participant's secret, sent as a Bearer token. */
  readonly downloadKey: string | null;
  readonly headingId: string;
  readonly title?: string;
  /**
   * The files offered; a participant gets the agreement (Markdown, CSV), not the importable board.
   * The calendar file is offered once the board has a check-in date.
   */
  readonly kinds?: readonly ExportKind[];
  /** More ways to hand it out (the facilitator's read-only link). */
  readonly children?: ReactNode;
}

/**
 * Downloads of the agreement (Markdown, CSV, JSON, the check-in's calendar file) in a language of
 * the downloader's choice, and a clean print in the interface's language, for handing it out.
 */
export function ExportButtons({
  board,
  downloadKey,
  headingId,
  title,
  kinds = ['md', 'csv', 'json', 'ics'],
  children,
}: ExportButtonsProps) {
  const t = useT();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  // The files' language follows the board's until the person chooses another.
  const [chosenLanguage, setChosenLanguage] = useState<ContentLanguage | null>(null);
  const language = chosenLanguage ?? boardLanguage(board.meta);
  const offered = FILES.filter((file) => kinds.includes(file.kind) && (file.kind !== 'ics' || board.meta.checkInDate !== null));

  const download = async (kind: ExportKind) => {
    if (!downloadKey || busy) return;
    setBusy(kind);
    try {
      // The JSON file is the board itself, which has no words of Accord's to translate.
      const name = await downloadExport(board.meta.id, downloadKey, kind, kind === 'json' ? undefined : language);
      announce(t('agreement.export.downloaded', { name }));
    } catch (error) {
      announce(error instanceof DownloadError ? error.message : t('agreement.export.failed'), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="exports" aria-labelledby={headingId}>
      <h2 id={headingId} className="exports__title">
        {title ?? t('agreement.export.title')}
      </h2>
      <p className="hint">
        {board.meta.settings.isAnonymous ? t('agreement.export.privacyAnonymous') : t('agreement.export.privacyNamed')}
      </p>
      {downloadKey === null ? (
        <p className="notice">{t('agreement.export.noKey')}</p>
      ) : (
        <ContentLanguageSelect
          label={t('agreement.export.languageLabel')}
          hint={t('agreement.export.languageHint')}
          value={language}
          onChange={setChosenLanguage}
        />
      )}
      <ul className="exports__list">
        {offered.map(({ kind, download: label, what }) => (
          <li key={kind}>
            <button
              type="button"
              className="button"
              aria-disabled={downloadKey === null || busy !== null}
              data-export={kind}
              onClick={() => download(kind)}
            >
              {busy === kind ? t('agreement.export.preparing') : t(label)}
            </button>{' '}
            <span className="exports__what">{t(what)}</span>
          </li>
        ))}
        <li>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('agreement.export.print')}
          </button>{' '}
          <span className="exports__what">{t('agreement.export.whatPrint')}</span>
        </li>
      </ul>
      {children}
      <PrintDocument board={board} />
    </section>
  );
}
