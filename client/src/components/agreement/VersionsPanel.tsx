import { type FormEvent, useId, useMemo, useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { itemsInForce } from '../../../../shared/domain/versionCommands';
import { compareVersions, type VersionDiff } from '../../../../shared/domain/versionDiff';
import type { VersionItem } from '../../../../shared/records/VersionRecord';
import { useT } from '../../i18n/i18n';
import { EMPHASIS_MARK, Emphasized } from '../decisions/Emphasized';
import { countAgreements, formatShortDay, sortedVersions } from './agreementCopy';
import { VersionCompare } from './VersionCompare';
import './agreement.css';

/** A version that can be compared: a closed one, or the one in progress (what is in force now). */
interface Comparable {
  readonly key: string;
  readonly name: string;
  readonly items: readonly VersionItem[];
}

/** The closed versions of the agreement (number, date, item count) and a comparison of any two. */
export function VersionsPanel({ board }: { readonly board: BoardState }) {
  const t = useT();
  const closed = sortedVersions(board.versions);
  const { meta } = board;
  const isInProgress = !meta.isClosed && closed.every((v) => v.number < meta.version);
  const comparables = useMemo<Comparable[]>(() => {
    const list: Comparable[] = sortedVersions(board.versions).map((v) => ({
      key: v.id,
      name: t('agreement.version.name', { version: v.number }),
      items: v.items,
    }));
    if (isInProgress && list.length > 0)
      list.push({
        key: 'current',
        name: t('agreement.version.nameInProgress', { version: meta.version }),
        items: itemsInForce(board),
      });
    return list;
  }, [board, isInProgress, meta.version, t]);
  const [olderKey, setOlderKey] = useState<string | null>(null);
  const [newerKey, setNewerKey] = useState<string | null>(null);
  const [result, setResult] = useState<{ diff: VersionDiff; older: string; newer: string; id: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), older: useId(), newer: useId(), error: useId() };
  const older = olderKey ?? comparables.at(-2)?.key ?? '';
  const newer = newerKey ?? comparables.at(-1)?.key ?? '';

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const a = comparables.find((c) => c.key === older);
    const b = comparables.find((c) => c.key === newer);
    if (!a || !b) return;
    if (a.key === b.key) {
      setError(t('agreement.versions.twoDifferent'));
      return;
    }
    setError(null);
    // Always older → newer, whichever way round they were chosen.
    const [first, second] = comparables.indexOf(a) < comparables.indexOf(b) ? [a, b] : [b, a];
    setResult({ diff: compareVersions(first.items, second.items), older: first.name, newer: second.name, id: Date.now() });
  };

  return (
    <section className="versions" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="versions__title">
        {t('agreement.versions.title')}
      </h2>
      {closed.length === 0 ? (
        <p className="hint">{t('agreement.versions.none')}</p>
      ) : (
        <>
          <p className="hint">{t('agreement.versions.kept')}</p>
          <ol className="versions__list">
            {closed.map((v) => (
              <li key={v.id} className="versions__item" data-version-number={v.number}>
                <Emphasized
                  sentence={t('agreement.versions.closedLine', {
                    version: EMPHASIS_MARK,
                    date: formatShortDay(v.closedAt),
                    items: countAgreements(v.items.length),
                  })}
                >
                  {t('agreement.version.name', { version: v.number })}
                </Emphasized>
              </li>
            ))}
            {isInProgress && (
              <li className="versions__item versions__item--current">
                <Emphasized sentence={t('agreement.versions.inProgressLine', { version: EMPHASIS_MARK })}>
                  {t('agreement.version.name', { version: meta.version })}
                </Emphasized>
              </li>
            )}
          </ol>
        </>
      )}
      {comparables.length >= 2 && (
        <form className="versions__compare" onSubmit={compare} noValidate>
          <div className="field">
            <label htmlFor={ids.older}>{t('agreement.versions.compare')}</label>
            <select id={ids.older} className="input" value={older} onChange={(e) => setOlderKey(e.target.value)}>
              {comparables.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.newer}>{t('agreement.versions.with')}</label>
            <select id={ids.newer} className="input" value={newer} onChange={(e) => setNewerKey(e.target.value)}>
              {comparables.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" aria-describedby={error ? ids.error : undefined}>
            {t('agreement.versions.compare')}
          </button>
          <p id={ids.error} className="form__error">
            {error}
          </p>
        </form>
      )}
      {result && <VersionCompare key={result.id} diff={result.diff} olderName={result.older} newerName={result.newer} />}
    </section>
  );
}
