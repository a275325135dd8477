/**
 * Issue 13 item 7: quote extraction on a long article. Linking a quote (the text fragment that picks
 * it out of the page) must not search the page from its start for every quote, each quote's
 * `context` is bounded however long its sentence, and a command that fails in the CLI prints one
 * line and exits 1. Work is counted in string searches, not measured in time.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { bigArticle } from "../../bench/big-article.js";
import { textDirective } from "../../src/citation/fragment.js";
import { buildArticle } from "../../src/corpus/load.js";
import { Engine } from "../../src/engine.js";
import { QuoteIndex } from "../../src/quotes/quote-index.js";
import { main } from "../../src/cli.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts calls of the string-search primitives while `run` runs (a plain counter: a spy would keep every call). */
function countSearches(run: () => void): number {
  let count = 0;
  const targets = [
    [String.prototype, "indexOf"],
    [String.prototype, "startsWith"],
    [String.prototype, "includes"],
    [RegExp.prototype, "exec"],
    [RegExp.prototype, "test"],
  ] as const;
  const originals = targets.map(([proto, name]) => (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!);
  targets.forEach(([proto, name], i) => {
    const original = originals[i]!;
    (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  });
  try {
    run();
  } finally {
    targets.forEach(([proto, name], i) => ((proto as unknown as Record<string, unknown>)[name] = originals[i]));
  }
  return count;
}

/** String searches made while linking every long sentence of an article of `bytes` bytes, per sentence. */
function searchesPerLink(bytes: number): number {
  const article = buildArticle("big", "big.txt", bigArticle(bytes));
  const spans = article.sentences.filter((s) => article.text.slice(s.start, s.end).split(/\s+/).length > 8);
  return countSearches(() => {
    for (const s of spans) textDirective(article.text, s);
  }) / spans.length;
}

describe("quote extraction on long articles", () => {
  test("linking a sentence costs about the same number of string searches on a 20 KB page as on a 400 KB one", () => {
    const small = searchesPerLink(20_000);
    const large = searchesPerLink(400_000);
    // Searching from the page start makes the large page cost about 20 times the small one.
    expect(large).toBeLessThan(small * 2);
  });

  test("a quote's context is bounded even when its sentence runs for the whole article", () => {
    // One paragraph, no sentence punctuation: a single sentence of about 200 KB holding every quote.
    const body = Array.from({ length: 600 }, (_, i) => `"the harbour plan number ${i} will cost more than expected" said councillor Imogen Raskell on day ${i} and`).join(" ");
    const article = buildArticle("long", "long.txt", `Harbour inquiry\n\n${body} the board went home.\n`);
    const index = new QuoteIndex([article]);
    const quotes = index.quote("Imogen Raskell").quotes;
    expect(quotes.length).toBeGreaterThan(100);
    for (const q of quotes) {
      expect(q.context).toBe(article.text.slice(q.contextStart, q.contextEnd));
      expect(q.contextStart).toBeLessThanOrEqual(q.start);
      expect(q.contextEnd).toBeGreaterThanOrEqual(q.end);
      expect(q.context.length - q.text.length).toBeLessThanOrEqual(1_000);
    }
  });

  test("a command that throws in the CLI prints one line on stderr and exits 1", () => {
    const dir = writeCorpus({ "a.txt": "Ferry strike ends\n\nThe ferry strike ended on Thursday after the union accepted a pay offer.\n" });
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    for (const [method, args] of [
      ["ask", ["ask", "--json", "--corpus", dir, "when did the strike end"]],
      ["quote", ["quote", "--corpus", dir, "Imogen Raskell"]],
      ["sources", ["sources", "--corpus", dir]],
    ] as const) {
      const spy = vi.spyOn(Engine.prototype, method).mockImplementation(() => {
        throw new RangeError("Invalid string length");
      });
      stdout.mockClear();
      stderr.mockClear();
      expect(main([...args]), method).toBe(1);
      const written = stderr.mock.calls.map((c) => String(c[0])).join("");
      expect(written).toBe(`error: ${method} failed: Invalid string length\n`);
      expect(stdout).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
