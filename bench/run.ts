/**
 * `npm run bench [-- --json] [-- --corpora seeds,mixed]`: our engine against raw minisearch
 * (default options, same passages, same questions) in one run, on the seeds, the seeds plus the
 * 233 State of the Union addresses, and that mixed corpus ten times over. Every measurement runs
 * in its own process (see worker.ts, cold-start.ts), so memory figures belong to one side only.
 * Prints a table with ratios to raw minisearch and the targets of issue 7, or one JSON object.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";
import { BENCH_QUESTIONS, BENCH_SPEAKERS, BENCH_TOPICS } from "./questions.js";
import { writeMixedCorpus } from "./sotu.js";
import type { Latency } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORK = `${ROOT}.cache/bench`;
const COLD_RUNS = 3;

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
  retainedRss: number;
  peakRss: number;
}
interface RawFigures {
  passages: number;
  loadMs: number;
  indexMs: number;
  retainedRss: number;
  peakRss: number;
  indexBytes: number;
}
interface LatencyFigures {
  ask: Latency;
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

function measure(spec: CorpusSpec, log: (s: string) => void) {
  log(`${spec.name}: preparing ${spec.describe}`);
  const dir = spec.prepare();
  const cacheDir = `${WORK}/index`;
  const rawFile = `${WORK}/raw-${spec.name}.json`;
  log(`${spec.name}: our engine`);
  const ours = runNode("worker.ts", ["ours", dir]).out as OursFigures;
  log(`${spec.name}: raw minisearch`);
  const raw = runNode("worker.ts", ["raw", dir, rawFile]).out as RawFigures;
  log(`${spec.name}: ask and raw search latency, in alternation; quotes`);
  const lat = runNode("worker.ts", ["latency", dir]).out as LatencyFigures;
  log(`${spec.name}: persisted index (build and save)`);
  const persist = runNode("worker.ts", ["persist", dir, cacheDir]).out as PersistFigures;
  log(`${spec.name}: persisted quote index (build and save, then load in a new process)`);
  runNode("worker.ts", ["quotes", dir, cacheDir, "build"]);
  const quoteLoad = runNode("worker.ts", ["quotes", dir, cacheDir, "load"]).out as QuoteCacheFigures;
  log(`${spec.name}: cold starts`);
  const question = BENCH_QUESTIONS[0]!;
  const oursCold = cold(["ours", dir, cacheDir, question]);
  const rawCold = cold(["raw", rawFile, question]);
  return {
    corpus: spec.name,
    describe: spec.describe,
    ours: { ...ours, ...persist, ask: lat.ask, quoteBuildMs: lat.quoteBuildMs, quoteLoadMs: quoteLoad.quotesMs, quoteBytes: quoteLoad.quoteBytes, quote: lat.quote, timelineBuildMs: lat.timelineBuildMs, timeline: lat.timeline, timelineEvents: lat.timelineEvents, cold: oursCold },
    raw: { ...raw, ask: lat.rawAsk, askFuzzy: lat.rawFuzzy, cold: rawCold },
    ratios: {
      indexBuild: ours.indexMs / raw.indexMs,
      indexBytes: persist.indexBytes / raw.indexBytes,
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
      target: "ask p99 <= 0.5x raw minisearch p99 and < 20 ms (mixed)",
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
    out.push({ target: "index build <= 1.5x raw minisearch (mixed)", figure: `${s(o.indexMs)} vs ${s(r.indexMs)} = ${x(mixed.ratios.indexBuild)}`, met: mixed.ratios.indexBuild <= 1.5 });
    out.push({ target: "cold start to first answer < 1 s (mixed)", figure: ms(o.cold.wallMs), met: o.cold.wallMs < 1000 });
    out.push({
      target: "peak memory <= raw minisearch (mixed)",
      figure: `${mb(o.peakRss)} vs ${mb(r.peakRss)} = ${x(mixed.ratios.peakRss)}`,
      met: mixed.ratios.peakRss <= 1,
    });
  }
  const ten = by("mixed10");
  if (mixed && ten) {
    const growth = ten.ours.ask.p99 / mixed.ours.ask.p99;
    out.push({
      target: "10x corpus: ask p99 grows < 10x",
      figure: `${ms(mixed.ours.ask.p99)} -> ${ms(ten.ours.ask.p99)} = ${x(growth)} (raw: ${x(ten.raw.ask.p99 / mixed.raw.ask.p99)})`,
      met: growth < 10,
    });
  }
  return out;
}

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const s = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const mb = (v: number) => `${(v / 1e6).toFixed(v >= 1e8 ? 0 : 1)} MB`;
const x = (v: number) => `${v.toFixed(2)}x`;
const lat = (l: Latency) => `${l.p50.toFixed(2)} / ${l.p95.toFixed(2)} / ${l.p99.toFixed(2)}`;

function table(r: Result): string {
  const o = r.ours;
  const w = r.raw;
  const rows: [string, string, string, string][] = [
    ["", "ours", "raw minisearch", "ours/raw"],
    ["load + clean + segment", s(o.loadMs), s(w.loadMs) + " (same code)", ""],
    ["index build", s(o.indexMs), s(w.indexMs), x(r.ratios.indexBuild)],
    ["build + save (npm run index)", s(o.buildAndSaveMs), "", ""],
    ["index on disk", mb(o.indexBytes), mb(w.indexBytes), x(r.ratios.indexBytes)],
    ["cold start, new process to 1st answer", ms(o.cold.wallMs), ms(w.cold.wallMs), x(r.ratios.coldStart)],
    ["  of which: node + tsx + imports", ms(o.cold.importedMs), ms(w.cold.importedMs), ""],
    ["  of which: open persisted index", ms(o.cold.readyMs - o.cold.importedMs), ms(w.cold.readyMs - w.cold.importedMs), ""],
    ["ask p50 / p95 / p99 (ms)", lat(o.ask), lat(w.ask), `${x(r.ratios.askP50)} / ${x(r.ratios.askP95)} / ${x(r.ratios.askP99)}`],
    ["  raw with fuzzy 0.2 + prefix (1 round)", "", w.askFuzzy ? lat(w.askFuzzy) : "not measured (too slow)", ""],
    ["quote index build (first quote)", s(o.quoteBuildMs), "", ""],
    ["quote index load (persisted)", `${s(o.quoteLoadMs)} (${mb(o.quoteBytes)} on disk)`, "", ""],
    ["quote p50 / p95 / p99 (ms)", lat(o.quote), "", ""],
    ["timeline read + group (first timeline)", `${s(o.timelineBuildMs)} (${o.timelineEvents} events)`, "", ""],
    ["timeline p50 / p95 / p99 (ms), warm", lat(o.timeline), "", ""],
    ["peak RSS (load + index process)", mb(o.peakRss), mb(w.peakRss), x(r.ratios.peakRss)],
    ["RSS after GC (index in memory)", mb(o.retainedRss), mb(w.retainedRss), x(r.ratios.retainedRss)],
    ["peak RSS (cold-start process)", mb(o.cold.peakRss), mb(w.cold.peakRss), x(o.cold.peakRss / w.cold.peakRss)],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const head = `${r.corpus}: ${r.describe}; ${o.articles} articles, ${(o.chars / 1e6).toFixed(1)} M characters, ${o.sentences} sentences, ${o.passages} passages (raw: ${w.passages})`;
  return [head, ...rows.map((row) => "  " + row.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd())].join("\n");
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
    options: { json: { type: "boolean", default: false }, corpora: { type: "string" } },
  });
  const wanted = values.corpora ? values.corpora.split(",") : CORPORA.map((c) => c.name);
  const unknown = wanted.filter((n) => !CORPORA.some((c) => c.name === n));
  if (unknown.length) {
    process.stderr.write(`unknown corpus ${unknown.join(", ")}; choose from ${CORPORA.map((c) => c.name).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(WORK, { recursive: true });
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const started = performance.now();
  const loadBefore = loadavg();
  const results: Result[] = [];
  for (const spec of CORPORA.filter((c) => wanted.includes(c.name))) {
    const r = measure(spec, log);
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
    `questions: ${BENCH_QUESTIONS.length}, each timed 5 times after 3 warm-up rounds, ours and raw taking turns by round; speakers: ${BENCH_SPEAKERS.length}; timeline topics: ${BENCH_TOPICS.length}; cold starts: median of ${COLD_RUNS}`,
    "",
    ...results.flatMap((r) => [table(r), ""]),
    "targets:",
    ...goals.map((g) => `  [${g.met === null ? "n/a " : g.met ? "met " : "MISS"}] ${g.target}: ${g.figure}`),
    "",
    `bench took ${s(performance.now() - started)}`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
