import type { ReactNode } from 'react';

/**
 * Stands for the bold part of a translated sentence, so each language puts it where its word order
 * wants: `t('…', { count: EMPHASIS_MARK })`, then `<Emphasized sentence={…}>3 of 5</Emphasized>`.
 */
export const EMPHASIS_MARK = '\u0001';

/** `sentence` with its EMPHASIS_MARK replaced by `children` in <strong>; the text around it as it is. */
export function Emphasized({ sentence, children }: { readonly sentence: string; readonly children: ReactNode }) {
  const [before = '', after = ''] = sentence.split(EMPHASIS_MARK);
  return (
    <>
      {before}
      <strong>{children}</strong>
      {after}
    </>
  );
}
