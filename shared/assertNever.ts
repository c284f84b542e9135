/**
 * Marks the end of an exhaustive `switch` over a union: TypeScript refuses to compile the call
 * when a member is not handled (the value is not `never`), and at run time a value from an older
 * or newer release throws instead of being silently ignored.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify((value as { type?: unknown }).type ?? null)}`);
}
