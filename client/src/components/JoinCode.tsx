import { Fragment } from 'react';
import { formatJoinCode } from '../../../shared/random';
import { useT } from '../i18n/i18n';

/**
 * A join code shown large, in groups of four (`K7PQ-2M4X-H8RT`) that wrap as whole groups on a
 * narrow screen, and read out character by character, group by group, the way it is typed.
 */
export function JoinCode({ code, className }: { readonly code: string; readonly className: string }) {
  const t = useT();
  const groups = formatJoinCode(code).split('-');
  return (
    <p className={className}>
      <span aria-hidden="true" data-join-code={code}>
        {groups.map((group, i) => (
          <Fragment key={group + String(i)}>
            {i > 0 && (
              <>
                -<wbr />
              </>
            )}
            <span className="join-code__group">{group}</span>
          </Fragment>
        ))}
      </span>
      <span className="visually-hidden">
        {t('joinCode.spoken', { code: groups.map((group) => group.split('').join(' ')).join(', ') })}
      </span>
    </p>
  );
}
