import { CopyButton } from '../../../components/CopyButton';
import { useT } from '../../../i18n/i18n';
import { readerUrl } from '../../../readerLink';
import '../../../components/agreement/agreement.css';

/**
 * The read-only agreement link. Its key is handed out once, when the workshop is created, to the
 * browser that created it (and along with co-facilitator links made there).
 */
export function ReaderLinkBlock({ boardId, readerKey }: { readonly boardId: string; readonly readerKey: string | null }) {
  const t = useT();
  if (readerKey === null) {
    return (
      <div className="reader-link">
        <h3>{t('facilitator.agreement.reader.heading')}</h3>
        <p className="hint">{t('facilitator.agreement.reader.none')}</p>
      </div>
    );
  }
  const link = readerUrl(boardId, readerKey);
  return (
    <div className="reader-link">
      <h3>{t('facilitator.agreement.reader.heading')}</h3>
      <p className="hint">{t('facilitator.agreement.reader.explain')}</p>
      <p className="invite__link">
        <a href={link} target="_blank" rel="noreferrer" data-reader-link>
          {link}
        </a>
      </p>
      <CopyButton text={link} label={t('facilitator.agreement.reader.copy')} done={t('facilitator.agreement.reader.copied')} />
    </div>
  );
}
