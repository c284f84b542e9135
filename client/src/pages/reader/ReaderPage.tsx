import { useEffect, useState } from 'react';
import { AgreementTable } from '../../components/agreement/AgreementTable';
import { CheckInLine } from '../../components/agreement/CheckInLine';
import { ExportButtons } from '../../components/agreement/ExportButtons';
import { VersionStatus } from '../../components/agreement/VersionStatus';
import { VersionsPanel } from '../../components/agreement/VersionsPanel';
import { BoardGate } from '../../components/BoardGate';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { AwarenessSection } from '../../components/decisions/AwarenessSection';
import { useT } from '../../i18n/i18n';
import { readerKeyFor } from '../../readerLink';
import { useBoardStore } from '../../store/boardStore';
import { openBoardSession } from '../../sync/boardSession';
import '../../components/decisions/decisions.css';
import './reader.css';

function ReaderBoard({ readerKey }: { readonly readerKey: string }) {
  const t = useT();
  const board = useBoardStore((s) => s.board);

  useEffect(() => {
    if (board) document.title = t('reader.documentTitle', { title: board.meta.title });
  }, [board, t]);

  if (!board) return null;
  const { meta } = board;
  const isWorking = !meta.isClosed && meta.phase !== 'agreement';
  return (
    <>
      <header className="topbar">
        <div className="topbar__inner">
          <h1 className="topbar__title">{meta.title}</h1>
          <div className="topbar__status">
            <span className="reader__badge">{t('reader.badge')}</span>
            <ConnectionIndicator />
          </div>
        </div>
      </header>
      <main className="page reader">
        <section className="reader__intro" aria-label={t('reader.introRegion')}>
          <VersionStatus board={board} />
          {isWorking && <p className="notice">{t('reader.workingOnVersion', { version: meta.version })}</p>}
          <CheckInLine board={board} downloadKey={readerKey} />
          {meta.purpose && (
            <div className="reader__purpose">
              <h2 className="reader__purpose-title">{t('reader.purposeHeading')}</h2>
              <p>{meta.purpose}</p>
            </div>
          )}
        </section>
        <AgreementTable board={board} idPrefix="reader" />
        <div className="reader__more">
          <AwarenessSection board={board} />
          <div className="reader__side">
            <VersionsPanel board={board} />
            <ExportButtons board={board} downloadKey={readerKey} headingId="reader-exports-title" />
          </div>
        </div>
      </main>
    </>
  );
}

function LiveReader({ boardId, readerKey }: { readonly boardId: string; readonly readerKey: string }) {
  // A reader never joins: no name, no presence, no participant identity; the server lets it read only.
  useEffect(() => openBoardSession({ boardId, role: 'reader', readerKey }), [boardId, readerKey]);
  return (
    <BoardGate>
      <ReaderBoard readerKey={readerKey} />
    </BoardGate>
  );
}

/** /r/:boardId — the read-only agreement page, for anyone with the link (loaded on demand). */
export default function ReaderPage({ boardId }: { readonly boardId: string }) {
  const t = useT();
  // The key left the address bar before the first render (captureFacilitatorLink); it is read from storage.
  const [readerKey] = useState(() => readerKeyFor(boardId));
  if (!readerKey) {
    return (
      <main className="page page--narrow">
        <h1>{t('reader.incomplete.heading')}</h1>
        <p>{t('reader.incomplete.explain')}</p>
        <p>
          <a href="/">{t('reader.homeLink')}</a>
        </p>
      </main>
    );
  }
  return <LiveReader boardId={boardId} readerKey={readerKey} />;
}
