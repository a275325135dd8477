/**
 * Structural checks for what the caches read back, without zod (see lazy-zod.ts): the exact shape
 * their writers produce. Each check is at least as strict as the zod schema the writer validates
 * a header against before saving it (tests/persist-shapes.test.ts holds them to that): a check
 * may refuse more, which only costs a rebuild, never accept what the schema would refuse.
 */

/** A type guard for one value of an entry's header. */
export type Check<T> = (x: unknown) => x is T;

/** A whole number from 0 to 2^53 - 1 (zod's `z.number().int().nonnegative()`). */
export const isCount = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

/** A finite number at least 0 (zod's `z.number().nonnegative()`, which refuses infinities). */
export const isNonNegative = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;

export const isString = (x: unknown): x is string => typeof x === "string";

export const isBoolean = (x: unknown): x is boolean => typeof x === "boolean";

/** A JSON object (not an array, not null). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** An object with exactly these keys, no other (zod's `strictObject`); their values are for the caller to check. */
export function hasExactly<K extends string>(x: unknown, keys: readonly K[]): x is Record<K, unknown> {
  if (!isRecord(x)) return false;
  let own = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    own++;
    if (!(keys as readonly string[]).includes(k)) return false;
  }
  return own === keys.length;
}

/** An array whose every item passes `item`. */
export function isArrayOf<T>(x: unknown, item: Check<T>): x is T[] {
  if (!Array.isArray(x)) return false;
  for (const v of x) if (!item(v)) return false;
  return true;
}

export const isStringArray = (x: unknown): x is string[] => isArrayOf(x, isString);

/** Null, or a value that passes `check`. */
export function orNull<T>(check: Check<T>): Check<T | null> {
  return (x: unknown): x is T | null => x === null || check(x);
}
