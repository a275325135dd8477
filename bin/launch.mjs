#!/usr/bin/env node
/* global process, URL */
/**
 * Runs one of the project's programs: the compiled build (`dist/`, made by `npm run build`, which
 * `npm ci` and `npm install` run as `prepare`) with plain node when it is there and up to date,
 * otherwise the TypeScript sources through tsx, in this same process. So the npm scripts work on
 * a checkout whose build is missing (`npm ci --ignore-scripts`) or older than an edited source,
 * only slower; they never run stale code.
 *
 *   node bin/launch.mjs src/cli.ts ask "why did Putin wait"
 *   node bin/launch.mjs --build        (npm run build)
 *   node bin/launch.mjs --prepare      (npm's `prepare`: the build, when TypeScript is installed)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(ROOT, "dist");
/** The folders `tsconfig.build.json` compiles. */
const SOURCES = ["src", "commands"];

function isSource(name) {
  return name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".test.ts");
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Is `dist/` a build of the sources as they are: every source compiled no earlier than it was
 * last changed (and every JSON module copied no earlier), and no compiled command without its
 * source (the bot loads every file there)?
 */
export function buildIsFresh() {
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
      } else if (isSource(entry.name)) {
        const built = mtime(join(DIST, relative(ROOT, path)).replace(/\.ts$/, ".js"));
        if (built < 0 || built < mtime(path)) return false;
      } else if (entry.name.endsWith(".json")) {
        // A JSON module (src/text/lexicon.json) is copied into the build by tsc: that copy must be
        // no older than it. Data read from the sources at run time (src/answer/model.json) has none.
        const copy = mtime(join(DIST, relative(ROOT, path)));
        if (copy >= 0 && copy < mtime(path)) return false;
      }
    }
    return true;
  };
  try {
    if (!SOURCES.every((dir) => walk(join(ROOT, dir)))) return false;
    for (const name of readdirSync(join(DIST, "commands"))) {
      if (name.endsWith(".js") && !existsSync(join(ROOT, "commands", name.replace(/\.js$/, ".ts")))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Runs `entry` (a source path such as `src/cli.ts`) with `args`, from the build when it is fresh. */
export async function launch(entry, args) {
  const compiled = join(DIST, entry.replace(/\.ts$/, ".js"));
  let target = compiled;
  if (!buildIsFresh()) {
    const { register } = await import("tsx/esm/api");
    register();
    target = join(ROOT, entry);
  }
  // The program sees itself as the one node was started with (the CLI checks it to know it is run).
  process.argv.splice(1, process.argv.length - 1, target, ...args);
  await import(pathToFileURL(target).href);
}

/**
 * `npm run build`: a new `dist/` (so no compiled module outlives its source), then tsc. (The caches
 * are keyed by declared versions, the same from the build as from the sources: nothing to record.)
 * As `prepare` (which npm ci runs), an install without dev dependencies
 * has no compiler: it says so in one line and the scripts run the sources.
 */
function build(asPrepare) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    if (!asPrepare) return 1;
    process.stdout.write("coverage-bot: no TypeScript compiler (dev dependencies left out), so no build; the scripts run the sources with tsx\n");
    return 0;
  }
  rmSync(DIST, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "inherit" });
  return r.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, ...args] = process.argv.slice(2);
  if (entry === "--prepare" || entry === "--build") process.exitCode = build(entry === "--prepare");
  else if (!entry || !entry.endsWith(".ts") || !entry.split(sep).join("/").startsWith("src/")) {
    process.stderr.write("usage: node bin/launch.mjs src/PROGRAM.ts [ARGS...]\n");
    process.exitCode = 2;
  } else {
    await launch(entry, args);
  }
}
