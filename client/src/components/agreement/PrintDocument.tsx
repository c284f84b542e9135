import { createPortal } from 'react-dom';
import type { BoardState } from '../../../../shared/domain/state';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/i18n';
import { itemsByPrompt } from '../decisions/decisionSelectors';
import { AgreementTable } from './AgreementTable';
import { formatDay } from './agreementCopy';
import { versionLine } from './VersionStatus';

/** What we know about each other, written out: in print nothing can be unfolded. */
function PrintAwareness({ board }: { readonly board: BoardState }) {
  const t = useT();
  const needMark = (tag: string | null | undefined) => (tag === 'need' ? ` (${t('agreement.print.need')})` : '');
  const groups = itemsByPrompt(board, 'awareness').filter(({ items }) => items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="print-doc__awareness">
      <h2>{t('decisions.awareness.title')}</h2>
      <p>{t('agreement.print.awarenessIntro')}</p>
      {groups.map(({ prompt, items }) => (
        <section key={prompt.id} className="print-doc__awareness-prompt">
          <h3>{prompt.text}</h3>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                {item.theme ? (
                  <>
                    <strong>{item.name}</strong>
                    <ul>
                      {item.notes.map((note) => (
                        <li key={note.id}>
                          {note.text}
                          {note.author && ` (${note.author})`}
                          {needMark(note.tag)}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    {item.name}
                    {item.notes[0]?.author && ` (${item.notes[0].author})`}
                    {needMark(item.notes[0]?.tag)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/**
 * The document the browser prints (or saves as PDF): the agreement with its decision records and
 * what we know about each other, nothing else, in the interface's language. Hidden on screen; the
 * print stylesheet shows it alone, black on white.
 */
export function PrintDocument({ board }: { readonly board: BoardState }) {
  const t = useT();
  const locale = useLocale();
  const { meta } = board;
  return createPortal(
    <div className="print-doc">
      <h1>{meta.title}</h1>
      {meta.purpose && <p className="print-doc__purpose">{meta.purpose}</p>}
      <p className="print-doc__status">
        {versionLine(board)}
        {meta.checkInDate && `. ${t('agreement.checkIn.line', { date: formatDay(meta.checkInDate) })}`}
      </p>
      <AgreementTable board={board} isPrint idPrefix="print" />
      <PrintAwareness board={board} />
      <p className="print-doc__footer">{t('agreement.print.footer', { date: formatDate(locale, new Date()) })}</p>
    </div>,
    document.body,
  );
}
