/**
 * Where the project's own files are, for code run from the sources (`tsx src/...`) and from the
 * build (`node dist/src/...`) alike: the seeds, the answer model, `.cache/`. Paths written as
 * `new URL("../../seeds", import.meta.url)` point into `dist/` once compiled; these do not.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Is this module running from the compiled build (`dist/src/paths.js`)? */
export const RUNNING_BUILD = import.meta.url.endsWith(".js");

/** The extension of the project's modules as they run: `.ts` from the sources, `.js` from the build. */
export const MODULE_EXT = RUNNING_BUILD ? ".js" : ".ts";

/**
 * The project root: the nearest folder above this module that holds `package.json` (src/.. for
 * the sources, dist/src/../.. for the build; `dist/` has no package.json of its own).
 */
export const PROJECT_ROOT = ((): string => {
  for (let dir = dirname(HERE); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return dirname(HERE);
  }
})();

/** A path inside the project root. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
