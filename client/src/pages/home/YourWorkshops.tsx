import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { phaseName } from '../../copy';
import { coFacilitatorUrl } from '../../facilitatorLink';
import { readerKeyFor } from '../../readerLink';
import { formatDate } from '../../i18n/format';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import type { Locale } from '../../i18n/locales';
import { facilitatorKeyFor, forgetBoard, joinCodeFor } from '../../storage';
import { useConfirm } from '../facilitator/useConfirm';
import { type RememberedWorkshop, yourWorkshops } from '../../yourWorkshops';

/** "Reflect · started 5 Dec 2026 · last opened 6 Dec 2026", from what this browser knows. */
function describe(workshop: RememberedWorkshop, t: Translate, locale: Locale): string {
  const day = (date: number) => formatDate(locale, date, { dateStyle: 'medium' });
  const { version } = workshop;
  const parts: string[] = [];
  if (workshop.isClosed) parts.push(t('home.workshops.closedVersion', { version }));
  else if (workshop.phase) {
    const phase = phaseName(workshop.phase, t);
    parts.push(version > 1 ? t('home.workshops.phaseVersion', { phase, version }) : phase);
  }
  if (workshop.createdAt !== null) parts.push(t('home.workshops.started', { date: day(workshop.createdAt) }));
  parts.push(
    workshop.openedAt === null ? t('home.workshops.notOpened') : t('home.workshops.lastOpened', { date: day(workshop.openedAt) }),
  );
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The workshops this browser runs (it holds their facilitator key), so that a facilitator finds
 * them again without the link. Nothing here comes from the server: it is this browser's memory.
 */
export function YourWorkshops() {
  const t = useT();
  const locale = useLocale();
  const [workshops, setWorkshops] = useState(yourWorkshops);
  const [status, setStatus] = useState('');
  const confirm = useConfirm();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  if (workshops.length === 0 && status === '') return null;

  const forget = (workshop: RememberedWorkshop, name: string) =>
    confirm.ask({
      title: t('home.workshops.forgetTitle', { name }),
      message: t('home.workshops.forgetMessage'),
      confirmLabel: t('home.workshops.forgetConfirm'),
      onConfirm: () => {
        forgetBoard(workshop.boardId);
        setWorkshops(yourWorkshops());
        setStatus(t('home.workshops.forgotten', { name }));
        heading.current?.focus();
      },
    });

  return (
    <section className="panel your-workshops" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('home.workshops.heading')}
      </h2>
      <p className="hint">{t('home.workshops.hint')}</p>
      <p className="hint your-workshops__status" role="status">
        {status}
      </p>
      <ul className="your-workshops__list">
        {workshops.map((workshop) => {
          const name = workshop.title ?? t('home.workshops.untitled');
          const key = facilitatorKeyFor(workshop.boardId) ?? '';
          const href = `/b/${workshop.boardId}/facilitate`;
          return (
            <li key={workshop.boardId} className="your-workshops__item">
              <div className="your-workshops__text">
                <a className="your-workshops__title" href={href}>
                  {name}
                </a>
                <p className="your-workshops__meta">{describe(workshop, t, locale)}</p>
              </div>
              <div className="actions">
                <a
                  className="button button--small button--primary"
                  href={href}
                  aria-label={t('home.workshops.openLabel', { name })}
                >
                  {t('home.workshops.open')}
                </a>
                <CopyButton
                  className="button button--small"
                  text={coFacilitatorUrl(workshop.boardId, key, joinCodeFor(workshop.boardId), readerKeyFor(workshop.boardId))}
                  label={t('home.workshops.coFacilitatorLink')}
                  accessibleLabel={t('home.workshops.copyCoFacilitatorLabel', { name })}
                  done={t('home.workshops.coFacilitatorCopied')}
                />
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t('home.workshops.forgetLabel', { name })}
                  onClick={() => forget(workshop, name)}
                >
                  {t('home.workshops.forget')}
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
