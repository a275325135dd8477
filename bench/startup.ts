/**
 * `npm run bench:startup [-- --corpora seeds,mixed] [-- --runs N] [-- --json]`: how long a cached
 * CLI answer takes in a new process, as a ratio to a bare `node -e 0` timed in the same run
 * (issue 14's targets: at most 4x on the seeds, 7x on the mixed corpus). The variants take turns
 * round by round, so a busy machine slows them alike; each figure is the median of its runs.
 *
 *   node -e 0                          the floor: starting node at all
 *   node dist/src/cli.js ask           the build, as the coverage-bot bin and npm scripts run it
 *   node bin/launch.mjs src/cli.ts     the same through the launcher (adds its build-freshness check)
 *   node --import tsx src/cli.ts       the sources through tsx, as before the build
 *   npm run --silent ask               what a user types (adds npm's own start-up)
 *
 * The persisted index is warmed first (one untimed run per variant), so every timed run is a
 * cached start. Builds `dist/` first when it is missing or older than a source. `npm run bench`
 * measures the same on the seeds and the mixed corpus beside its other figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { writeMixedCorpus } from "./sotu.js";

const QUESTION = "why did Putin wait";

export interface StartupRow {
  label: string;
  medianMs: number;
  minMs: number;
  /** Median divided by the median of `node -e 0` in the same run. */
  ratio: number;
}

export interface StartupFigures {
  corpus: string;
  runs: number;
  rows: StartupRow[];
}

function variants(dir: string): { label: string; cmd: string; args: string[] }[] {
  const node = process.execPath;
  return [
    { label: "node -e 0", cmd: node, args: ["-e", "0"] },
    { label: "node dist/src/cli.js ask (build)", cmd: node, args: ["dist/src/cli.js", "ask", "--corpus", dir, QUESTION] },
    { label: "node bin/launch.mjs (npm scripts, bin)", cmd: node, args: ["bin/launch.mjs", "src/cli.ts", "ask", "--corpus", dir, QUESTION] },
    { label: "node --import tsx src/cli.ts ask", cmd: node, args: ["--import", "tsx", "src/cli.ts", "ask", "--corpus", dir, QUESTION] },
    { label: "npm run --silent ask", cmd: "npm", args: ["run", "--silent", "ask", "--", "--corpus", dir, QUESTION] },
  ];
}

function timeOnce(cmd: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, CORPUS_DIR: "" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const { buildIsFresh } = (await import(pathToFileURL(join(PROJECT_ROOT, "bin", "launch.mjs")).href)) as { buildIsFresh: () => boolean };

/** Builds `dist/` when it is missing or older than a source, so the figures are those of the code as it is. */
export function ensureFreshBuild(log: (line: string) => void = () => {}): void {
  if (buildIsFresh()) return;
  log("building dist/ first (npm run build): it is missing or older than the sources");
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  if (r.status !== 0 || !buildIsFresh()) throw new Error(`npm run build failed (${r.status}): ${r.stderr}`);
}

export function measureStartup(corpus: string, dir: string, runs: number): StartupFigures {
  if (!existsSync(join(PROJECT_ROOT, "dist", "src", "cli.js")) || !buildIsFresh()) throw new Error("no fresh build: run `npm run build` first");
  const vs = variants(dir);
  for (const v of vs) timeOnce(v.cmd, v.args); // warm the persisted index and the file cache
  const times = vs.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) vs.forEach((v, i) => times[i]!.push(timeOnce(v.cmd, v.args)));
  const floor = median(times[0]!);
  return {
    corpus,
    runs,
    rows: vs.map((v, i) => ({ label: v.label, medianMs: median(times[i]!), minMs: Math.min(...times[i]!), ratio: median(times[i]!) / floor })),
  };
}

export function startupCorpusDir(name: string): string {
  if (name === "seeds") return DEFAULT_CORPUS_DIR;
  if (name === "mixed") {
    const dir = join(PROJECT_ROOT, ".cache", "bench", "corpora", "mixed");
    if (!existsSync(join(dir, "sources.json"))) writeMixedCorpus(dir, 1);
    return dir;
  }
  throw new Error(`unknown corpus "${name}" (seeds, mixed)`);
}

export function renderStartup(f: StartupFigures): string {
  const lines = [`${f.corpus}: cached CLI answer in a new process, median of ${f.runs} runs (min), ratio to node -e 0`];
  for (const r of f.rows) lines.push(`  ${r.label.padEnd(42)} ${`${r.medianMs.toFixed(0)} ms`.padStart(8)} (${r.minMs.toFixed(0)})  ${r.ratio.toFixed(2)}x`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const { values } = parseArgs({ options: { corpora: { type: "string", default: "seeds,mixed" }, runs: { type: "string", default: "10" }, json: { type: "boolean", default: false } } });
  ensureFreshBuild((line) => process.stderr.write(`bench:startup: ${line}\n`));
  const all = values.corpora.split(",").map((name) => measureStartup(name, startupCorpusDir(name), Number(values.runs)));
  if (values.json) process.stdout.write(`${JSON.stringify(all)}\n`);
  else process.stdout.write(`${all.map(renderStartup).join("\n\n")}\n`);
}
