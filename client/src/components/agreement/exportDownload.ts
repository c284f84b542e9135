import type { ContentLanguage } from '../../../../shared/i18n/contentLanguage';
import { translate } from '../../i18n/i18n';
import { refusalText } from '../../i18n/refusalText';

/** What the export endpoints give: the agreement as a document, or the check-in as a calendar event. */
export type ExportKind = 'md' | 'csv' | 'json' | 'ics';

/** A download that failed, with a sentence for people. */
export class DownloadError extends Error {}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/** The address of an export; `language` asks for its words in that language (`?lang=`), else the board's. */
export function exportPath(boardId: string, kind: ExportKind, language?: ContentLanguage): string {
  const file = kind === 'ics' ? 'checkin.ics' : `export.${kind}`;
  const query = language === undefined ? '' : `?lang=${encodeURIComponent(language)}`;
  return `/api/boards/${encodeURIComponent(boardId)}/${file}${query}`;
}

/**
 * Fetches an export with the facilitator key or the read-only key as a Bearer token (never in the
 * URL, where it would land in logs and history) and saves it as a file. Returns the file name.
 */
export async function downloadExport(
  boardId: string,
  key: string,
  kind: ExportKind,
  language?: ContentLanguage,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(exportPath(boardId, kind, language), {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
  } catch {
    throw new DownloadError(translate('agreement.export.unreachable'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown; reason?: unknown; values?: unknown } | null;
    throw new DownloadError(
      typeof body?.message === 'string'
        ? refusalText({ message: body.message, reason: body.reason, values: body.values })
        : translate('agreement.export.failed'),
    );
  }
  const name = fileNameOf(response, `agreement.${kind}`);
  saveFile(await response.blob(), name);
  return name;
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
