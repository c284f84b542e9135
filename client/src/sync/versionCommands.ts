import type { Smartie } from '../../../shared/records/Smartie';
import { submitAndWait } from './commands';

/**
 * Versions and revisits: closing the workshop fixes the agreement as version N, reopening starts
 * N + 1; a check-in date; SMARTIE action details. Each waits for the server's answer (a refusal
 * is already announced).
 */

export const closeWorkshop = () => submitAndWait({ type: 'closeWorkshop' });
export const reopenWorkshop = () => submitAndWait({ type: 'reopenWorkshop' });
/** A date written YYYY-MM-DD, or null to clear it. */
export const setCheckIn = (date: string | null) => submitAndWait({ type: 'setCheckIn', date });
/** Sets an agreed item's action details, or removes them with null. */
export const setSmartie = (agreementId: string, smartie: Smartie | null) =>
  submitAndWait({ type: 'setSmartie', agreementId, smartie });
