// The rule for a saved pair of nets' name, checked by the panel as the user types and again by the worker's store.
// Dependency-free.

export const MODEL_NAME_MAX = 60;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

/** The name as it will be stored (trimmed, so " a " and "a" are one entry), or why it cannot be one. */
export function checkModelName(raw: unknown): NameCheck {
  if (typeof raw !== 'string') return { ok: false, message: 'A name is needed to save the nets.' };
  const name = raw.trim();
  if (name === '') return { ok: false, message: 'A name is needed to save the nets.' };
  if (name.length > MODEL_NAME_MAX) {
    return { ok: false, message: `The name is ${name.length} characters long; keep it to ${MODEL_NAME_MAX}.` };
  }
  // Control characters would be invisible in the list and ambiguous as keys.
  if (/\p{Cc}/u.test(name))
    return { ok: false, message: 'The name contains a control character (a tab or line break, say).' };
  return { ok: true, name };
}
