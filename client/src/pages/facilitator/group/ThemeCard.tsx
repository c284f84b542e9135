import { useDraggable, useDroppable } from '@dnd-kit/core';
import {
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  type TouchEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { MAX_THEME_NAME_CHARS } from '../../../../../shared/limits';
import type { Theme } from '../../../../../shared/records/Theme';
import { MenuButton, type MenuEntry } from '../../../components/MenuButton';
import { themeColorClass } from '../../../components/themeColor';
import type { PromptLayout, ThemeGroup } from '../../../components/themeLayout';
import { translate, useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import * as facilitation from '../../../sync/facilitationCommands';
import { type DragItem, type DropTarget, dragId, dropId, NO_RESIZE_OBSERVER } from './dragModel';
import { focusSoon, themeHandleId } from './focusPlan';
import { GroupNote } from './GroupNote';
import { askDeleteTheme, type GroupHost, performDrop, useGroupHost } from './groupActions';
import { useGroupUi, useIsOnNote } from './groupUiStore';

export interface ThemeCardProps {
  readonly group: ThemeGroup;
  /** Its place in its question: picks its colour. */
  readonly position: number;
}

function mergeEntries(host: GroupHost, layout: PromptLayout, themeId: string): MenuEntry[] {
  const others = layout.themes.filter((t) => t.theme.id !== themeId);
  if (others.length === 0) return [{ label: translate('facilitator.group.theme.noOther'), isDisabled: true, onSelect: () => {} }];
  return others.map((t) => ({
    label: translate('facilitator.group.themeQuoted', { name: t.theme.name }),
    note: translate('facilitator.group.noteCountInBrackets', { count: t.notes.length }),
    onSelect: () =>
      performDrop(
        host,
        layout,
        { type: 'merge', sourceThemeId: themeId, targetThemeId: t.theme.id },
        { isMovingFocus: true, isAnnounced: true },
      ),
  }));
}

/** Stands for the theme's name in a button's words: screen readers hear it, the card already shows it above. */
const NAME_MARK = '\u0002';

/**
 * `sentence` shown with its NAME_MARK replaced by `children` for screen readers only: the button's
 * name is its own words (no aria-label), so what is seen is part of what is heard in every language.
 */
function WithHiddenName({ sentence, children }: { readonly sentence: string; readonly children: ReactNode }) {
  const [before = '', after = ''] = sentence.split(NAME_MARK);
  return (
    <>
      {before}
      <span className="visually-hidden">{children}</span>
      {after}
    </>
  );
}

/** Pointer drags start anywhere on the header except on its own controls. */
const isControl = (target: EventTarget) =>
  target instanceof Element && target.closest('input, button:not(.gtheme__grip), [role="menu"]') !== null;

interface ThemeShellProps {
  readonly theme: Theme;
  /** The grip's name: the theme and its counts. */
  readonly label: string;
  /** Its colour class (themeColorClass). */
  readonly colorClass: string;
  readonly head: ReactNode;
  readonly children: ReactNode;
}

/**
 * The part of a theme that knows about the drag (a target for notes and themes, and draggable by
 * its grip). dnd-kit re-renders it whenever the target under the pointer changes: it takes the
 * header and the notes as ready-made elements that React does not render again.
 */
function ThemeShell({ theme, label, colorClass, head, children }: ThemeShellProps) {
  const t = useT();
  const item: DragItem = { kind: 'theme', themeId: theme.id, promptId: theme.promptId };
  const target: DropTarget = { kind: 'theme', themeId: theme.id, promptId: theme.promptId };
  const drag = useDraggable({ id: dragId(item), data: item });
  const drop = useDroppable({ id: dropId(target), data: target, resizeObserverConfig: NO_RESIZE_OBSERVER });
  const isRemoteMoving = useBoardStore((s) => s.dragPreviews.some((d) => d.noteIds.includes(theme.id)));
  const isThemeDragged = (drop.active?.data.current as DragItem | undefined)?.kind === 'theme';
  // Over one of its notes, the note shows where the drop lands (see dragTargeting), not the theme.
  const isOnNote = useIsOnNote();
  const isOver = drop.isOver && !isOnNote;
  const pointerStart = {
    onMouseDown: (event: MouseEvent) => {
      if (!isControl(event.target)) drag.listeners?.onMouseDown?.(event);
    },
    onTouchStart: (event: TouchEvent) => {
      if (!isControl(event.target)) drag.listeners?.onTouchStart?.(event);
    },
  };
  return (
    <section
      ref={(node) => {
        drop.setNodeRef(node);
        drag.setNodeRef(node);
      }}
      className={`gtheme ${colorClass}${isOver ? (isThemeDragged ? ' gtheme--merge' : ' gtheme--over') : ''}${drag.isDragging ? ' gtheme--carried' : ''}${isRemoteMoving ? ' is-moving' : ''}`}
      aria-label={t('facilitator.group.themeLabel', { name: theme.name })}
    >
      <div className="gtheme__head" {...pointerStart}>
        <button
          type="button"
          id={themeHandleId(theme.id)}
          ref={drag.setActivatorNodeRef}
          className="gtheme__grip"
          {...drag.attributes}
          onKeyDown={(event) => drag.listeners?.onKeyDown?.(event)}
          aria-label={label}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        {head}
      </div>
      {children}
      {isOver && isThemeDragged && <p className="gtheme__drop-label">{t('facilitator.group.theme.mergeHere')}</p>}
    </section>
  );
}

/** A theme: its name (renamed in place), counts, menus, and its notes; a target for notes and for other themes. */
export const ThemeCard = memo(function ThemeCard({ group, position }: ThemeCardProps) {
  const t = useT();
  const { theme, notes, needCount } = group;
  const host = useGroupHost();
  const isNeedsOnly = useGroupUi((s) => s.isNeedsOnly);
  const [isRenaming, setIsRenaming] = useState(false);
  const [draft, setDraft] = useState(theme.name);
  const headingId = useId();
  const skipBlurSave = useRef(false);
  const layout = () => host.layoutOf(theme.promptId);
  const shown = isNeedsOnly ? notes.filter((note) => note.tag === 'need') : notes;
  const counts = t('facilitator.group.themeCount', { notes: notes.length, needs: needCount });

  const startRename = () => {
    setDraft(theme.name);
    setIsRenaming(true);
  };
  const finishRename = (isSaving: boolean) => {
    setIsRenaming(false);
    const name = draft.trim();
    if (isSaving && name.length > 0 && name !== theme.name) facilitation.renameTheme(theme.id, name);
    focusSoon(themeHandleId(theme.id));
  };
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      skipBlurSave.current = true;
      finishRename(false);
    }
  };
  const onRenameSubmit = (event: FormEvent) => {
    event.preventDefault();
    skipBlurSave.current = true;
    finishRename(true);
  };

  const moreEntries = (): MenuEntry[] => {
    const current = layout();
    if (!current) return [];
    const position = current.themes.findIndex((t) => t.theme.id === theme.id);
    const previous = current.themes[position - 1];
    const afterNext = current.themes[position + 2];
    const isLast = position >= current.themes.length - 1;
    return [
      { label: t('facilitator.group.theme.rename'), onSelect: startRename },
      {
        label: t('facilitator.group.theme.moveEarlier'),
        isDisabled: previous === undefined,
        onSelect: () => {
          if (previous) facilitation.moveTheme(theme.id, previous.theme.id);
        },
      },
      {
        label: t('facilitator.group.theme.moveLater'),
        isDisabled: isLast,
        onSelect: () => {
          if (!isLast) facilitation.moveTheme(theme.id, afterNext?.theme.id ?? null);
        },
      },
      { type: 'separator' },
      { label: t('facilitator.group.theme.delete'), onSelect: () => askDeleteTheme(host, current, theme.id) },
    ];
  };

  return (
    <ThemeShell
      theme={theme}
      colorClass={themeColorClass(position)}
      label={t('facilitator.group.theme.grip', { name: theme.name, counts })}
      head={
        <>
          {isRenaming ? (
            <form className="gtheme__rename" onSubmit={onRenameSubmit}>
              <label className="visually-hidden" htmlFor={`${headingId}-input`}>
                {t('facilitator.group.theme.newName', { name: theme.name })}
              </label>
              <input
                id={`${headingId}-input`}
                className="input gtheme__input"
                value={draft}
                maxLength={MAX_THEME_NAME_CHARS}
                // biome-ignore lint/a11y/noAutofocus: the person just asked to rename: typing goes here.
                autoFocus
                onFocus={(e) => e.target.select()}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onRenameKey}
                onBlur={() => {
                  if (skipBlurSave.current) skipBlurSave.current = false;
                  else finishRename(true);
                }}
              />
            </form>
          ) : (
            <h3 id={headingId} className="gtheme__name">
              <button
                type="button"
                className="gtheme__name-button"
                title={t('facilitator.group.theme.rename')}
                onClick={startRename}
              >
                {theme.name}
                <span className="visually-hidden"> {t('facilitator.group.theme.renameHint')}</span>
              </button>
            </h3>
          )}
          <p className="gtheme__count">{counts}</p>
          <div className="gtheme__actions">
            <MenuButton
              menuLabel={t('facilitator.group.theme.mergeMenu', { name: theme.name })}
              entries={() => {
                const current = layout();
                return current ? mergeEntries(host, current, theme.id) : [];
              }}
            >
              <WithHiddenName sentence={t('facilitator.group.theme.mergeLabel', { name: NAME_MARK })}>
                {t('facilitator.group.themeQuoted', { name: theme.name })}
              </WithHiddenName>
            </MenuButton>
            <MenuButton
              label={t('facilitator.group.theme.moreLabel', { name: theme.name })}
              menuLabel={t('facilitator.group.themeLabel', { name: theme.name })}
              entries={moreEntries}
            >
              {t('facilitator.group.theme.more')}
            </MenuButton>
          </div>
        </>
      }
    >
      {shown.length > 0 ? (
        <ul className="gnotes" aria-label={t('facilitator.group.theme.notesIn', { name: theme.name })}>
          {shown.map((note) => (
            <GroupNote key={note.id} note={note} />
          ))}
        </ul>
      ) : (
        <p className="gtheme__empty">
          {t(notes.length === 0 ? 'facilitator.group.theme.dropHere' : 'facilitator.group.noNeeds')}
        </p>
      )}
    </ThemeShell>
  );
});
