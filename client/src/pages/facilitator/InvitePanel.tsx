import { CopyButton } from '../../components/CopyButton';
import { JoinCode } from '../../components/JoinCode';
import { coFacilitatorUrl, participantUrl } from '../../facilitatorLink';
import { useT } from '../../i18n/i18n';
import { ReaderLinkBlock } from './agreement/ReaderLinkBlock';
import { LocalAddressWarning } from './LocalAddressWarning';
import { QrCode } from './QrCode';

export interface InvitePanelProps {
  readonly boardId: string;
  readonly joinCode: string | null;
  readonly facilitatorKey: string;
  /** The read-only link's key, when this browser has it. */
  readonly readerKey: string | null;
  /** Open while people are still arriving; folded away later, one click from the code. */
  readonly isOpen: boolean;
}

/** Everything needed to bring people in: the code big enough for the back of the room, the link, a QR code. */
export function InvitePanel({ boardId, joinCode, facilitatorKey, readerKey, isOpen }: InvitePanelProps) {
  const t = useT();
  const link = participantUrl(boardId, joinCode);
  return (
    <details className="panel invite" open={isOpen}>
      <summary className="panel__summary">{t('facilitator.invite.summary')}</summary>
      <div className="invite__body">
        <LocalAddressWarning />
        <div className="invite__code-block">
          {joinCode ? (
            <>
              <p className="invite__label">{t('facilitator.invite.goTo', { host: location.host })}</p>
              <JoinCode code={joinCode} className="invite__code" />
            </>
          ) : (
            <p className="hint">{t('facilitator.invite.codeElsewhere')}</p>
          )}
          <p className="invite__label">{t('facilitator.invite.orLink')}</p>
          <p className="invite__link">
            <a href={link} target="_blank" rel="noreferrer">
              {link}
            </a>
          </p>
          <div className="actions">
            <CopyButton text={link} label={t('facilitator.invite.copyLink')} done={t('facilitator.invite.linkCopied')} />
          </div>
        </div>
        <QrCode text={link} label={t('facilitator.invite.qrLabel', { link })} />
        <div className="invite__cofac">
          <h3>{t('facilitator.invite.coFacilitators')}</h3>
          <p className="hint">{t('facilitator.invite.coFacilitatorHint')}</p>
          <CopyButton
            text={coFacilitatorUrl(boardId, facilitatorKey, joinCode, readerKey)}
            label={t('facilitator.invite.copyCoFacilitatorLink')}
            done={t('facilitator.invite.coFacilitatorLinkCopied')}
          />
        </div>
        <ReaderLinkBlock boardId={boardId} readerKey={readerKey} />
      </div>
    </details>
  );
}
