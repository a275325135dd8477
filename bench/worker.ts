/**
 * One measurement in its own process, so peak memory belongs to one side only. Prints a single
 * JSON line. Modes:
 *   ours DIR              load + clean + segment and build our index: times and memory
 *   raw DIR OUT VARIANT   same load, minisearch on the same passages, VARIANT "tuned" (our
 *                         analyzer, see minisearch-tuned.ts) or "default" (default options):
 *                         times and memory; saves its index to OUT for `cold-start`
 *   latency DIR           all three, in one process, timed question by question in alternation
 *                         so that a busy machine slows every side alike: retrieval alone, and a
 *                         whole ask with our postings and with tuned minisearch as the retriever
 *                         (whose answers must be identical); then the quote engine and the
 *                         timeline (read once, then timed by topic, warm)
 *   persist DIR CACHE     build and save our persisted index (what `npm run index` does)
 *   quotes DIR CACHE MODE open the persisted index, then time the quote index: MODE "build"
 *                         extracts and saves it, "load" restores what "build" saved
 */
import { statSync, writeFileSync } from "node:fs";
import { loadCorpus } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";
import { PassageIndex, passageSpans } from "../src/search/passage-index.js";
import { openIndexedCorpus } from "../src/search/persist.js";
import { openQuoteIndex } from "../src/quotes/persist.js";
import type { Article } from "../src/corpus/types.js";
import { defaultIndex, queryTerms, tunedIndex, tunedSearch, withMinisearchRetrieval, type Doc } from "./minisearch-tuned.js";
import { BENCH_QUESTIONS, BENCH_SPEAKERS, BENCH_TOPICS } from "./questions.js";
import { summarize, type Latency } from "./stats.js";

/** Timed rounds over the whole question list, after untimed warm-up rounds. */
const ROUNDS = 5;
const WARMUP_ROUNDS = 3;
const RAW_FUZZY_MAX_PASSAGES = 50_000;

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

/**
 * Latency of each runner over the queries. Warm-up rounds first: the first rounds of a fresh
 * process are dominated by the JIT compiling hot code. Then the runners take turns round by
 * round, so a busy machine slows both alike. No forced collections in between: a full GC throws
 * away compiled code and type feedback, which made the next round slower than any real process
 * would see.
 */
function latency(queries: readonly string[], runners: ((q: string) => unknown)[], rounds = ROUNDS, warmup = WARMUP_ROUNDS): Latency[] {
  for (let w = 0; w < warmup; w++) for (const run of runners) for (const q of queries) run(q);
  const samples: number[][] = runners.map(() => []);
  for (let r = 0; r < rounds; r++) {
    runners.forEach((run, i) => {
      for (const q of queries) {
        const t = performance.now();
        run(q);
        samples[i]!.push(performance.now() - t);
      }
    });
  }
  return samples.map(summarize);
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resident memory after a full collection: what the process holds, not what it once touched. */
function retainedRss(): number {
  collect();
  collect();
  return process.memoryUsage().rss;
}

const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** JavaScript heap plus ArrayBuffer backing stores (our postings live there), after a full GC. */
function heldBytes(): number {
  collect();
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function corpusFigures(dir: string) {
  const [corpus, loadMs] = time(() => loadCorpus(dir));
  const chars = corpus.articles.reduce((n, a) => n + a.text.length, 0);
  const sentences = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);
  return { corpus, loadMs, articles: corpus.articles.length, chars, sentences };
}

/** Raw minisearch's documents: the very passages our index ranks, as plain text. */
function rawDocs(articles: readonly Article[]): Doc[] {
  const docs: Doc[] = [];
  for (const a of articles) {
    for (const p of a.paragraphs) for (const w of passageSpans(a, p)) docs.push({ id: docs.length, text: a.text.slice(w.start, w.end) });
  }
  return docs;
}

function ours(dir: string) {
  const { corpus, loadMs, articles, chars, sentences } = corpusFigures(dir);
  const before = heldBytes();
  const [index, indexMs] = time(() => new PassageIndex(corpus.articles));
  const indexHeap = heldBytes() - before;
  return { articles, chars, sentences, passages: index.size, loadMs, indexMs, indexHeap, retainedRss: retainedRss(), peakRss: peakRss() };
}

function raw(dir: string, out: string, variant: "tuned" | "default") {
  const { corpus, loadMs } = corpusFigures(dir);
  const docs = rawDocs(corpus.articles);
  const before = heldBytes();
  const [search, indexMs] = time(() => (variant === "tuned" ? tunedIndex(docs) : defaultIndex(docs)));
  // The documents' texts are ours to drop: minisearch keeps no copy of them.
  docs.length = 0;
  const indexHeap = heldBytes() - before;
  const retained = retainedRss();
  const peak = peakRss();
  writeFileSync(out, JSON.stringify(search));
  return { passages: search.documentCount, loadMs, indexMs, indexHeap, retainedRss: retained, peakRss: peak, indexBytes: statSync(out).size };
}

function paired(dir: string) {
  const { corpus } = corpusFigures(dir);
  const engine = new Engine(corpus);
  const docs = rawDocs(corpus.articles);
  const search = defaultIndex(docs);
  const tuned = tunedIndex(docs);
  // A second engine over the same articles whose retrieval is tuned minisearch: a whole ask with
  // each retriever. Ranking is identical, so the answers must be too; checked before timing.
  const viaMinisearch = new Engine(corpus, withMinisearchRetrieval(engine.index, tuned));
  // Timed before any ask: a speech question builds it on first use.
  const [, quoteBuildMs] = time(() => engine.quotes);
  for (const q of BENCH_QUESTIONS) {
    if (JSON.stringify(engine.ask(q)) !== JSON.stringify(viaMinisearch.ask(q))) throw new Error(`answers differ with minisearch as the retriever: ${q}`);
  }
  const index = engine.index;
  const limit = 20;
  const [retrieval, tunedRetrieval, rawAsk] = latency(BENCH_QUESTIONS, [
    (q) => index.search(queryTerms(q, index), limit),
    (q) => tunedSearch(tuned, queryTerms(q, index), limit),
    (q) => search.search(q),
  ]);
  const [ask, tunedAsk] = latency(BENCH_QUESTIONS, [(q) => engine.ask(q), (q) => viaMinisearch.ask(q)]);
  // Context only: raw minisearch with typo tolerance, one round, and not on the largest corpus,
  // where a single query can take seconds.
  const rawFuzzy =
    engine.index.size <= RAW_FUZZY_MAX_PASSAGES ? latency(BENCH_QUESTIONS, [(q) => search.search(q, { fuzzy: 0.2, prefix: true })], 1, 1)[0]! : null;
  const [quote] = latency(BENCH_SPEAKERS, [(n) => engine.quote(n)]);
  const [, timelineBuildMs] = time(() => engine.timelines);
  const [timeline] = latency(BENCH_TOPICS, [(t) => engine.timeline(t)]);
  return { ask: ask!, tunedAsk: tunedAsk!, retrieval: retrieval!, tunedRetrieval: tunedRetrieval!, rawAsk: rawAsk!, rawFuzzy, quoteBuildMs, quote: quote!, timelineBuildMs, timeline: timeline!, timelineEvents: engine.timeline().events.length };
}

function persist(dir: string, cacheDir: string) {
  const [opened, ms] = time(() => openIndexedCorpus(dir, { cacheDir, rebuild: true }));
  if (opened.saveError) throw new Error(opened.saveError);
  return { buildAndSaveMs: ms, indexBytes: opened.bytes, file: opened.file };
}

function quotes(dir: string, cacheDir: string, mode: string) {
  const opened = openIndexedCorpus(dir, { cacheDir });
  if (!opened.key) throw new Error(opened.saveError ?? "no content key");
  const options = { dir, cacheDir, corpusKey: opened.key, rebuild: mode === "build" };
  const [q, ms] = time(() => openQuoteIndex(opened.corpus.articles, options));
  if (q.saveError) throw new Error(q.saveError);
  if (q.source !== (mode === "build" ? "built" : "loaded")) throw new Error(`quote index ${q.source}, expected to ${mode} it`);
  return { quotesMs: ms, quoteBytes: q.bytes };
}

const [mode, a, b, c] = process.argv.slice(2);
let result: unknown;
if (mode === "ours" && a) result = ours(a);
else if (mode === "raw" && a && b && (c === "tuned" || c === "default")) result = raw(a, b, c);
else if (mode === "latency" && a) result = paired(a);
else if (mode === "persist" && a && b) result = persist(a, b);
else if (mode === "quotes" && a && b && (c === "build" || c === "load")) result = quotes(a, b, c);
else {
  process.stderr.write("usage: worker ours DIR | raw DIR OUT tuned|default | latency DIR | persist DIR CACHE | quotes DIR CACHE build|load\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
