/** "N of M people here have answered": how far an open round is, never who answered. */
export function AnsweredCount({ answered, here }: { readonly answered: number; readonly here: number }) {
  return (
    <p className="voter-count" data-respondent-count={answered}>
      <strong>
        {answered} of {here}
      </strong>{' '}
      {here === 1 ? 'person here has' : 'people here have'} answered
    </p>
  );
}
