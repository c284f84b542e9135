import { useId } from 'react';
import { isLoopbackHost, NETWORK_START_COMMAND } from '../../../../shared/localAddress';
import { CopyButton } from '../../components/CopyButton';

/**
 * Shown in the invite panel when this page was opened at an address only this computer can
 * reach (Accord's default HOST=127.0.0.1): the code, the link and the QR code would send people's
 * phones to their own phone. Says what to do instead.
 */
export function LocalAddressWarning() {
  const titleId = useId();
  if (!isLoopbackHost(location.hostname)) return null;
  return (
    <div className="notice invite__local" role="note" aria-labelledby={titleId}>
      <p id={titleId} className="invite__local-title">
        Phones cannot open {location.host}
      </p>
      <p>
        This address means “this computer”: on anyone else’s phone or laptop it leads nowhere. To let people in the room join,
        stop Accord (Ctrl+C in its terminal) and start it again with
      </p>
      <p className="invite__command">
        <code>{NETWORK_START_COMMAND}</code>
      </p>
      <div className="actions">
        <CopyButton text={NETWORK_START_COMMAND} label="Copy the command" done="Command copied." />
      </div>
      <p className="hint">
        Then open Accord at one of the network addresses it prints (like http://192.168.1.20:{location.port || '80'}), and invite
        people from there.
      </p>
    </div>
  );
}
