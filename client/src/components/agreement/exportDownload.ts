import { refusalSentence } from '../../i18n/errors';

/** What the export endpoints give: the agreement as a document, or the check-in as a calendar event. */
export type ExportKind = 'md' | 'csv' | 'json' | 'ics';

/** A download that failed, with a sentence for people. */
export class DownloadError extends Error {}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/**
 * Fetches an export with the facilitator key or the read-only key as a Bearer token (never in the
 * URL, where it would land in logs and history) and saves it as a file. Returns the file name.
 */
export async function downloadExport(boardId: string, key: string, kind: ExportKind): Promise<string> {
  const path = kind === 'ics' ? 'checkin.ics' : `export.${kind}`;
  let response: Response;
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/${path}`, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
    });
  } catch {
    throw new DownloadError('Could not reach Accord. Check your connection and try again.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown; reason?: unknown; values?: unknown } | null;
    throw new DownloadError(
      typeof body?.message === 'string'
        ? refusalSentence({ message: body.message, reason: body.reason, values: body.values })
        : 'The file could not be made. Try again.',
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
