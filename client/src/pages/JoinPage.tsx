import { useEffect, useState } from 'react';
import { ApiError, resolveJoinCode } from '../api';
import { useT } from '../i18n/i18n';
import { navigate } from '../router';
import { saveJoinToken } from '../storage';
import { isRunByThisBrowser, OwnWorkshopChoice } from './home/OwnWorkshopChoice';
import { JoinForm } from './JoinForm';

/**
 * /j/CODE: the link from the invitation or the QR code. Resolves the code, keeps its join token
 * for the board's first connection, then opens the board. /j alone asks for the code: a board
 * sends people here when it needs proof that they were given it.
 */
export function JoinPage({ code }: { readonly code: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [ownBoardId, setOwnBoardId] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('join.documentTitle');
    if (code === '') return;
    let isCurrent = true;
    resolveJoinCode(code).then(
      ({ boardId, joinToken }) => {
        saveJoinToken(boardId, joinToken);
        if (!isCurrent) return;
        if (isRunByThisBrowser(boardId)) setOwnBoardId(boardId);
        else navigate(`/b/${boardId}`, { replace: true });
      },
      (caught: unknown) => {
        if (isCurrent) setError(caught instanceof ApiError ? caught.message : t('common.somethingWentWrong'));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [code, t]);

  if (code === '') {
    return (
      <main className="page page--narrow">
        <h1>{t('join.heading')}</h1>
        <p>{t('join.intro')}</p>
        <JoinForm />
      </main>
    );
  }
  if (ownBoardId !== null) {
    return (
      <main className="page page--narrow">
        <h1>{t('join.heading')}</h1>
        <OwnWorkshopChoice boardId={ownBoardId} />
      </main>
    );
  }
  if (error === null) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <h1>{t('join.joining')}</h1>
      </main>
    );
  }
  return (
    <main className="page page--narrow">
      <h1>{t('join.heading')}</h1>
      <p>{t('join.codeNotOpened', { code })}</p>
      <JoinForm initialCode={code} initialError={error} />
    </main>
  );
}
