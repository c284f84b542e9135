import { useEffect, useMemo, useState } from 'react';
import { sortedPrompts } from '../../../shared/domain/state';
import { draftsByPrompt, NO_DRAFTS, NO_NOTES, notesByPrompt, prefersReducedMotion } from '../boardSelectors';
import { BoardGate } from '../components/BoardGate';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { PeopleHere } from '../components/PeopleHere';
import { PhaseGuidance } from '../components/PhaseGuidance';
import { writingClosedReason } from '../copy';
import { displayNameFor, saveDisplayName } from '../storage';
import { useBoardStore } from '../store/boardStore';
import { setPresence } from '../sync/commands';
import { useBoardSession } from '../sync/useBoardSession';
import { NameGate } from './participant/NameGate';
import { PromptCard } from './participant/PromptCard';

const WRITING_PHASES = new Set(['reflect', 'share', 'group']);

function ParticipantBoard({ name, onChangeName }: { readonly name: string; readonly onChangeName: () => void }) {
  const board = useBoardStore((s) => s.board);
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const prompts = useMemo(() => (board ? sortedPrompts(board) : []), [board]);
  const notes = useMemo(() => (board ? notesByPrompt(board) : new Map()), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const focusPromptId = board?.meta.focusPromptId ?? null;

  useEffect(() => {
    if (board) document.title = `${board.meta.title} · Accord`;
  }, [board]);

  // Scrolled to once per spotlight change; afterwards the participant browses freely.
  useEffect(() => {
    if (focusPromptId === null) return;
    document
      .getElementById(`prompt-${focusPromptId}`)
      ?.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  }, [focusPromptId]);

  if (!board) return null;
  const { meta } = board;
  const isWritingOpen = WRITING_PHASES.has(meta.phase);
  return (
    <>
      <header className="topbar">
        <div className="topbar__inner">
          <h1 className="topbar__title">{meta.title}</h1>
          <div className="topbar__status">
            <ConnectionIndicator />
            <PeopleHere />
          </div>
        </div>
      </header>
      <main className="page participant">
        <PhaseGuidance phase={meta.phase} />
        {meta.purpose && (
          <details className="purpose">
            <summary>Why we are here</summary>
            <p>{meta.purpose}</p>
          </details>
        )}
        {!isWritingOpen && <p className="notice">{writingClosedReason(meta.phase)}</p>}
        {isWritingOpen && !canWrite && <p className="notice">You are watching: writing notes is for participants.</p>}
        <div className="prompts">
          {prompts.map((prompt) => (
            <PromptCard
              key={prompt.id}
              prompt={prompt}
              notes={notes.get(prompt.id) ?? NO_NOTES}
              drafts={drafts.get(prompt.id) ?? NO_DRAFTS}
              isFocused={prompt.id === focusPromptId}
              canWrite={canWrite && isWritingOpen}
            />
          ))}
        </div>
        <footer className="footer">
          <p>
            {name ? `You appear as “${name}” in the list of who is here.` : 'You appear without a name.'}{' '}
            <button type="button" className="link-button" onClick={onChangeName}>
              Change
            </button>
          </p>
        </footer>
      </main>
    </>
  );
}

/** /b/:boardId — the participant's view, made for a phone first. */
export function ParticipantPage({ boardId }: { readonly boardId: string }) {
  useBoardSession(boardId, 'participant');
  const [name, setName] = useState(() => displayNameFor(boardId));
  const title = useBoardStore((s) => s.board?.meta.title ?? '');

  useEffect(() => {
    setPresence(name);
  }, [name]);

  return (
    <BoardGate>
      {name === null ? (
        <NameGate
          title={title}
          onDone={(chosen) => {
            saveDisplayName(boardId, chosen);
            setName(chosen);
          }}
        />
      ) : (
        <ParticipantBoard name={name} onChangeName={() => setName(null)} />
      )}
    </BoardGate>
  );
}
