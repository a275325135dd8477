/**
 * `npm run bench:quotes`: quote extraction (finding, attributing, grouping and linking every
 * quotation) on one invented article of 0.1 to 2 MB, in milliseconds per MB. Flat means linear:
 * linking once searched the page from its start for every quote (issue 13), 21 s for 1 MB.
 */
import { buildArticle } from "../src/corpus/load.js";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { bigArticle } from "./big-article.js";

const SIZES_MB = [0.1, 0.25, 0.5, 1, 2];
const RUNS = 3;

// A warm-up, so the first size does not pay for compiling the extractor.
new QuoteIndex([buildArticle("warm", "warm.txt", bigArticle(100_000))]);

console.log("| article | quotes | extraction (best of 3) | per MB |");
console.log("| --- | --- | --- | --- |");
for (const mb of SIZES_MB) {
  const article = buildArticle("big", "big.txt", bigArticle(mb * 1024 * 1024), { url: "https://harbour.example/inquiry" });
  let best = Infinity;
  let quotes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const index = new QuoteIndex([article]);
    best = Math.min(best, performance.now() - t0);
    quotes = index.speakers().reduce((n, s) => n + s.quotes, 0);
  }
  console.log(`| ${mb} MB | ${quotes} | ${best.toFixed(0)} ms | ${(best / mb).toFixed(0)} ms |`);
}
