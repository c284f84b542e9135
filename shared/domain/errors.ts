import type { RefusalId, RefusalValues } from './refusals';

/**
 * Why a command was refused. Codes are stable and documented in docs/protocol.md; the message
 * is a plain sentence a person can act on.
 */
export const ERROR_CODES = [
  'invalid_command',
  'forbidden',
  'wrong_phase',
  'not_found',
  'limit_reached',
  'confirmation_required',
  'too_few_people',
  'conflict',
  'rate_limited',
  'internal',
] as const;
/** See {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Refusals that ask for a decision: a client shows the message to the person and, if they agree,
 * sends the command again with `confirm: true` (`confirmation_required`) or
 * `confirmSmallCount: true` (`too_few_people`).
 */
export const ASKS_TO_CONFIRM: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['confirmation_required', 'too_few_people']);

/**
 * A refusal: nothing changed. `reason` and `values` name the sentence in shared/domain/refusals.ts
 * (built there by `refuse`); a refusal made elsewhere, or by an older server, has only `message`.
 */
export interface DomainError {
  readonly error: ErrorCode;
  readonly message: string;
  readonly reason?: RefusalId;
  readonly values?: RefusalValues;
}

/** True when a domain function refused. */
export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && typeof (value as DomainError).error === 'string';
}
