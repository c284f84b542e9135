/** A check-in calendar event's words in one language (see ExportText's icsSummary, icsDescription). */
export interface IcsWords {
  readonly icsSummary: (title: string) => string;
  readonly icsDescription: string;
}

/**
 * English's calendar words, in a module of their own: a participant's browser makes the calendar
 * file itself (CheckInLine) and should not download every export word to do it.
 */
export const EN_ICS: IcsWords = {
  icsSummary: (title) => `Check in on our agreement: ${title}`,
  icsDescription: 'Needs change. Is our agreement still working for everyone? Should anything be changed?',
};
