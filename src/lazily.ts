/** A value built on its first use and kept: `const schema = lazily(() => zod().object(...))`. */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
