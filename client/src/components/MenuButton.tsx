import { type KeyboardEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import './menuButton.css';

export type MenuEntry =
  | {
      readonly type?: 'item';
      readonly label: string;
      readonly onSelect: () => void;
      readonly isDisabled?: boolean;
      /** Said after the label, e.g. "(here now)". */
      readonly note?: string;
    }
  | { readonly type: 'separator' }
  | { readonly type: 'heading'; readonly label: string };

export interface MenuButtonProps {
  /** What the button shows. */
  readonly children: ReactNode;
  /** The button's accessible name when its text is too short alone ("Move note ‘…’ to…"). */
  readonly label?: string;
  /** Built when the menu opens, so that hundreds of closed menus cost nothing. */
  readonly entries: () => readonly MenuEntry[];
  readonly className?: string;
  readonly menuLabel: string;
}

type Item = Extract<MenuEntry, { label: string; onSelect: () => void }>;

/** Entries with keys that stay put when the list is rebuilt (labels are unique within a menu). */
function keyed(entries: readonly MenuEntry[]): { entry: MenuEntry; key: string }[] {
  let separators = 0;
  return entries.map((entry) => ({
    entry,
    key: entry.type === 'separator' ? `separator-${separators++}` : `${entry.type ?? 'item'}-${entry.label}`,
  }));
}

/**
 * A button that opens a menu (WAI-ARIA menu button): arrow keys, Home/End and first letters move
 * in it, Escape and Tab close it, focus goes back to the button.
 */
export function MenuButton({ children, label, entries, className, menuLabel }: MenuButtonProps) {
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const [list, setList] = useState<readonly MenuEntry[]>([]);
  const [placement, setPlacement] = useState({ isUp: false, isLeft: false });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  const show = (focus: 'first' | 'last') => {
    setList(entries());
    setOpen(focus);
  };
  const close = (isReturningFocus: boolean) => {
    setOpen(null);
    if (isReturningFocus) button.current?.focus();
  };

  useLayoutEffect(() => {
    if (open === null || !menu.current || !button.current) return;
    const anchor = button.current.getBoundingClientRect();
    const box = menu.current.getBoundingClientRect();
    setPlacement({
      isUp: anchor.bottom + box.height > window.innerHeight && anchor.top > box.height,
      isLeft: anchor.left + box.width > window.innerWidth,
    });
    const all = menu.current.querySelectorAll<HTMLElement>('[role="menuitem"]');
    (open === 'first' ? all[0] : all[all.length - 1])?.focus();
  }, [open]);

  useEffect(() => {
    if (open === null) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      close(false);
      return;
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const after = [...all.slice(index + 1), ...all.slice(0, index + 1)];
      after
        .find((el) =>
          el.textContent
            ?.trim()
            .toLowerCase()
            .replace(/^[‘“„«'"]\s*/u, '')
            .startsWith(letter),
        )
        ?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (item: Item) => {
    if (item.isDisabled) return;
    close(true);
    item.onSelect();
  };

  return (
    <span className="menu-button" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className={className ?? 'button button--small'}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? menuId : undefined}
        aria-label={label}
        onClick={() => (open === null ? show('first') : close(false))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open !== null && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={menuLabel}
          className={`menu${placement.isUp ? ' menu--up' : ''}${placement.isLeft ? ' menu--left' : ''}`}
          onKeyDown={onMenuKeyDown}
        >
          {keyed(list).map(({ entry, key }) => {
            if (entry.type === 'separator') return <hr key={key} className="menu__separator" />;
            if (entry.type === 'heading')
              return (
                <p key={key} className="menu__heading" aria-hidden="true">
                  {entry.label}
                </p>
              );
            return (
              <button
                key={key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu__item"
                aria-disabled={entry.isDisabled || undefined}
                onClick={() => choose(entry)}
              >
                {entry.label}
                {entry.note && <span className="menu__note"> {entry.note}</span>}
              </button>
            );
          })}
        </div>
      )}
    </span>
  );
}
