import { MenuButton } from '../../../components/MenuButton';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import { updateSettings } from '../../../sync/commands';
import { carriedNotes } from './dragModel';
import { moveMenuEntries } from './GroupNote';
import { askDeleteNotes, useGroupHost } from './groupActions';
import { clearSelection, setNeedsOnly, setSelecting, useGroupUi } from './groupUiStore';
import { UndoButton } from './UndoButton';

/** Stands for the grip in the help sentence, which is shown in its place, hidden from screen readers. */
const GRIP_MARK = '\u0002';

/** A sentence with the theme grip "⠿" where GRIP_MARK is: the grip is decoration, its words say the rest. */
function HandleSentence({ sentence }: { readonly sentence: string }) {
  const [before, after] = sentence.split(GRIP_MARK);
  return (
    <>
      {before}
      <span aria-hidden="true">⠿</span>
      {after}
    </>
  );
}

/** Above the lanes: the needs-only filter, what is selected and where to send it, and how grouping works. */
export function GroupToolbar() {
  const t = useT();
  const host = useGroupHost();
  const isOpenToAll = useBoardStore((s) => s.board?.meta.settings.participantsGroup === true);
  const isNeedsOnly = useGroupUi((s) => s.isNeedsOnly);
  const isSelecting = useGroupUi((s) => s.isSelecting);
  const selectedCount = useGroupUi((s) => s.selected.size);
  const selectedPromptId = useGroupUi((s) => s.selectedPromptId);

  const selectionEntries = () => {
    const { selected } = useGroupUi.getState();
    const layout = selectedPromptId ? host.layoutOf(selectedPromptId) : undefined;
    const first = [...selected][0];
    if (!layout || first === undefined) return [];
    return moveMenuEntries(host, layout, carriedNotes(layout, first, selected));
  };

  return (
    <div className="gtoolbar">
      <button
        type="button"
        className="button button--small"
        aria-pressed={isNeedsOnly}
        onClick={() => setNeedsOnly(!isNeedsOnly)}
      >
        {t('facilitator.group.toolbar.needsOnly')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={isSelecting}
        onClick={() => setSelecting(!isSelecting)}
      >
        {t('facilitator.group.toolbar.select')}
      </button>
      <UndoButton />
      <button
        type="button"
        className="button button--small"
        aria-pressed={isOpenToAll}
        onClick={() => updateSettings({ participantsGroup: !isOpenToAll })}
      >
        {t('facilitator.group.toolbar.participantsGroup')}
      </button>
      <div className="gtoolbar__selection" aria-live="off">
        {selectedCount > 0 ? (
          <>
            <span className="gtoolbar__count">{t('facilitator.group.toolbar.selected', { count: selectedCount })}</span>
            <MenuButton
              className="button button--small button--primary"
              menuLabel={t('facilitator.group.toolbar.moveMenu')}
              entries={selectionEntries}
            >
              {t('facilitator.group.toolbar.moveSelected')}
            </MenuButton>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                const { selected } = useGroupUi.getState();
                const layout = selectedPromptId ? host.layoutOf(selectedPromptId) : undefined;
                const first = [...selected][0];
                if (layout && first !== undefined) askDeleteNotes(host, layout, carriedNotes(layout, first, selected));
              }}
            >
              {t('facilitator.group.toolbar.deleteSelected')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={clearSelection}>
              {t('facilitator.group.toolbar.clear')}
            </button>
          </>
        ) : (
          <span className="gtoolbar__hint">{t('facilitator.group.toolbar.hint')}</span>
        )}
      </div>
      <details className="gtoolbar__help">
        <summary>{t('facilitator.group.help.title')}</summary>
        <ul>
          <li>{t('facilitator.group.help.drag')}</li>
          <li>
            <HandleSentence sentence={t('facilitator.group.help.merge', { grip: GRIP_MARK })} />
          </li>
          <li>{t('facilitator.group.help.keyboard')}</li>
          <li>{t('facilitator.group.help.menus')}</li>
          <li>{t('facilitator.group.help.undo')}</li>
        </ul>
      </details>
    </div>
  );
}
