/**
 * One measurement in its own process, so peak memory belongs to one side only. Prints a single
 * JSON line. Modes:
 *   ours DIR              load + clean + segment, build our index, time `ask` (and `quote`)
 *   raw DIR OUT           same load, raw minisearch (default options) on the same passages, time
 *                         `search` on the same questions; saves its index to OUT for `cold-start`
 *   persist DIR CACHE     build and save our persisted index (what `npm run index` does)
 */
import { statSync, writeFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { loadCorpus } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";
import { PassageIndex, passageSpans } from "../src/search/passage-index.js";
import { openIndexedCorpus } from "../src/search/persist.js";
import { BENCH_QUESTIONS, BENCH_SPEAKERS } from "./questions.js";
import { summarize, type Latency } from "./stats.js";

/** Timed rounds over the whole question list, after one untimed warm-up round. */
const ROUNDS = 5;

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

function latency(queries: readonly string[], run: (q: string) => unknown): Latency {
  for (const q of queries) run(q);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      samples.push(performance.now() - t);
    }
  }
  return summarize(samples);
}

/** Resident memory after a full collection: what the process holds, not what it once touched. */
function retainedRss(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().rss;
}

const peakRss = () => process.resourceUsage().maxRSS * 1024;

function corpusFigures(dir: string) {
  const [corpus, loadMs] = time(() => loadCorpus(dir));
  const chars = corpus.articles.reduce((n, a) => n + a.text.length, 0);
  const sentences = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);
  return { corpus, loadMs, articles: corpus.articles.length, chars, sentences };
}

function ours(dir: string) {
  const { corpus, loadMs, articles, chars, sentences } = corpusFigures(dir);
  const [index, indexMs] = time(() => new PassageIndex(corpus.articles));
  const engine = new Engine(corpus, index);
  const ask = latency(BENCH_QUESTIONS, (q) => engine.ask(q));
  const quoteFn = (engine as unknown as { quote?: (name: string) => unknown }).quote;
  const quote = typeof quoteFn === "function" ? latency(BENCH_SPEAKERS, (n) => quoteFn.call(engine, n)) : null;
  return {
    articles,
    chars,
    sentences,
    passages: index.size,
    loadMs,
    indexMs,
    ask,
    quote,
    retainedRss: retainedRss(),
    peakRss: peakRss(),
  };
}

function raw(dir: string, out: string) {
  const { corpus, loadMs, articles, chars } = corpusFigures(dir);
  const docs: { id: number; text: string }[] = [];
  for (const a of corpus.articles) {
    for (const p of a.paragraphs) for (const w of passageSpans(a, p)) docs.push({ id: docs.length, text: a.text.slice(w.start, w.end) });
  }
  const [search, indexMs] = time(() => {
    const ms = new MiniSearch({ fields: ["text"] });
    ms.addAll(docs);
    return ms;
  });
  const ask = latency(BENCH_QUESTIONS, (q) => search.search(q));
  const askFuzzy = latency(BENCH_QUESTIONS, (q) => search.search(q, { fuzzy: 0.2, prefix: true }));
  const retained = retainedRss();
  const peak = peakRss();
  writeFileSync(out, JSON.stringify(search));
  return { articles, chars, passages: docs.length, loadMs, indexMs, ask, askFuzzy, retainedRss: retained, peakRss: peak, indexBytes: statSync(out).size };
}

function persist(dir: string, cacheDir: string) {
  const [opened, ms] = time(() => openIndexedCorpus(dir, { cacheDir, rebuild: true }));
  if (opened.saveError) throw new Error(opened.saveError);
  return { buildAndSaveMs: ms, indexBytes: opened.bytes, file: opened.file };
}

const [mode, a, b] = process.argv.slice(2);
let result: unknown;
if (mode === "ours" && a) result = ours(a);
else if (mode === "raw" && a && b) result = raw(a, b);
else if (mode === "persist" && a && b) result = persist(a, b);
else {
  process.stderr.write("usage: worker ours DIR | raw DIR OUT | persist DIR CACHE\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
