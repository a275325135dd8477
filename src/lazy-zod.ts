/**
 * zod, loaded on first use. Importing it takes 50 to 130 ms, a large share of a cached CLI answer
 * (a new process that only reads the saved index and answers), and that path needs no schema: the
 * saved entries are read back with cheap structural checks, and zod checks what comes in from
 * outside (a manifest, an article set being indexed, what is about to be saved, a failed check
 * to explain). The modules on the start-up path build their schemas through `zod()`, once, when
 * first needed (`lazily`, src/lazily.ts); the bot's own modules (configuration, commands) import zod as usual.
 *
 * Loaded with `require`: a synchronous path (`Engine.fromDir`) cannot `await import()`. Schemas
 * made here are never mixed with schemas made by an `import { z } from "zod"` module.
 */
import { createRequire } from "node:module";
import type * as Zod from "zod";

let loaded: typeof Zod.z | null = null;

/** The zod namespace (`z`), loaded now if this is its first use in the process. */
export function zod(): typeof Zod.z {
  return (loaded ??= (createRequire(import.meta.url)("zod") as typeof Zod).z);
}
