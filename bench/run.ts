/**
 * `npm run bench [-- --json] [-- --corpora seeds,mixed] [-- --startup-runs N]`: our engine against minisearch on the
 * same passages and questions, in one run, on the seeds, the seeds plus the 233 State of the Union
 * addresses, and that mixed corpus ten times over. The main baseline is minisearch with our own
 * analyzer (same words, stems, stop words and query terms; identical ranking, see
 * minisearch-tuned.ts); minisearch with default options is the second. Every measurement runs in
 * its own process (see worker.ts, cold-start.ts), so memory figures belong to one side only.
 * On the seeds and the mixed corpus it also times a cached CLI answer in a new process against a
 * bare `node -e 0` in the same run (startup.ts; issue 14's targets: at most 4x and 7x), building
 * `dist/` first when it is stale. Prints a table per corpus, a summary with the corpora side by
 * side and the targets of issues 7 and 14, or one JSON object.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";
import { BENCH_QUESTIONS, BENCH_SPEAKERS, BENCH_TOPICS } from "./questions.js";
import { writeMixedCorpus } from "./sotu.js";
import { ensureFreshBuild, measureStartup, renderStartup, type StartupFigures, type StartupRow } from "./startup.js";
import type { Latency } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORK = `${ROOT}.cache/bench`;
const COLD_RUNS = 3;
/** Corpora whose cached CLI start-up is measured against `node -e 0` (issue 14's targets), and the targets. */
const STARTUP_TARGETS: Record<string, number> = { seeds: 4, mixed: 7 };
/** The start-up row the targets are about: the build, as the bin and npm scripts run it. */
const STARTUP_BUILD_ROW = "node dist/src/cli.js ask (build)";

interface CorpusSpec {
  name: string;
  describe: string;
  prepare: () => string;
}

const CORPORA: CorpusSpec[] = [
  { name: "seeds", describe: "the five seed articles", prepare: () => DEFAULT_CORPUS_DIR },
  {
    name: "mixed",
    describe: "seeds + 233 State of the Union addresses",
    prepare: () => {
      const dir = `${WORK}/corpora/mixed`;
      writeMixedCorpus(dir, 1);
      return dir;
    },
  },
  {
    name: "mixed10",
    describe: "the mixed corpus ten times over (ids made unique)",
    prepare: () => {
      const dir = `${WORK}/corpora/mixed10`;
      writeMixedCorpus(dir, 10);
      return dir;
    },
  },
];

interface OursFigures {
  articles: number;
  chars: number;
  sentences: number;
  passages: number;
  loadMs: number;
  indexMs: number;
  indexHeap: number;
  retainedRss: number;
  peakRss: number;
}
interface RawFigures {
  passages: number;
  loadMs: number;
  indexMs: number;
  indexHeap: number;
  retainedRss: number;
  peakRss: number;
  indexBytes: number;
}
interface LatencyFigures {
  ask: Latency;
  tunedAsk: Latency;
  retrieval: Latency;
  tunedRetrieval: Latency;
  rawAsk: Latency;
  rawFuzzy: Latency | null;
  quoteBuildMs: number;
  quote: Latency;
  timelineBuildMs: number;
  timeline: Latency;
  timelineEvents: number;
}
interface PersistFigures {
  buildAndSaveMs: number;
  indexBytes: number;
}
interface QuoteCacheFigures {
  quotesMs: number;
  quoteBytes: number;
}
interface ColdFigures {
  /** Wall time from spawning the process to its exit after the first answer. */
  wallMs: number;
  importedMs: number;
  readyMs: number;
  firstAnswerMs: number;
  peakRss: number;
}

function runNode(script: string, args: string[]): { out: unknown; wallMs: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", `${ROOT}bench/${script}`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return { out: JSON.parse(line), wallMs };
}

function cold(args: string[]): ColdFigures {
  const runs: ColdFigures[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { out, wallMs } = runNode("cold-start.ts", args);
    runs.push({ ...(out as Omit<ColdFigures, "wallMs">), wallMs });
  }
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return byWall[Math.floor(byWall.length / 2)]!;
}

function measure(spec: CorpusSpec, log: (s: string) => void, startupRuns: number) {
  log(`${spec.name}: preparing ${spec.describe}`);
  const dir = spec.prepare();
  const cacheDir = `${WORK}/index`;
  const rawFile = `${WORK}/raw-${spec.name}.json`;
  const tunedFile = `${WORK}/tuned-${spec.name}.json`;
  log(`${spec.name}: our engine`);
  const ours = runNode("worker.ts", ["ours", dir]).out as OursFigures;
  log(`${spec.name}: minisearch with our analyzer`);
  const tuned = runNode("worker.ts", ["raw", dir, tunedFile, "tuned"]).out as RawFigures;
  log(`${spec.name}: minisearch with default options`);
  const raw = runNode("worker.ts", ["raw", dir, rawFile, "default"]).out as RawFigures;
  log(`${spec.name}: retrieval and ask latency, in alternation; quotes`);
  const lat = runNode("worker.ts", ["latency", dir]).out as LatencyFigures;
  log(`${spec.name}: persisted index (build and save)`);
  const persist = runNode("worker.ts", ["persist", dir, cacheDir]).out as PersistFigures;
  log(`${spec.name}: persisted quote index (build and save, then load in a new process)`);
  runNode("worker.ts", ["quotes", dir, cacheDir, "build"]);
  const quoteLoad = runNode("worker.ts", ["quotes", dir, cacheDir, "load"]).out as QuoteCacheFigures;
  log(`${spec.name}: cold starts`);
  const question = BENCH_QUESTIONS[0]!;
  const oursCold = cold(["ours", dir, cacheDir, question]);
  const tunedCold = cold(["raw", tunedFile, question, "tuned"]);
  const rawCold = cold(["raw", rawFile, question, "default"]);
  let startup: StartupFigures | null = null;
  if (STARTUP_TARGETS[spec.name] !== undefined) {
    log(`${spec.name}: start-up, a cached CLI answer against node -e 0 (${startupRuns} rounds)`);
    startup = measureStartup(spec.name, dir, startupRuns);
  }
  return {
    corpus: spec.name,
    describe: spec.describe,
    startup,
    ours: { ...ours, ...persist, ask: lat.ask, retrieval: lat.retrieval, quoteBuildMs: lat.quoteBuildMs, quoteLoadMs: quoteLoad.quotesMs, quoteBytes: quoteLoad.quoteBytes, quote: lat.quote, timelineBuildMs: lat.timelineBuildMs, timeline: lat.timeline, timelineEvents: lat.timelineEvents, cold: oursCold },
    tuned: { ...tuned, ask: lat.tunedAsk, retrieval: lat.tunedRetrieval, cold: tunedCold },
    raw: { ...raw, ask: lat.rawAsk, askFuzzy: lat.rawFuzzy, cold: rawCold },
    /** Ours divided by minisearch with our analyzer: the honest comparison. */
    tunedRatios: {
      indexBuild: ours.indexMs / tuned.indexMs,
      indexBytes: persist.indexBytes / tuned.indexBytes,
      indexHeap: ours.indexHeap / tuned.indexHeap,
      coldStart: oursCold.wallMs / tunedCold.wallMs,
      load: (oursCold.readyMs - oursCold.importedMs) / (tunedCold.readyMs - tunedCold.importedMs),
      retrievalP50: lat.retrieval.p50 / lat.tunedRetrieval.p50,
      askP50: lat.ask.p50 / lat.tunedAsk.p50,
      askP95: lat.ask.p95 / lat.tunedAsk.p95,
      askP99: lat.ask.p99 / lat.tunedAsk.p99,
      peakRss: ours.peakRss / tuned.peakRss,
      retainedRss: ours.retainedRss / tuned.retainedRss,
    },
    /** Ours divided by minisearch with default options (ask: our whole ask against its search). */
    ratios: {
      indexBuild: ours.indexMs / raw.indexMs,
      indexBytes: persist.indexBytes / raw.indexBytes,
      indexHeap: ours.indexHeap / raw.indexHeap,
      coldStart: oursCold.wallMs / rawCold.wallMs,
      askP50: lat.ask.p50 / lat.rawAsk.p50,
      askP95: lat.ask.p95 / lat.rawAsk.p95,
      askP99: lat.ask.p99 / lat.rawAsk.p99,
      peakRss: ours.peakRss / raw.peakRss,
      retainedRss: ours.retainedRss / raw.retainedRss,
    },
  };
}

type Result = ReturnType<typeof measure>;

interface Target {
  target: string;
  figure: string;
  met: boolean | null;
}

function targets(results: Result[]): Target[] {
  const by = (n: string) => results.find((r) => r.corpus === n);
  const out: Target[] = [];
  const mixed = by("mixed");
  if (mixed) {
    const o = mixed.ours;
    const r = mixed.raw;
    out.push({
      target: "ask p99 <= 0.5x minisearch-defaults search p99 and < 20 ms (mixed)",
      figure: `${ms(o.ask.p99)} vs raw ${ms(r.ask.p99)} = ${x(mixed.ratios.askP99)}`,
      met: mixed.ratios.askP99 <= 0.5 && o.ask.p99 < 20,
    });
    out.push({
      target: "quote p99 < 1 ms from memory (mixed)",
      figure: `${ms(o.quote.p99)} (after building the quote index once: ${s(o.quoteBuildMs)})`,
      met: o.quote.p99 < 1,
    });
    out.push({
      target: "timeline p99 <= 50 ms, warm (mixed)",
      figure: `${ms(o.timeline.p99)} (${o.timelineEvents} events; read and grouped once: ${s(o.timelineBuildMs)})`,
      met: o.timeline.p99 <= 50,
    });
    out.push({ target: "index build <= 1.5x minisearch defaults (mixed)", figure: `${s(o.indexMs)} vs ${s(r.indexMs)} = ${x(mixed.ratios.indexBuild)}`, met: mixed.ratios.indexBuild <= 1.5 });
    out.push({ target: "cold start to first answer < 1 s (mixed)", figure: ms(o.cold.wallMs), met: o.cold.wallMs < 1000 });
    out.push({
      target: "peak memory <= minisearch defaults (mixed)",
      figure: `${mb(o.peakRss)} vs ${mb(r.peakRss)} = ${x(mixed.ratios.peakRss)}`,
      met: mixed.ratios.peakRss <= 1,
    });
  }
  for (const r of results) {
    const row = startupBuildRow(r);
    const limit = STARTUP_TARGETS[r.corpus];
    if (!row || limit === undefined) continue;
    out.push({
      target: `cached CLI answer <= ${limit}x node -e 0 in the same run (${r.corpus})`,
      figure: `${ms(row.build.medianMs)} vs ${ms(row.floor.medianMs)} = ${x(row.build.ratio)}`,
      met: row.build.ratio <= limit,
    });
  }
  const ten = by("mixed10");
  if (mixed && ten) {
    const growth = ten.ours.ask.p99 / mixed.ours.ask.p99;
    out.push({
      target: "10x corpus: ask p99 grows < 10x",
      figure: `${ms(mixed.ours.ask.p99)} -> ${ms(ten.ours.ask.p99)} = ${x(growth)} (whole ask via tuned minisearch: ${x(ten.tuned.ask.p99 / mixed.tuned.ask.p99)}; minisearch defaults: ${x(ten.raw.ask.p99 / mixed.raw.ask.p99)})`,
      met: growth < 10,
    });
  }
  return out;
}

/** The start-up rows the targets compare: `node -e 0` and the build's cached answer. */
function startupBuildRow(r: Result): { floor: StartupRow; build: StartupRow } | null {
  const floor = r.startup?.rows[0];
  const build = r.startup?.rows.find((row) => row.label === STARTUP_BUILD_ROW);
  return floor && build ? { floor, build } : null;
}

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const s = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const mb = (v: number) => `${(v / 1e6).toFixed(v >= 1e8 ? 0 : 1)} MB`;
const x = (v: number) => `${v.toFixed(2)}x`;
const lat = (l: Latency) => `${l.p50.toFixed(2)} / ${l.p95.toFixed(2)} / ${l.p99.toFixed(2)}`;

function table(r: Result): string {
  const o = r.ours;
  const t = r.tuned;
  const w = r.raw;
  const tr = r.tunedRatios;
  const load = (c: ColdFigures) => c.readyMs - c.importedMs;
  const rows: string[][] = [
    ["", "ours", "minisearch, our analyzer", "minisearch, defaults", "ours/tuned", "ours/defaults"],
    ["load + clean + segment", s(o.loadMs), s(t.loadMs) + " (same code)", s(w.loadMs) + " (same code)", "", ""],
    ["index build", s(o.indexMs), s(t.indexMs), s(w.indexMs), x(tr.indexBuild), x(r.ratios.indexBuild)],
    ["build + save (npm run index)", s(o.buildAndSaveMs), "", "", "", ""],
    ["index on disk", mb(o.indexBytes), mb(t.indexBytes), mb(w.indexBytes), x(tr.indexBytes), x(r.ratios.indexBytes)],
    ["index heap + buffers (after GC)", mb(o.indexHeap), mb(t.indexHeap), mb(w.indexHeap), x(tr.indexHeap), x(r.ratios.indexHeap)],
    ["cold start, new process to 1st answer", ms(o.cold.wallMs), ms(t.cold.wallMs), ms(w.cold.wallMs), x(tr.coldStart), x(r.ratios.coldStart)],
    ["  of which: node + tsx + imports", ms(o.cold.importedMs), ms(t.cold.importedMs), ms(w.cold.importedMs), "", ""],
    ["  of which: open persisted index", ms(load(o.cold)), ms(load(t.cold)), ms(load(w.cold)), x(tr.load), x(load(o.cold) / load(w.cold))],
    ["retrieval p50 / p95 / p99 (ms)", lat(o.retrieval), lat(t.retrieval), "", `${x(tr.retrievalP50)} p50`, ""],
    ["ask p50 / p95 / p99 (ms)", lat(o.ask), lat(t.ask) + " (whole ask)", lat(w.ask) + " (search only)", `${x(tr.askP50)} / ${x(tr.askP95)} / ${x(tr.askP99)}`, `${x(r.ratios.askP50)} / ${x(r.ratios.askP95)} / ${x(r.ratios.askP99)}`],
    ["  defaults with fuzzy 0.2 + prefix (1 round)", "", "", w.askFuzzy ? lat(w.askFuzzy) : "not measured (too slow)", "", ""],
    ["quote index build (first quote)", s(o.quoteBuildMs), "", "", "", ""],
    ["quote index load (persisted)", `${s(o.quoteLoadMs)} (${mb(o.quoteBytes)} on disk)`, "", "", "", ""],
    ["quote p50 / p95 / p99 (ms)", lat(o.quote), "", "", "", ""],
    ["timeline read + group (first timeline)", `${s(o.timelineBuildMs)} (${o.timelineEvents} events)`, "", "", "", ""],
    ["timeline p50 / p95 / p99 (ms), warm", lat(o.timeline), "", "", "", ""],
    ["peak RSS (load + index process)", mb(o.peakRss), mb(t.peakRss), mb(w.peakRss), x(tr.peakRss), x(r.ratios.peakRss)],
    ["RSS after GC (index in memory)", mb(o.retainedRss), mb(t.retainedRss), mb(w.retainedRss), x(tr.retainedRss), x(r.ratios.retainedRss)],
    ["peak RSS (cold-start process)", mb(o.cold.peakRss), mb(t.cold.peakRss), mb(w.cold.peakRss), x(o.cold.peakRss / t.cold.peakRss), x(o.cold.peakRss / w.cold.peakRss)],
  ];
  const start = startupBuildRow(r);
  if (start) {
    rows.push(
      ["cached CLI answer, new process (build)", `${ms(start.build.medianMs)} = ${x(start.build.ratio)} node -e 0`, "", "", "", ""],
      ["  node -e 0 in the same run", ms(start.floor.medianMs), "", "", "", ""],
    );
  }
  const head = `${r.corpus}: ${r.describe}; ${o.articles} articles, ${(o.chars / 1e6).toFixed(1)} M characters, ${o.sentences} sentences, ${o.passages} passages (minisearch: ${t.passages} / ${w.passages})`;
  return [head, ...align(rows), ...(r.startup ? ["", renderStartup(r.startup)] : [])].join("\n");
}

function align(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => "  " + row.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
}

/**
 * The figures issue 14 asks for, every corpus side by side: ours against minisearch with our
 * analyzer, and in brackets minisearch with default options where it has the figure.
 */
function summary(results: Result[]): string {
  const cell = (ours: string, tuned: string, dflt?: string) => `${ours} vs ${tuned}${dflt ? ` (${dflt})` : ""}`;
  const load = (c: ColdFigures) => c.readyMs - c.importedMs;
  const rows: string[][] = [
    ["", ...results.map((r) => `${r.corpus} (${r.ours.passages} passages)`)],
    ["retrieval p50", ...results.map((r) => cell(ms(r.ours.retrieval.p50), ms(r.tuned.retrieval.p50)))],
    ["whole ask p50", ...results.map((r) => cell(ms(r.ours.ask.p50), ms(r.tuned.ask.p50)))],
    ["whole ask p95", ...results.map((r) => cell(ms(r.ours.ask.p95), ms(r.tuned.ask.p95)))],
    ["load in a new process", ...results.map((r) => cell(ms(load(r.ours.cold)), ms(load(r.tuned.cold)), ms(load(r.raw.cold))))],
    ["cold start to 1st answer", ...results.map((r) => cell(ms(r.ours.cold.wallMs), ms(r.tuned.cold.wallMs), ms(r.raw.cold.wallMs)))],
    ["index heap + buffers", ...results.map((r) => cell(mb(r.ours.indexHeap), mb(r.tuned.indexHeap), mb(r.raw.indexHeap)))],
    ["index build", ...results.map((r) => cell(s(r.ours.indexMs), s(r.tuned.indexMs), s(r.raw.indexMs)))],
    ["index on disk", ...results.map((r) => cell(mb(r.ours.indexBytes), mb(r.tuned.indexBytes), mb(r.raw.indexBytes)))],
    [
      "cached CLI answer / node -e 0",
      ...results.map((r) => {
        const start = startupBuildRow(r);
        return start ? `${ms(start.build.medianMs)} / ${ms(start.floor.medianMs)} = ${x(start.build.ratio)}` : "not measured";
      }),
    ],
  ];
  return ["summary: ours vs minisearch with our analyzer (minisearch with default options)", ...align(rows)].join("\n");
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    nproc: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: { json: { type: "boolean", default: false }, corpora: { type: "string" }, "startup-runs": { type: "string", default: "10" } },
  });
  const startupRuns = Number(values["startup-runs"]);
  if (!Number.isInteger(startupRuns) || startupRuns < 1) {
    process.stderr.write(`--startup-runs must be a whole number of at least 1\n`);
    process.exitCode = 2;
    return;
  }
  const wanted = values.corpora ? values.corpora.split(",") : CORPORA.map((c) => c.name);
  const unknown = wanted.filter((n) => !CORPORA.some((c) => c.name === n));
  if (unknown.length) {
    process.stderr.write(`unknown corpus ${unknown.join(", ")}; choose from ${CORPORA.map((c) => c.name).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(WORK, { recursive: true });
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  // The start-up rows time the build: it must be the code as it is.
  if (wanted.some((n) => STARTUP_TARGETS[n] !== undefined)) ensureFreshBuild(log);
  const started = performance.now();
  const loadBefore = loadavg();
  const results: Result[] = [];
  for (const spec of CORPORA.filter((c) => wanted.includes(c.name))) {
    const r = measure(spec, log, startupRuns);
    results.push(r);
    // Each corpus as soon as it is done: the largest one takes minutes.
    if (!values.json) log(`\n${table(r)}\n`);
    writeFileSync(`${WORK}/last-run.json`, JSON.stringify(results));
  }
  const goals = targets(results);
  const env = { ...machine(), loadBefore: loadBefore.map((l) => Number(l.toFixed(2))), loadAfter: loadavg().map((l) => Number(l.toFixed(2))) };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ machine: env, questions: BENCH_QUESTIONS.length, results, targets: goals })}\n`);
    return;
  }
  const out = [
    `machine: ${env.cpu}, ${env.nproc} cpus, ${env.memory}, node ${env.node}, ${env.platform}`,
    `load average (1/5/15 min): ${env.loadBefore.join(" ")} before, ${env.loadAfter.join(" ")} after`,
    `questions: ${BENCH_QUESTIONS.length}, each timed 5 times after 3 warm-up rounds, every side taking turns by round; speakers: ${BENCH_SPEAKERS.length}; timeline topics: ${BENCH_TOPICS.length}; cold starts: median of ${COLD_RUNS}; start-up (seeds, mixed): median of ${startupRuns} rounds, the variants taking turns`,
    "",
    ...results.flatMap((r) => [table(r), ""]),
    summary(results),
    "",
    "targets:",
    ...goals.map((g) => `  [${g.met === null ? "n/a " : g.met ? "met " : "MISS"}] ${g.target}: ${g.figure}`),
    "",
    `bench took ${s(performance.now() - started)}`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
