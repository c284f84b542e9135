import { useId } from 'react';
import { isLoopbackHost, NETWORK_START_COMMAND } from '../../../../shared/localAddress';
import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n/i18n';

/** The port a browser leaves out of an http address. */
const DEFAULT_HTTP_PORT = '80';

/**
 * Shown in the invite panel when this page was opened at an address only this computer can
 * reach (Accord's default HOST=127.0.0.1): the code, the link and the QR code would send people's
 * phones to their own phone. Says what to do instead.
 */
export function LocalAddressWarning() {
  const t = useT();
  const titleId = useId();
  if (!isLoopbackHost(location.hostname)) return null;
  return (
    <div className="notice invite__local" role="note" aria-labelledby={titleId}>
      <p id={titleId} className="invite__local-title">
        {t('facilitator.local.title', { host: location.host })}
      </p>
      <p>{t('facilitator.local.explain')}</p>
      <p className="invite__command">
        <code>{NETWORK_START_COMMAND}</code>
      </p>
      <div className="actions">
        <CopyButton
          text={NETWORK_START_COMMAND}
          label={t('facilitator.local.copyCommand')}
          done={t('facilitator.local.commandCopied')}
        />
      </div>
      <p className="hint">{t('facilitator.local.then', { port: location.port || DEFAULT_HTTP_PORT })}</p>
    </div>
  );
}
