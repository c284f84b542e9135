import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_REASON_CHARS } from '../../../../../shared/limits';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { quoted } from '../../../copy';
import { useT } from '../../../i18n/i18n';
import { unlockAgreement } from '../../../sync/commands';

/** Unlocking asks why; the reason and the moment stay in the item's record. */
export function UnlockAgreement({
  item,
  ask,
}: {
  readonly item: AgreementItem;
  readonly ask: (request: ConfirmRequest) => void;
}) {
  const t = useT();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const openButton = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const wasOpen = useRef(false);

  useEffect(() => {
    if (!isOpen && wasOpen.current) openButton.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  const close = () => {
    setIsOpen(false);
    setReason('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === '') return;
    ask({
      title: t('facilitator.decide.unlock.title'),
      message: t('facilitator.decide.unlock.message', { statement: quoted(item.statement) }),
      confirmLabel: t('facilitator.decide.unlock.confirm'),
      onConfirm: () => void unlockAgreement(item.id, trimmed),
    });
  };

  if (!isOpen) {
    return (
      <button
        ref={openButton}
        type="button"
        className="button button--small"
        aria-label={t('facilitator.decide.unlock.label', { statement: quoted(item.statement) })}
        onClick={() => setIsOpen(true)}
      >
        {t('facilitator.decide.unlock.open')}
      </button>
    );
  }
  return (
    <form className="unlock-form" onSubmit={submit}>
      <label htmlFor={reasonId} className="response-form__label">
        {t('facilitator.decide.unlock.why')} <span className="optional">{t('facilitator.decide.unlock.kept')}</span>
      </label>
      <textarea
        id={reasonId}
        className="composer__text"
        rows={2}
        maxLength={MAX_REASON_CHARS}
        value={reason}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request; typing the reason is the next step.
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={reason.trim() === ''}>
          {t('facilitator.decide.unlock.confirm')}
        </button>
        <button type="button" className="button" onClick={close}>
          {t('facilitator.decide.cancel')}
        </button>
      </div>
    </form>
  );
}
