import { useEffect, useRef } from 'react';
import { countPeople } from '../copy';
import { useBoardStore } from '../store/boardStore';

/** How many people are here; their names too when the facilitator shows the roster. */
export function PeopleHere() {
  const people = useBoardStore((s) => s.people);
  const isRosterShown = useBoardStore((s) => s.board?.meta.settings.showRoster ?? false);
  const label = `${countPeople(people.length)} here`;
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
  if (!isRosterShown || people.length === 0) return <p className="people">{label}</p>;
  const named = people.filter((p) => p.name !== '').sort((a, b) => a.name.localeCompare(b.name));
  const unnamed = people.length - named.length;
  return (
    <details className="people" ref={details}>
      <summary>{label}</summary>
      <ul className="people__list">
        {named.map((person) => (
          <li key={person.clientId}>
            {person.name}
            {person.isMe && ' (you)'}
            {person.role === 'facilitator' && ' · facilitator'}
          </li>
        ))}
        {unnamed > 0 && (
          <li className="people__unnamed">{unnamed === 1 ? '1 person without a name' : `${unnamed} people without a name`}</li>
        )}
      </ul>
    </details>
  );
}
