import type { Smartie } from '../../../../shared/records/Smartie';
import { formatDay } from './agreementCopy';
import './agreement.css';

/** An item's action details: who owns it, how we know it is done, by when, and the equity check. */
export function SmartieDetails({ smartie }: { readonly smartie: Smartie | null }) {
  if (smartie === null) return null;
  const rows: [string, string][] = [
    ['Owner', smartie.owner],
    ['Measure of success', smartie.measure],
    ['Deadline', smartie.deadline === null ? '' : formatDay(smartie.deadline)],
    ['Inclusion and equity', smartie.equityCheck],
  ];
  const filled = rows.filter(([, value]) => value !== '');
  if (filled.length === 0) return null;
  return (
    <dl className="smartie">
      {filled.map(([label, value]) => (
        <div key={label} className="smartie__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
