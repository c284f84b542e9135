import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../../shared/domain/state';
import { AWAY_AFTER_HIDDEN_MS } from '../../../shared/limits';
import { type DragPreview, NO_DRAG_PREVIEWS, type Person, useBoardStore } from '../store/boardStore';

/**
 * A board session's presence: the name this person chose to show (or none), withdrawn while the
 * page is hidden for a while, my drag preview, and the people and drag previews the others publish,
 * put in the board store.
 */
export class SessionPresence {
  /** The presence this person chose (null: not shown as here); withdrawn while the page is hidden for a while. */
  private chosen: { user: { name: string } } | null = null;
  private isAway = false;

  constructor(
    private readonly awareness: Awareness,
    /** My role as the server last said it. */
    private readonly myRole: () => Role,
  ) {}

  set(name: string | null): void {
    this.chosen = name === null ? null : { user: { name } };
    if (!this.isAway) this.awareness.setLocalState(this.chosen);
  }

  /**
   * A page hidden for AWAY_AFTER_HIDDEN_MS (another tab, a locked phone) withdraws its presence, so
   * that the person counts neither as here nor in a quorum; it is back the moment the page shows.
   */
  listenToVisibility(): () => void {
    let timer: number | undefined;
    const onChange = () => {
      window.clearTimeout(timer);
      if (document.visibilityState === 'hidden') {
        timer = window.setTimeout(() => {
          this.isAway = true;
          this.awareness.setLocalState(null);
        }, AWAY_AFTER_HIDDEN_MS);
      } else if (this.isAway) {
        this.isAway = false;
        this.awareness.setLocalState(this.chosen);
      }
    };
    document.addEventListener('visibilitychange', onChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onChange);
    };
  }

  /**
   * Publishes (or, with null, withdraws) my drag preview: the notes I carry and where, in % of
   * their prompt's lane. The server keeps it from facilitators only; callers throttle it.
   */
  setDragPreview(preview: { noteIds: readonly string[]; x: number; y: number } | null): void {
    if (this.awareness.getLocalState() === null) return;
    this.awareness.setLocalStateField('drag', preview === null ? null : { ...preview, noteIds: [...preview.noteIds] });
  }

  /**
   * The server strips names from presence while the roster is hidden, and cannot put them back:
   * when the setting changes, presence is sent again so that names follow it at once instead of
   * at the next 15-second renewal.
   */
  republish(): void {
    const state = this.awareness.getLocalState();
    if (state !== null) this.awareness.setLocalState({ ...state });
  }

  /** The people here and the facilitators' drag previews, into the board store. */
  publishPeople(): void {
    const awareness = this.awareness;
    const people: Person[] = [];
    const drags: DragPreview[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: { name?: unknown; role?: unknown } }).user;
      if (!user) continue;
      const isMe = clientId === awareness.clientID;
      const role = isMe ? this.myRole() : user.role === 'facilitator' || user.role === 'participant' ? user.role : null;
      people.push({ clientId, name: typeof user.name === 'string' ? user.name : '', role, isMe });
      const drag = dragOf(state);
      if (drag && !isMe && role === 'facilitator') drags.push({ clientId, ...drag });
    }
    // Drag previews change this 20 times a second: the store changes only for what did.
    const view = useBoardStore.getState();
    if (JSON.stringify(people) !== JSON.stringify(view.people)) useBoardStore.setState({ people });
    if (JSON.stringify(drags) !== JSON.stringify(view.dragPreviews)) {
      useBoardStore.setState({ dragPreviews: drags.length === 0 ? NO_DRAG_PREVIEWS : drags });
    }
  }
}

/** The drag preview in an awareness state, when it is well formed. */
function dragOf(state: unknown): Omit<DragPreview, 'clientId'> | null {
  const drag = (state as { drag?: { noteIds?: unknown; x?: unknown; y?: unknown } | null }).drag;
  if (!drag || !Array.isArray(drag.noteIds) || typeof drag.x !== 'number' || typeof drag.y !== 'number') return null;
  const noteIds = drag.noteIds.filter((id): id is string => typeof id === 'string');
  return noteIds.length === 0 ? null : { noteIds, x: drag.x, y: drag.y };
}
