import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';

/** How many people are here; their names too when the facilitator shows the roster. */
export function PeopleHere() {
  const t = useT();
  const people = useBoardStore((s) => s.people);
  const isRosterShown = useBoardStore((s) => s.board?.meta.settings.showRoster ?? false);
  // Offline, others' presence is gone from this browser: only I would be counted. Nobody knows
  // who is here until the connection is back, so the header says so rather than "1 person here".
  const isCounted = useBoardStore((s) => s.status === 'online');
  // On a phone's header the words give way to an icon (styles.css); screen readers still hear them.
  const icon = (
    <svg className="people__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.5" fill="currentColor" />
      <path d="M2 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5z" fill="currentColor" />
      <circle cx="17" cy="9" r="2.5" fill="currentColor" />
      <path d="M17.5 13c3 0 4.5 2 4.5 5.5h-4.5c0-2-.6-3.8-1.8-5.1.6-.3 1.2-.4 1.8-.4z" fill="currentColor" />
    </svg>
  );
  const label = (
    <>
      {icon}
      {people.length}
      <span className="people__words"> {t('people.hereWords', { count: people.length })}</span>
    </>
  );
  const details = useRef<HTMLDetailsElement>(null);

  // The roster floats over the board: a click elsewhere or Escape folds it away, as menus do.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const element = details.current;
      if (element?.open && !element.contains(event.target as Node)) element.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const element = details.current;
      if (event.key !== 'Escape' || !element?.open) return;
      element.open = false;
      element.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  if (!isCounted) {
    return (
      <p className="people people--unknown">
        {icon}
        <span className="people__unknown" aria-hidden="true">
          ?
        </span>
        <span className="people__words">{t('people.unknown')}</span>
      </p>
    );
  }
  if (!isRosterShown || people.length === 0) return <p className="people">{label}</p>;
  const named = people.filter((p) => p.name !== '').sort((a, b) => a.name.localeCompare(b.name));
  const unnamed = people.length - named.length;
  return (
    <details className="people" ref={details}>
      <summary>{label}</summary>
      <ul className="people__list">
        {named.map((person) => (
          <li key={person.clientId}>
            {t('people.person', {
              name: person.name,
              isMe: person.isMe ? 'yes' : 'no',
              role: person.role === 'facilitator' ? 'facilitator' : 'other',
            })}
          </li>
        ))}
        {unnamed > 0 && <li className="people__unnamed">{t('people.unnamed', { count: unnamed })}</li>}
      </ul>
    </details>
  );
}
