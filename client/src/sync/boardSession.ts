import { BoardReader } from '../../../shared/boardReader';
import { type Command, parseCommand } from '../../../shared/commands';
import type { DomainError } from '../../../shared/domain/errors';
import { ASKS_TO_CONFIRM, isDomainError } from '../../../shared/domain/errors';
import { canWriteNotes } from '../../../shared/domain/permissions';
import { privateSlice } from '../../../shared/domain/privateSlice';
import type { Actor, BoardState, Role } from '../../../shared/domain/state';
import { MAX_QUEUED_COMMANDS } from '../../../shared/limits';
import { CLOSE_CODES, type CommandResult, type PrivateMessage } from '../../../shared/protocol';
import { type Invalid, isInvalid } from '../../../shared/validate';
import { translate } from '../i18n/i18n';
import { refusalText } from '../i18n/refusalText';
import { navigate } from '../router';
import { forgetJoinToken, forgetParticipantSecret, joinTokenFor, participantSecretFor, readStored } from '../storage';
import { INITIAL_BOARD_VIEW, NO_DOTS, NO_RESPONSES, useBoardStore } from '../store/boardStore';
import { NO_MARKS, useMyMarks } from '../store/myMarksStore';
import { announce } from '../store/toastStore';
import { BoardConnection, FINAL_CLOSE_KEYS, memoryOutbox } from './BoardConnection';
import { keepIfEqual } from './keepIfEqual';
import { localStorageOutbox } from './localOutbox';
import { applyLocally, foldCommands, loadPredictor, type Slice, stateFromSlice } from './localState';
import { describeBoardChanges } from './revealAnnouncements';
import { SessionPresence } from './sessionPresence';
import { clearUndo } from './undoStack';

/**
 * Stored as `1` under this key (`accord:` prefix), a page reads the whole document again on every
 * update instead of only what changed: the bench's "before" (workload 7, remote moves).
 */
export const FULL_READ_KEY = 'benchFullRead';

/** Stands in for my participant id until the server's welcome names it (e.g. offline after a reload). */
const UNKNOWN_PARTICIPANT = 'me';

export interface SessionOptions {
  readonly boardId: string;
  /** The role this page expects; the server's welcome has the last word. */
  readonly role: Role;
  readonly facilitatorKey?: string;
  /** The read-only link's key: the session only reads, and is never "here". */
  readonly readerKey?: string;
}

/**
 * One open board: the connection, the last board and private slice the server sent, and my
 * commands it has not answered yet. The server sends a command's update and slice before its
 * result, so a command leaves the outbox exactly when its effect is in. Every change recomputes
 * the store's view in one microtask.
 */
class BoardSession {
  readonly connection: BoardConnection;
  private readonly reader: BoardReader;
  private actor: Actor;
  private serverBoard: BoardState | null = null;
  private slice: Slice | null = null;
  private isRecomputeScheduled = false;
  private readonly cleanups: (() => void)[] = [];
  /** Starts fetching the prediction code (once). */
  private warmPredictor: () => void = () => {};
  /** My presence, the page's visibility, and the people and drag previews others publish. */
  readonly presence: SessionPresence;

  constructor(readonly options: SessionOptions) {
    this.actor = { role: options.role, participantId: UNKNOWN_PARTICIPANT };
    const joinToken = options.readerKey ? null : joinTokenFor(options.boardId);
    this.connection = new BoardConnection({
      serverUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
      boardId: options.boardId,
      ...(options.readerKey ? { readerKey: options.readerKey } : { participantSecret: participantSecretFor(options.boardId) }),
      ...(joinToken ? { joinToken } : {}),
      ...(options.facilitatorKey ? { facilitatorKey: options.facilitatorKey } : {}),
      // A reader sends nothing; it must not replay (and lose) a participant's queue from the same browser.
      outbox: options.readerKey ? memoryOutbox() : localStorageOutbox(options.boardId),
      connect: false,
      sayRefusal: refusalText,
    });
    const { connection } = this;
    this.reader = new BoardReader(connection.doc, readStored(FULL_READ_KEY) !== '1');
    this.cleanups.push(() => this.reader.destroy());
    const awareness = connection.provider.awareness;
    // Nobody is "here" until they chose whether to give a name.
    awareness.setLocalState(null);
    useBoardStore.setState({ ...INITIAL_BOARD_VIEW, boardId: options.boardId, role: options.role });

    const onDocUpdate = () => this.onDocUpdate();
    connection.doc.on('update', onDocUpdate);
    // Synced, yet no board this code can read: the server runs a newer Accord than this page.
    const onSync = (isSynced: boolean) => {
      if (isSynced && this.reader.read() === null) useBoardStore.setState({ isOutdated: true });
    };
    connection.provider.on('sync', onSync);
    this.cleanups.push(() => connection.provider.off('sync', onSync));
    this.presence = new SessionPresence(awareness, () => this.actor.role);
    const onAwareness = () => this.presence.publishPeople();
    awareness.on('change', onAwareness);
    this.cleanups.push(
      () => connection.doc.off('update', onDocUpdate),
      () => awareness.off('change', onAwareness),
      connection.on('status', (status) => {
        const code = connection.closeReason?.code;
        if (status === 'closed') this.onClosedForGood(code);
        const closeMessage = status === 'closed' ? (FINAL_CLOSE_KEYS[code ?? 0] ?? 'board.closed.other') : null;
        useBoardStore.setState({ status, closeMessage, isSeatRemoved: code === CLOSE_CODES.SEAT_REMOVED });
      }),
      connection.on('private', (message) => this.onPrivate(message)),
      connection.on('result', (result) => this.onResult(result)),
      connection.on('outbox', () => this.scheduleRecompute()),
      listenToNetwork(connection),
      this.presence.listenToVisibility(),
    );
    connection.connect();
    this.scheduleRecompute();
    // The prediction code is fetched when the person first starts acting on the board (focus in a
    // note composer, a vote or an answer, or a first command), not with the first screen; until it
    // is there, the server decides alone. Commands already waiting (written offline before a
    // reload) need it at once.
    let hasAsked = false;
    const load = () => {
      hasAsked = true;
      void loadPredictor().then((isLoaded) => isLoaded && this.scheduleRecompute());
    };
    this.warmPredictor = load;
    if (connection.pending.length > 0) load();
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof Element && event.target.closest('main') && !event.target.closest('.name-gate')) load();
    };
    document.addEventListener('focusin', onFocus);
    this.cleanups.push(() => document.removeEventListener('focusin', onFocus));
    // Asked for while offline, the prediction code may not have loaded: try again once online.
    this.cleanups.push(
      connection.on('status', (status) => {
        if (status === 'online' && hasAsked) load();
      }),
    );
  }

  close(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.connection.destroy();
    useBoardStore.setState(INITIAL_BOARD_VIEW);
    useMyMarks.setState(NO_MARKS, true);
    clearUndo();
  }

  /**
   * The server refused this browser for good. Without proof of the join code it goes to the join
   * page; a removed seat forgets its secret, so that joining again makes a new seat.
   */
  private onClosedForGood(code: number | undefined): void {
    const { boardId } = this.options;
    if (code === CLOSE_CODES.SEAT_REMOVED) {
      forgetParticipantSecret(boardId);
      forgetJoinToken(boardId);
    } else if (code === CLOSE_CODES.JOIN_REQUIRED && this.options.role === 'participant') {
      forgetJoinToken(boardId);
      navigate('/j', { replace: true });
    }
  }

  /** The state my next command meets, as far as this browser knows. */
  private localState() {
    if (this.serverBoard === null) return null;
    const base = stateFromSlice(this.serverBoard, this.actor.participantId ?? UNKNOWN_PARTICIPANT, this.slice);
    return foldCommands(base, this.actor, this.connection.pending);
  }

  /**
   * Checks a command against the local state, then queues it. A refusal is returned and nothing
   * is sent; before the board has loaded the server alone decides.
   */
  submit(input: Command): { refusal: DomainError | null; result: Promise<CommandResult> | null } {
    // The server's own validator first: the same refusal, said before anything travels.
    const command = parseCommand(input);
    if (isInvalid(command)) return { refusal: invalidCommand(command), result: null };
    this.warmPredictor();
    const state = this.localState();
    if (state !== null) {
      const outcome = applyLocally(state, this.actor, command);
      // The shared domain says it in English, as the server would: in the person's language here.
      if (isDomainError(outcome)) return { refusal: { ...outcome, message: refusalText(outcome) }, result: null };
    }
    if (this.connection.pending.length >= MAX_QUEUED_COMMANDS) {
      return { refusal: { error: 'limit_reached', message: translate('board.queueFull') }, result: null };
    }
    const result = this.connection.send(command);
    this.scheduleRecompute();
    return { refusal: null, result };
  }

  private onDocUpdate(): void {
    const before = this.serverBoard;
    this.serverBoard = this.reader.read();
    if (before === this.serverBoard) return;
    if (before !== null && this.serverBoard !== null) {
      if (before.meta.settings.showRoster !== this.serverBoard.meta.settings.showRoster) this.presence.republish();
      for (const sentence of describeBoardChanges(before, this.serverBoard, this.actor.role === 'facilitator'))
        announce(sentence);
    }
    this.scheduleRecompute();
  }

  private onPrivate(message: PrivateMessage): void {
    if (message.type === 'welcome') {
      this.actor = { role: message.role, participantId: message.participantId };
      // The server knows this browser now: its secret alone brings it back.
      if (message.participantId !== null) forgetJoinToken(this.options.boardId);
      if (message.joinCode) useBoardStore.setState({ joinCode: message.joinCode });
      useBoardStore.setState({ serverOffsetMs: this.connection.clockOffsetMs });
      this.scheduleRecompute();
    } else if (message.type === 'slice') {
      this.slice = message;
      this.scheduleRecompute();
    } else if (message.type === 'time') {
      useBoardStore.setState({ serverOffsetMs: this.connection.clockOffsetMs });
    } else if (message.type === 'seats') {
      useBoardStore.setState({ seats: { total: message.total, connected: message.connected } });
    }
  }

  private onResult(result: CommandResult): void {
    if (!result.ok && !ASKS_TO_CONFIRM.has(result.error)) {
      // Replayed commands are answered after a reload too: the refusal is said wherever it comes from.
      announce(result.message, 'error');
    }
    this.scheduleRecompute();
  }

  private scheduleRecompute(): void {
    if (this.isRecomputeScheduled) return;
    this.isRecomputeScheduled = true;
    queueMicrotask(() => {
      this.isRecomputeScheduled = false;
      this.recompute();
    });
  }

  private recompute(): void {
    const state = this.localState();
    // My dots and responses as the server would slice them for me, predictions included.
    const mine = state ? privateSlice(state, this.actor.participantId ?? '') : null;
    const view = useBoardStore.getState();
    const myMarks = keepIfEqual(useMyMarks.getState(), mine?.marks ?? NO_MARKS);
    if (myMarks !== useMyMarks.getState()) useMyMarks.setState(myMarks, true);
    useBoardStore.setState({
      board: state?.board ?? null,
      myDrafts: keepIfEqual(view.myDrafts, state ? [...state.drafts.values()] : []),
      myDots: keepIfEqual(view.myDots, mine?.dots ?? NO_DOTS),
      myResponses: keepIfEqual(view.myResponses, mine?.responses ?? NO_RESPONSES),
      role: this.actor.role,
      canWriteNotes: state !== null && canWriteNotes(this.actor, state.board),
      pendingActions: this.connection.pending.length,
    });
  }
}

/** A validation failure as a sentence: "Text must have at most 500 characters." */
function invalidCommand(invalid: Invalid): DomainError {
  const field = invalid.path.split('.').at(-1) ?? '';
  const sentence = `${field} ${invalid.message}`.trim();
  return { error: 'invalid_command', message: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}

/**
 * Follows the browser's own idea of being offline: the socket is dropped at once (the indicator
 * says "Offline" and new notes wait in the outbox) and reopened when the network is back.
 */
function listenToNetwork(connection: BoardConnection): () => void {
  const onOffline = () => connection.disconnect();
  const onOnline = () => {
    if (connection.status !== 'closed') connection.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  return () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
}

let current: BoardSession | null = null;

/** Opens a board for this page; the returned function closes it. */
export function openBoardSession(options: SessionOptions): () => void {
  current?.close();
  const session = new BoardSession(options);
  current = session;
  return () => {
    session.close();
    if (current === session) current = null;
  };
}

/** The open session, for the command functions. */
export function currentSession(): BoardSession | null {
  return current;
}
