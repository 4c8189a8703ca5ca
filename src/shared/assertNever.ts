// Ends exhaustive switches: the compiler proves every case is handled, and a value that slips through at run time
// (say, a message from a newer worker) fails loudly instead of being ignored.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
