/**
 * `npm run index [-- --corpus DIR] [-- --rebuild]`: builds and saves the persisted index for a
 * corpus folder ahead of time, so the first CLI or bot start does not pay for it. Shows a progress
 * bar on a terminal and plain lines otherwise. Exit status: 0 done, 1 corpus error, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { resolveCorpusDir } from "./corpus/location.js";
import { CorpusError } from "./corpus/errors.js";
import { DEFAULT_CACHE_DIR, openIndexedCorpus, type Phase as IndexPhase } from "./search/persist.js";
import { openQuoteIndex } from "./quotes/persist.js";
import { meaningKey, openMeaning } from "./search/meaning.js";
import { openDates } from "./dates/persist-dates.js";

/** The passage index's phases, then extracting and saving the quotations, then reading the dates. */
type Phase = IndexPhase | "quotes" | "dates";

const USAGE = `usage: npm run index [-- --corpus DIR] [-- --rebuild]

Builds the persisted index, quote index and dates for the corpus (seeds/ by default, or $CORPUS_DIR)
under .cache/index. Starts reuse them until an article, the manifest or the code changes.

options:
  --corpus DIR   index the articles in DIR
  --rebuild      build again even when the saved index is up to date
  -h, --help     show this help`;

const PHASE_LABEL: Record<Phase, string> = {
  reading: "reading files",
  segmenting: "cleaning and segmenting",
  indexing: "indexing passages",
  writing: "writing the index",
  quotes: "quote index",
  dates: "dates",
};

const BAR_WIDTH = 30;

interface Progress {
  onProgress: (phase: Phase, done: number, total: number) => void;
  /** Ends the bar's line, if one was drawn. */
  finish: () => void;
}

/** A bar per phase, redrawn in place at most every 50 ms. */
function terminalProgress(out: NodeJS.WriteStream): Progress {
  let lastPhase: Phase | null = null;
  let lastDraw = 0;
  const onProgress = (phase: Phase, done: number, total: number) => {
    const now = performance.now();
    const finished = done >= total;
    if (phase === lastPhase && !finished && now - lastDraw < 50) return;
    if (lastPhase && phase !== lastPhase) out.write("\n");
    lastPhase = phase;
    lastDraw = now;
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}`;
    out.write(`\r[${bar}] ${String(Math.round(share * 100)).padStart(3)}%  ${PHASE_LABEL[phase]} ${done}/${total}`);
  };
  return { onProgress, finish: () => void (lastPhase && out.write("\n")) };
}

/** Without a terminal: one line when each phase starts. */
function plainProgress(out: NodeJS.WritableStream): Progress {
  let lastPhase: Phase | null = null;
  const onProgress = (phase: Phase, _done: number, total: number) => {
    if (phase === lastPhase) return;
    lastPhase = phase;
    out.write(`${PHASE_LABEL[phase]} (${total})\n`);
  };
  return { onProgress, finish: () => {} };
}

export function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: "string" },
        rebuild: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const progress = process.stdout.isTTY ? terminalProgress(process.stdout) : plainProgress(process.stdout);
  const started = performance.now();
  try {
    const dir = resolveCorpusDir(values.corpus);
    const opened = openIndexedCorpus(dir, {
      cacheDir: DEFAULT_CACHE_DIR,
      rebuild: values.rebuild,
      onProgress: progress.onProgress,
    });
    const indexSeconds = ((performance.now() - started) / 1000).toFixed(1);
    let quotes = null;
    let quotesSeconds = "";
    // Without a key the corpus may differ from what was hashed, so nothing derived from it is saved.
    if (opened.key) {
      const articles = opened.corpus.articles.length;
      progress.onProgress("quotes", 0, articles);
      const quotesStarted = performance.now();
      quotes = openQuoteIndex(opened.corpus.articles, { dir, cacheDir: DEFAULT_CACHE_DIR, corpusKey: opened.key, rebuild: values.rebuild });
      quotesSeconds = ((performance.now() - quotesStarted) / 1000).toFixed(1);
      progress.onProgress("quotes", articles, articles);
    }
    let dates = null;
    let datesSeconds = "";
    if (opened.key) {
      const articles = opened.corpus.articles.length;
      progress.onProgress("dates", 0, articles);
      const datesStarted = performance.now();
      dates = openDates(opened.corpus.articles, (t) => opened.index.idf(t), { dir, cacheDir: DEFAULT_CACHE_DIR, corpusKey: opened.key, rebuild: values.rebuild });
      datesSeconds = ((performance.now() - datesStarted) / 1000).toFixed(1);
      progress.onProgress("dates", articles, articles);
    }
    progress.finish();
    // Word meaning for ask (vectors and WordNet links of this corpus's words), saved beside the index.
    if (opened.key) {
      const meaningStarted = performance.now();
      const file = opened.file.replace(/\.idx$/, ".meaning");
      const meaning = openMeaning(file, meaningKey(opened.key), () => opened.index.writtenWords(), (line) => process.stdout.write(`${line}\n`));
      const seconds = ((performance.now() - meaningStarted) / 1000).toFixed(1);
      process.stdout.write(meaning ? `word meaning: ${meaning.softWords.length} corpus words, ${meaning.vectors.size} vectors (${seconds} s; ${file})\n` : "word meaning: the vector package is not installed; questions match words by form only\n");
    }
    for (const w of opened.corpus.warnings) process.stderr.write(`warning: ${w}\n`);
    const what = `${opened.corpus.articles.length} articles, ${opened.index.size} passages`;
    if (opened.source === "loaded") {
      process.stdout.write(`up to date: ${what} (${opened.file}); --rebuild to build again\n`);
    } else if (opened.saveError) {
      process.stderr.write(`error: indexed ${what} but could not save it: ${opened.saveError}\n`);
      return 1;
    } else {
      const mb = (opened.bytes / 1e6).toFixed(1);
      process.stdout.write(`indexed ${what} in ${indexSeconds} s; saved ${mb} MB to ${opened.file}\n`);
    }
    if (quotes) {
      const speakers = `${quotes.index.speakers().length} speakers, ${quotes.index.occurrences.length} quotations`;
      if (quotes.source === "loaded") process.stdout.write(`quotes up to date: ${speakers} (${quotes.file})\n`);
      else if (quotes.saveError) {
        process.stderr.write(`error: extracted ${speakers} but could not save them: ${quotes.saveError}\n`);
        return 1;
      } else process.stdout.write(`quotes: ${speakers} in ${quotesSeconds} s; saved ${(quotes.bytes / 1e6).toFixed(1)} MB to ${quotes.file}\n`);
    }
    if (dates) {
      let mentions = 0;
      for (const a of opened.corpus.articles) for (const s of dates.dates.get(a)?.spans ?? []) mentions += s.mentions.length;
      if (dates.source === "loaded") process.stdout.write(`dates up to date: ${mentions} dates (${dates.file})\n`);
      else if (dates.saveError) {
        process.stderr.write(`error: read ${mentions} dates but could not save them: ${dates.saveError}\n`);
        return 1;
      } else process.stdout.write(`dates: ${mentions} dates in ${datesSeconds} s; saved ${(dates.bytes / 1e6).toFixed(1)} MB to ${dates.file}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof CorpusError) {
      progress.finish();
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
