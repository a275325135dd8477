/**
 * The version of quote extraction: which quotations are found, whom they are attributed to, how
 * they are grouped, and what the quote index derives from them. Bump it with any change in
 * src/quotes/ (or below it) that alters a /quote answer, so the persisted quote index is rebuilt;
 * `npm test` reminds you (tests/cache-versions.test.ts, src/code-version.ts).
 */
export const EXTRACTOR_VERSION = 21;
