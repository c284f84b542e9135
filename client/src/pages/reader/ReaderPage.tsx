import { useEffect, useState } from 'react';
import { AgreementTable } from '../../components/agreement/AgreementTable';
import { CheckInLine } from '../../components/agreement/CheckInLine';
import { ExportButtons } from '../../components/agreement/ExportButtons';
import { VersionStatus } from '../../components/agreement/VersionStatus';
import { VersionsPanel } from '../../components/agreement/VersionsPanel';
import { BoardGate } from '../../components/BoardGate';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { AwarenessSection } from '../../components/decisions/AwarenessSection';
import { readerKeyFor } from '../../readerLink';
import { useBoardStore } from '../../store/boardStore';
import { openBoardSession } from '../../sync/boardSession';
import '../../components/decisions/decisions.css';
import './reader.css';

function ReaderBoard({ readerKey }: { readonly readerKey: string }) {
  const board = useBoardStore((s) => s.board);

  useEffect(() => {
    if (board) document.title = `${board.meta.title} · agreement · Accord`;
  }, [board]);

  if (!board) return null;
  const { meta } = board;
  const isWorking = !meta.isClosed && meta.phase !== 'agreement';
  return (
    <>
      <header className="topbar">
        <div className="topbar__inner">
          <h1 className="topbar__title">{meta.title}</h1>
          <div className="topbar__status">
            <span className="reader__badge">Read only</span>
            <ConnectionIndicator />
          </div>
        </div>
      </header>
      <main className="page reader">
        <section className="reader__intro" aria-label="About this agreement">
          <VersionStatus board={board} />
          {isWorking && (
            <p className="notice">
              The group is working on version {meta.version} right now. This page shows what is in force and follows changes live.
            </p>
          )}
          <CheckInLine board={board} downloadKey={readerKey} />
          {meta.purpose && (
            <div className="reader__purpose">
              <h2 className="reader__purpose-title">Why we made this agreement</h2>
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
  // The key left the address bar before the first render (captureFacilitatorLink); it is read from storage.
  const [readerKey] = useState(() => readerKeyFor(boardId));
  if (!readerKey) {
    return (
      <main className="page page--narrow">
        <h1>This read-only link is incomplete</h1>
        <p>Open the read-only link you were given, all of it: it ends with “#key=…”. Ask the facilitator for it if needed.</p>
        <p>
          <a href="/">Go to the Accord home page</a>
        </p>
      </main>
    );
  }
  return <LiveReader boardId={boardId} readerKey={readerKey} />;
}
