import { CopyButton } from '../../components/CopyButton';
import { JoinCode } from '../../components/JoinCode';
import { coFacilitatorUrl, participantUrl } from '../../facilitatorLink';
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
  const link = participantUrl(boardId, joinCode);
  return (
    <details className="panel invite" open={isOpen}>
      <summary className="panel__summary">Invite and share</summary>
      <div className="invite__body">
        <LocalAddressWarning />
        <div className="invite__code-block">
          {joinCode ? (
            <>
              <p className="invite__label">Go to {location.host} and type the code</p>
              <JoinCode code={joinCode} className="invite__code" />
            </>
          ) : (
            <p className="hint">The join code is shown on the device that created this workshop. The link below works too.</p>
          )}
          <p className="invite__label">or open this link</p>
          <p className="invite__link">
            <a href={link} target="_blank" rel="noreferrer">
              {link}
            </a>
          </p>
          <div className="actions">
            <CopyButton text={link} label="Copy link" done="Participant link copied." />
          </div>
        </div>
        <QrCode text={link} label={`QR code that opens ${link}`} />
        <div className="invite__cofac">
          <h3>Co-facilitators</h3>
          <p className="hint">This link gives full control of the workshop. Share it only with people who run it with you.</p>
          <CopyButton
            text={coFacilitatorUrl(boardId, facilitatorKey, joinCode, readerKey)}
            label="Copy co-facilitator link"
            done="Co-facilitator link copied. It gives full control: share it carefully."
          />
        </div>
        <ReaderLinkBlock boardId={boardId} readerKey={readerKey} />
      </div>
    </details>
  );
}
