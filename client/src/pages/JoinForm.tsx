import { type FormEvent, useId, useState } from 'react';
import { ApiError, joinCodeProblem, resolveJoinCode } from '../api';
import { useT } from '../i18n/i18n';
import { navigate } from '../router';
import { saveJoinToken } from '../storage';
import { isRunByThisBrowser, OwnWorkshopChoice } from './home/OwnWorkshopChoice';

/** Type a workshop code, go to the board. Forgiving of lower case, spaces and dashes. */
export function JoinForm({
  initialCode = '',
  initialError = null,
}: {
  readonly initialCode?: string;
  readonly initialError?: string | null;
}) {
  const t = useT();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(initialError);
  const [isBusy, setIsBusy] = useState(false);
  const [ownBoardId, setOwnBoardId] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const problem = joinCodeProblem(code);
    if (problem) {
      setError(problem);
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const { boardId, joinToken } = await resolveJoinCode(code);
      saveJoinToken(boardId, joinToken);
      if (isRunByThisBrowser(boardId)) {
        setOwnBoardId(boardId);
        setIsBusy(false);
      } else navigate(`/b/${boardId}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.somethingWentWrong'));
      setIsBusy(false);
    }
  };

  if (ownBoardId !== null) return <OwnWorkshopChoice boardId={ownBoardId} onCancel={() => setOwnBoardId(null)} />;
  return (
    <form className="form" onSubmit={join} noValidate>
      <label htmlFor={inputId}>{t('join.codeLabel')}</label>
      <input
        id={inputId}
        className="input input--code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        placeholder={t('join.codePlaceholder')}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      <p id={errorId} className="form__error" aria-live="polite">
        {error}
      </p>
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {isBusy ? t('join.submitBusy') : t('join.submit')}
      </button>
    </form>
  );
}
