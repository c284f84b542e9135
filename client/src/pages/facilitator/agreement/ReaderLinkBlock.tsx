import { CopyButton } from '../../../components/CopyButton';
import { readerUrl } from '../../../readerLink';
import '../../../components/agreement/agreement.css';

/**
 * The read-only agreement link. Its key is handed out once, when the workshop is created, to the
 * browser that created it (and along with co-facilitator links made there).
 */
export function ReaderLinkBlock({ boardId, readerKey }: { readonly boardId: string; readonly readerKey: string | null }) {
  if (readerKey === null) {
    return (
      <div className="reader-link">
        <h3>Read-only link</h3>
        <p className="hint">
          This browser has no read-only link for this workshop. It is given once, to the browser that created the workshop (and
          with the co-facilitator links made there). Workshops created before read-only links existed have none: you can still
          hand out the Markdown file or a printed copy.
        </p>
      </div>
    );
  }
  const link = readerUrl(boardId, readerKey);
  return (
    <div className="reader-link">
      <h3>Read-only link</h3>
      <p className="hint">
        Anyone with this link can read the agreement, its decision records and its versions, without joining. They cannot change
        anything and are not counted as here.
      </p>
      <p className="invite__link">
        <a href={link} target="_blank" rel="noreferrer" data-reader-link>
          {link}
        </a>
      </p>
      <CopyButton text={link} label="Copy read-only link" done="Read-only link copied." />
    </div>
  );
}
