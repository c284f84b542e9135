import { type ReactNode, useEffect, useRef } from 'react';
import type { VersionDiff } from '../../../../shared/domain/versionDiff';
import type { VersionItem } from '../../../../shared/records/VersionRecord';
import { useT } from '../../i18n/i18n';
import { SmartieDetails } from './SmartieDetails';

export interface VersionCompareProps {
  readonly diff: VersionDiff;
  /** "Version 1", "Version 2 (in progress)". */
  readonly olderName: string;
  readonly newerName: string;
}

function DiffGroup({ title, count, children }: { readonly title: string; readonly count: number; readonly children: ReactNode }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <section className="diff__group" aria-label={t('agreement.diff.groupLabel', { title, count })}>
      <h4 className="diff__title">
        {title} <span className="diff__count">({count})</span>
      </h4>
      {children}
    </section>
  );
}

function ItemWords({ item }: { readonly item: VersionItem }) {
  return (
    <>
      <p className="diff__prompt">{item.promptText}</p>
      <p className="diff__statement">{item.statement}</p>
      <SmartieDetails smartie={item.smartie} />
    </>
  );
}

/** Two versions side by side: what was added, amended (old and new wording), retired, and what stayed. */
export function VersionCompare({ diff, olderName, newerName }: VersionCompareProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The comparison appears where the person asked for it: take them (and their screen reader) there.
  useEffect(() => heading.current?.focus(), []);
  const isSame = diff.added.length + diff.amended.length + diff.retired.length === 0;
  return (
    <div className="diff">
      <h3 ref={heading} tabIndex={-1} className="diff__heading">
        {olderName} → {newerName}
      </h3>
      <p className="diff__summary">
        {isSame
          ? t('agreement.diff.same')
          : t('agreement.diff.summary', {
              amended: diff.amended.length,
              added: diff.added.length,
              retired: diff.retired.length,
              unchanged: diff.unchanged.length,
            })}
      </p>
      <DiffGroup title={t('agreement.diff.amended')} count={diff.amended.length}>
        <ul className="diff__list">
          {diff.amended.map(({ before, after }) => {
            // Action details are shown side by side only when they changed: the same block twice hides the change.
            const isDetailChanged = JSON.stringify(before.smartie) !== JSON.stringify(after.smartie);
            return (
              <li key={after.lineageId} className="diff__item diff__item--amended">
                <p className="diff__prompt">{after.promptText}</p>
                <div className="diff__pair">
                  <div className="diff__side diff__side--old">
                    <p className="diff__side-label">{olderName}</p>
                    <p className="diff__statement">{before.statement}</p>
                    {isDetailChanged && <SmartieDetails smartie={before.smartie} />}
                  </div>
                  <div className="diff__side diff__side--new">
                    <p className="diff__side-label">{newerName}</p>
                    <p className="diff__statement">{after.statement}</p>
                    {isDetailChanged && <SmartieDetails smartie={after.smartie} />}
                  </div>
                </div>
                {before.statement === after.statement ? (
                  <p className="hint">{t('agreement.diff.sameWording')}</p>
                ) : (
                  !isDetailChanged && <SmartieDetails smartie={after.smartie} />
                )}
              </li>
            );
          })}
        </ul>
      </DiffGroup>
      <DiffGroup title={t('agreement.diff.added')} count={diff.added.length}>
        <ul className="diff__list">
          {diff.added.map((item) => (
            <li key={item.lineageId} className="diff__item diff__item--added">
              <ItemWords item={item} />
            </li>
          ))}
        </ul>
      </DiffGroup>
      <DiffGroup title={t('agreement.diff.retired')} count={diff.retired.length}>
        <ul className="diff__list">
          {diff.retired.map((item) => (
            <li key={item.lineageId} className="diff__item diff__item--retired">
              <ItemWords item={item} />
            </li>
          ))}
        </ul>
      </DiffGroup>
      {diff.unchanged.length > 0 && (
        <details className="diff__unchanged">
          <summary>{t('agreement.diff.unchanged', { count: diff.unchanged.length })}</summary>
          <ul className="diff__list">
            {diff.unchanged.map((item) => (
              <li key={item.lineageId} className="diff__item">
                <ItemWords item={item} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
