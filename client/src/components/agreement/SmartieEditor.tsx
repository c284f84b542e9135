import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_SMARTIE_OWNER_CHARS, MAX_SMARTIE_TEXT_CHARS } from '../../../../shared/limits';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import { quoted } from '../../copy';
import { useT } from '../../i18n/i18n';
import { announce } from '../../store/toastStore';
import { setSmartie } from '../../sync/versionCommands';

/**
 * The facilitator fills in an agreed item's action details (owner, measure, deadline, inclusion
 * and equity check). Offered on every item of a SMARTIE board, and on request elsewhere.
 */
export function SmartieEditor({ item, usesSmartie }: { readonly item: AgreementItem; readonly usesSmartie: boolean }) {
  const t = useT();
  const [isOpen, setIsOpen] = useState(false);
  const [owner, setOwner] = useState('');
  const [measure, setMeasure] = useState('');
  const [deadline, setDeadline] = useState('');
  const [equityCheck, setEquityCheck] = useState('');
  const [isSending, setIsSending] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const ids = { owner: useId(), measure: useId(), deadline: useId(), equity: useId(), equityHint: useId(), title: useId() };

  useEffect(() => {
    if (!isOpen && wasOpen.current) openButton.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  const open = () => {
    setOwner(item.smartie?.owner ?? '');
    setMeasure(item.smartie?.measure ?? '');
    setDeadline(item.smartie?.deadline ?? '');
    setEquityCheck(item.smartie?.equityCheck ?? '');
    setIsOpen(true);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    setIsSending(true);
    const isEmpty = !owner.trim() && !measure.trim() && !deadline && !equityCheck.trim();
    const result = await setSmartie(
      item.id,
      isEmpty
        ? null
        : { owner: owner.trim(), measure: measure.trim(), deadline: deadline || null, equityCheck: equityCheck.trim() },
    );
    setIsSending(false);
    if (!result.ok) return;
    announce(t(isEmpty ? 'smartieEditor.removed' : 'smartieEditor.saved'));
    setIsOpen(false);
  };

  const hasDetails = item.smartie !== null;
  const label = t(hasDetails ? 'smartieEditor.edit' : usesSmartie ? 'smartieEditor.fillIn' : 'smartieEditor.add');
  if (!isOpen) {
    return (
      <button
        ref={openButton}
        type="button"
        className={`button button--small${usesSmartie && !hasDetails ? ' button--primary' : ''}`}
        aria-label={t('smartieEditor.openLabel', { action: label, statement: quoted(item.statement) })}
        onClick={open}
      >
        {t('smartieEditor.open', { action: label })}
      </button>
    );
  }
  return (
    <form className="smartie-form" onSubmit={save} aria-labelledby={ids.title} noValidate>
      <h4 id={ids.title} className="smartie-form__title">
        <span aria-hidden="true">{t('smartieEditor.title')}</span>
        <span className="visually-hidden">{t('smartieEditor.titleFor', { statement: quoted(item.statement) })}</span>
      </h4>
      <p className="hint">{t('smartieEditor.meaning')}</p>
      <label htmlFor={ids.owner}>{t('smartieEditor.owner')}</label>
      <input
        id={ids.owner}
        className="input"
        value={owner}
        maxLength={MAX_SMARTIE_OWNER_CHARS}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request; the owner is the first thing to fill in.
        autoFocus
        onChange={(e) => setOwner(e.target.value)}
      />
      <label htmlFor={ids.measure}>{t('smartieEditor.measure')}</label>
      <textarea
        id={ids.measure}
        className="composer__text"
        rows={2}
        maxLength={MAX_SMARTIE_TEXT_CHARS}
        value={measure}
        onChange={(e) => setMeasure(e.target.value)}
      />
      <label htmlFor={ids.deadline}>{t('agreement.smartie.deadline')}</label>
      <input
        id={ids.deadline}
        className="input input--date"
        type="date"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <label htmlFor={ids.equity}>{t('smartieEditor.equity')}</label>
      <p id={ids.equityHint} className="hint">
        {t('smartieEditor.equityQuestion')}
      </p>
      <textarea
        id={ids.equity}
        className="composer__text"
        rows={3}
        maxLength={MAX_SMARTIE_TEXT_CHARS}
        value={equityCheck}
        aria-describedby={ids.equityHint}
        onChange={(e) => setEquityCheck(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={isSending}>
          {t('smartieEditor.save')}
        </button>
        <button type="button" className="button" onClick={() => setIsOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
