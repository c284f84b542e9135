import { createPortal } from 'react-dom';
import type { BoardState } from '../../../../shared/domain/state';
import { itemsByPrompt } from '../decisions/decisionSelectors';
import { AgreementTable } from './AgreementTable';
import { formatDay } from './agreementCopy';
import { versionLine } from './VersionStatus';

/** What we know about each other, written out: in print nothing can be unfolded. */
function PrintAwareness({ board }: { readonly board: BoardState }) {
  const groups = itemsByPrompt(board, 'awareness').filter(({ items }) => items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="print-doc__awareness">
      <h2>What we know about each other</h2>
      <p>These answers help us understand each other. They were not voted on.</p>
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
                          {note.tag === 'need' && ' (need)'}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    {item.name}
                    {item.notes[0]?.author && ` (${item.notes[0].author})`}
                    {item.notes[0]?.tag === 'need' && ' (need)'}
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
 * what we know about each other, nothing else. Hidden on screen; the print stylesheet shows it
 * alone, black on white.
 */
export function PrintDocument({ board }: { readonly board: BoardState }) {
  const { meta } = board;
  return createPortal(
    <div className="print-doc">
      <h1>{meta.title}</h1>
      {meta.purpose && <p className="print-doc__purpose">{meta.purpose}</p>}
      <p className="print-doc__status">
        {versionLine(board)}
        {meta.checkInDate && `. We check in on our agreement on ${formatDay(meta.checkInDate)}.`}
      </p>
      <AgreementTable board={board} isPrint idPrefix="print" />
      <PrintAwareness board={board} />
      <p className="print-doc__footer">Printed from Accord on {new Date().toLocaleDateString()}.</p>
    </div>,
    document.body,
  );
}
