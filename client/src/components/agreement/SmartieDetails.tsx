import type { Smartie } from '../../../../shared/records/Smartie';
import { type MessageKey, useT } from '../../i18n/i18n';
import { formatDay } from './agreementCopy';
import './agreement.css';

/** An item's action details: who owns it, how we know it is done, by when, and the equity check. */
export function SmartieDetails({ smartie }: { readonly smartie: Smartie | null }) {
  const t = useT();
  if (smartie === null) return null;
  const rows: [MessageKey, string][] = [
    ['agreement.smartie.owner', smartie.owner],
    ['agreement.smartie.measure', smartie.measure],
    ['agreement.smartie.deadline', smartie.deadline === null ? '' : formatDay(smartie.deadline)],
    ['agreement.smartie.equity', smartie.equityCheck],
  ];
  const filled = rows.filter(([, value]) => value !== '');
  if (filled.length === 0) return null;
  return (
    <dl className="smartie">
      {filled.map(([label, value]) => (
        <div key={label} className="smartie__row">
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
