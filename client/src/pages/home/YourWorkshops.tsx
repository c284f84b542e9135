import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { PHASE_NAMES } from '../../copy';
import { coFacilitatorUrl } from '../../facilitatorLink';
import { readerKeyFor } from '../../readerLink';
import { facilitatorKeyFor, forgetBoard, joinCodeFor } from '../../storage';
import { useConfirm } from '../facilitator/useConfirm';
import { type RememberedWorkshop, yourWorkshops } from '../../yourWorkshops';

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "Reflect · started 5 Dec 2026 · last opened 6 Dec 2026", from what this browser knows. */
function describe(workshop: RememberedWorkshop): string {
  const parts: string[] = [];
  if (workshop.isClosed) parts.push(`Closed, version ${workshop.version} final`);
  else if (workshop.phase)
    parts.push(PHASE_NAMES[workshop.phase] + (workshop.version > 1 ? `, version ${workshop.version}` : ''));
  if (workshop.createdAt !== null) parts.push(`started ${DAY.format(workshop.createdAt)}`);
  parts.push(workshop.openedAt === null ? 'not opened yet' : `last opened ${DAY.format(workshop.openedAt)}`);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The workshops this browser runs (it holds their facilitator key), so that a facilitator finds
 * them again without the link. Nothing here comes from the server: it is this browser's memory.
 */
export function YourWorkshops() {
  const [workshops, setWorkshops] = useState(yourWorkshops);
  const [status, setStatus] = useState('');
  const confirm = useConfirm();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  if (workshops.length === 0 && status === '') return null;

  const forget = (workshop: RememberedWorkshop, name: string) =>
    confirm.ask({
      title: `Forget “${name}” in this browser?`,
      message:
        'This browser will no longer hold its facilitator key, join code, read-only link or your own seat on it. The workshop itself stays, for everyone in it; to run it again here you will need its co-facilitator link.',
      confirmLabel: 'Forget it',
      onConfirm: () => {
        forgetBoard(workshop.boardId);
        setWorkshops(yourWorkshops());
        setStatus(`“${name}” forgotten in this browser.`);
        heading.current?.focus();
      },
    });

  return (
    <section className="panel your-workshops" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        Your workshops
      </h2>
      <p className="hint">The workshops you run from this browser.</p>
      <p className="hint your-workshops__status" role="status">
        {status}
      </p>
      <ul className="your-workshops__list">
        {workshops.map((workshop) => {
          const name = workshop.title ?? 'Untitled workshop';
          const key = facilitatorKeyFor(workshop.boardId) ?? '';
          const href = `/b/${workshop.boardId}/facilitate`;
          return (
            <li key={workshop.boardId} className="your-workshops__item">
              <div className="your-workshops__text">
                <a className="your-workshops__title" href={href}>
                  {name}
                </a>
                <p className="your-workshops__meta">{describe(workshop)}</p>
              </div>
              <div className="actions">
                <a className="button button--small button--primary" href={href} aria-label={`Open “${name}”`}>
                  Open
                </a>
                <CopyButton
                  className="button button--small"
                  text={coFacilitatorUrl(workshop.boardId, key, joinCodeFor(workshop.boardId), readerKeyFor(workshop.boardId))}
                  label="Co-facilitator link"
                  accessibleLabel={`Copy the co-facilitator link of “${name}”`}
                  done="Co-facilitator link copied. It gives full control: share it carefully."
                />
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Forget “${name}” in this browser`}
                  onClick={() => forget(workshop, name)}
                >
                  Forget
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </section>
  );
}
