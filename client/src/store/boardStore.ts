import { create } from 'zustand';
import type { BoardState, Role } from '../../../shared/domain/state';
import type { Draft } from '../../../shared/records/Draft';
import type { SeatView } from '../../../shared/protocol';
import type { ResponseKind } from '../../../shared/records/Proposal';
import type { ConnectionStatus } from '../sync/BoardConnection';
import type { MessageKey } from '../i18n/i18n';

/** Someone present on the board, as their presence says (names only when the roster is shown). */
export interface Person {
  readonly clientId: number;
  readonly name: string;
  readonly role: Role | null;
  readonly isMe: boolean;
}

/** Another facilitator's drag in progress (awareness): the notes it carries and where, in % of their prompt's lane. */
export interface DragPreview {
  readonly clientId: number;
  readonly noteIds: readonly string[];
  readonly x: number;
  readonly y: number;
}

/**
 * What the pages render: written only by client/src/sync, read by components. `board` and
 * `myDrafts` already include my commands that the server has not confirmed yet.
 */
export interface BoardView {
  readonly boardId: string | null;
  readonly board: BoardState | null;
  readonly myDrafts: readonly Draft[];
  readonly status: ConnectionStatus;
  /** Why the server closed the connection for good: the key of a sentence, said in the reader's language. */
  readonly closeMessage: MessageKey | null;
  /** The facilitator removed this browser's seat: it may join again with the code. */
  readonly isSeatRemoved: boolean;
  /** My role: from the server's welcome, or what the page expects before it arrives. */
  readonly role: Role;
  readonly canWriteNotes: boolean;
  /** Commands waiting in the outbox. */
  readonly pendingActions: number;
  readonly people: readonly Person[];
  /** My dots in open vote rounds: round id → item id → count (optimistic). */
  readonly myDots: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** My responses to open consensus rounds (optimistic). */
  readonly myResponses: Readonly<Record<string, { readonly response: ResponseKind; readonly reason: string | null }>>;
  /** Server clock minus this browser's clock, in ms (timers show endsAt − (Date.now() + this)). */
  readonly serverOffsetMs: number;
  /** The join code, for facilitators (from the server's welcome); null until known. */
  readonly joinCode: string | null;
  /** The board arrived but this page cannot read it: it is older than the server. */
  readonly isOutdated: boolean;
  /** Drags of other facilitators, live (never mine). */
  readonly dragPreviews: readonly DragPreview[];
  /** Facilitators only: the board's seats and who is connected (from the server's `seats` message). */
  readonly seats: { readonly total: number; readonly connected: readonly SeatView[] } | null;
}

/** Stable empty values, so that selectors do not re-render for nothing. */
export const NO_DOTS: BoardView['myDots'] = {};
export const NO_RESPONSES: BoardView['myResponses'] = {};
export const NO_DRAG_PREVIEWS: BoardView['dragPreviews'] = [];

export const INITIAL_BOARD_VIEW: BoardView = {
  boardId: null,
  board: null,
  myDrafts: [],
  status: 'connecting',
  closeMessage: null,
  isSeatRemoved: false,
  role: 'participant',
  canWriteNotes: false,
  pendingActions: 0,
  people: [],
  myDots: NO_DOTS,
  myResponses: NO_RESPONSES,
  serverOffsetMs: 0,
  joinCode: null,
  isOutdated: false,
  dragPreviews: NO_DRAG_PREVIEWS,
  seats: null,
};

export const useBoardStore = create<BoardView>(() => INITIAL_BOARD_VIEW);
