/**
 * A cold start, as a user gets it: a new process that opens a persisted index and answers one
 * question. Imports are dynamic so each side loads only its own modules. Prints one JSON line
 * with times since the process started (performance.now() counts from the process's time origin).
 *   ours DIR CACHE QUESTION   Engine.fromDir with the persisted index, then ask
 *   raw FILE QUESTION VARIANT read minisearch's saved JSON, loadJSON, then search; VARIANT "tuned"
 *                             loads it with our analyzer (see minisearch-tuned.ts), "default" without
 */
const [mode, a, b, c] = process.argv.slice(2);

async function ours(dir: string, cacheDir: string, question: string) {
  const { Engine } = await import("../src/engine.js");
  const importedMs = performance.now();
  const engine = Engine.fromDir(dir, { cacheDir });
  const readyMs = performance.now();
  const answer = engine.ask(question);
  return { importedMs, readyMs, firstAnswerMs: performance.now(), answered: answer.answer !== null, warnings: engine.corpus.warnings.length };
}

async function raw(file: string, question: string, variant: string) {
  const { readFileSync } = await import("node:fs");
  const { default: MiniSearch } = await import("minisearch");
  const options = variant === "tuned" ? (await import("./minisearch-tuned.js")).TUNED_OPTIONS : { fields: ["text"] };
  const importedMs = performance.now();
  const search = MiniSearch.loadJSON(readFileSync(file, "utf8"), options);
  const readyMs = performance.now();
  const hits = search.search(question);
  return { importedMs, readyMs, firstAnswerMs: performance.now(), answered: hits.length > 0 };
}

let result;
if (mode === "ours" && a && b && c) result = await ours(a, b, c);
else if (mode === "raw" && a && b && (c === "tuned" || c === "default")) result = await raw(a, b, c);
else {
  process.stderr.write("usage: cold-start ours DIR CACHE QUESTION | raw FILE QUESTION tuned|default\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify({ ...result, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
