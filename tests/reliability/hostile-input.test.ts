/**
 * The hostile-input battery through the engine and the CLI, for both ask and quote: every input gets a valid reply (an
 * answer, or a plain "not covered" / "please ask a question"), nothing throws, citations stay
 * verbatim and linked only to http(s), and nothing from the input that could hijack a terminal
 * (control characters, escape sequences, bidi overrides) comes back out.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AskResult } from "../../src/answer/types.js";
import { Engine } from "../../src/engine.js";
import type { QuoteResult } from "../../src/quotes/types.js";
import { renderAsk, renderQuotes } from "../../src/render/terminal.js";
import { HOSTILE_INPUTS, hasUnsafeCharacters, singleLineInputs, type HostileInput } from "../fixtures/hostile-inputs.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS_DIR, writeCorpus } from "../helpers/temp-corpus.js";

/** The parts of the ask contract the battery relies on (other fields may be added). */
const citationSchema = z.looseObject({
  n: z.number().int().positive(),
  articleId: z.string().min(1),
  title: z.string(),
  excerpt: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  link: z.string().regex(/^https?:\/\/\S+$/).nullable(),
});
const askResultSchema = z.looseObject({
  question: z.string(),
  answer: z.string().min(1).nullable(),
  citations: z.array(citationSchema),
  reason: z.string().nullable(),
});

const quoteResultSchema = z.looseObject({
  query: z.string(),
  speaker: z.looseObject({ name: z.string().min(1), aliases: z.array(z.string()) }).nullable(),
  quotes: z.array(
    z.looseObject({
      text: z.string().min(1),
      speaker: z.string().min(1),
      group: z.string().min(1),
      articleId: z.string().min(1),
      context: z.string().min(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      contextStart: z.number().int().nonnegative(),
      contextEnd: z.number().int().positive(),
      link: z.string().regex(/^https?:\/\/\S+$/).nullable(),
    }),
  ),
  mentionedIn: z.number().int().nonnegative(),
});

/** Every quote is the article's own text between its offsets, inside its verbatim context. */
function expectValidQuote(engine: Engine, result: QuoteResult, input: HostileInput): void {
  quoteResultSchema.parse(result);
  for (const q of result.quotes) {
    const article = engine.articles.find((a) => a.id === q.articleId)!;
    expect(article.text.slice(q.start, q.end), input.label).toBe(q.text);
    expect(article.text.slice(q.contextStart, q.contextEnd), input.label).toBe(q.context);
    expect(q.contextStart <= q.start && q.end <= q.contextEnd, input.label).toBe(true);
  }
}

/** A reply is either an answer with citations or a reason with none, never both or neither. */
function expectValidAsk(engine: Engine, result: AskResult, input: HostileInput): void {
  const parsed = askResultSchema.parse(result);
  if (parsed.answer === null) {
    expect(parsed.citations, input.label).toEqual([]);
    expect(parsed.reason?.trim(), input.label).toBeTruthy();
  } else {
    expect(parsed.citations.length, input.label).toBeGreaterThan(0);
    for (const marker of parsed.answer.matchAll(/\[(\d+)\]/g)) {
      expect(parsed.citations.some((c) => c.n === Number(marker[1])), `${input.label}: marker ${marker[0]}`).toBe(true);
    }
    for (const c of result.citations) {
      const article = engine.articles.find((a) => a.id === c.articleId)!;
      expect(article.text.slice(c.start, c.end), input.label).toBe(c.excerpt);
    }
  }
}

const INVENTED = writeCorpus({
  "ferry.txt": [
    "Island ferry strike ends after pay deal",
    "",
    "The island ferry strike ended on Thursday after the crews' union accepted a pay offer of four percent, the operator said.",
    "",
    '"We are glad to be sailing again," union secretary Tomas Berg said at the harbour.',
    "",
  ].join("\n"),
  "market.md": [
    "# Night market moves to the old station",
    "",
    "The weekly night market will move to the old railway station in May because the square is being repaved.",
    "",
    "Stallholders said the station hall would keep them dry in the rainy season.",
    "",
  ].join("\n"),
  "sources.json": JSON.stringify({ ferry: { url: "https://example.org/ferry", outlet: "Island Herald", published: "2024-03-07" } }),
});

describe.each([
  ["the seeds", SEEDS_DIR],
  ["an invented corpus", INVENTED],
])("engine ask battery over %s", (_name, dir) => {
  const engine = Engine.fromDir(dir, { strict: true });

  it(`has at least 30 inputs (${HOSTILE_INPUTS.length})`, () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_INPUTS.map((i) => i.label)).size).toBe(HOSTILE_INPUTS.length);
  });

  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("%s", (_label, input) => {
    const result = engine.ask(input.text);
    expectValidAsk(engine, result, input);
    const text = renderAsk(result);
    expect(text.endsWith("\n")).toBe(true);
    expect(hasUnsafeCharacters(text), JSON.stringify(text.slice(0, 200))).toBe(false);
  });

  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("quote: %s", (_label, input) => {
    const result = engine.quote(input.text);
    expectValidQuote(engine, result, input);
    const text = renderQuotes(result);
    expect(text.length).toBeGreaterThan(0);
    expect(hasUnsafeCharacters(text), JSON.stringify(text.slice(0, 200))).toBe(false);
    const suggestions = engine.suggestSpeakers(input.text);
    expect(suggestions.length).toBeLessThanOrEqual(25);
    for (const s of suggestions) expect(s.name.length).toBeGreaterThan(0);
  });

  it("asking the same hostile input twice gives the same reply (no state leaks between asks)", () => {
    const first = HOSTILE_INPUTS.map((i) => JSON.stringify(engine.ask(i.text)));
    const second = HOSTILE_INPUTS.map((i) => JSON.stringify(engine.ask(i.text)));
    expect(second).toEqual(first);
    const quotes = HOSTILE_INPUTS.map((i) => JSON.stringify(engine.quote(i.text)));
    expect(HOSTILE_INPUTS.map((i) => JSON.stringify(engine.quote(i.text)))).toEqual(quotes);
  });
});

/** Inputs that try to take over a terminal; run through the readable CLI as arguments too. */
const TERMINAL_TRICKS = ["terminal escape sequences", "right-to-left override"];

/** `cli SUB --jsonl` over the inputs, one per line: exit 0, nothing on stderr, one JSON line each, in order. */
function jsonlAnswers(sub: "ask" | "quote", inputs: readonly { text: string }[]): unknown[] {
  const r = runCli([sub, "--jsonl"], inputs.map((i) => i.text).join("\n") + "\n");
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  const lines = r.stdout.split("\n");
  expect(lines.pop()).toBe("");
  expect(lines).toHaveLength(inputs.length);
  return lines.map((line) => JSON.parse(line) as unknown);
}

describe("CLI ask battery", () => {
  it("--jsonl answers every single-line input exactly once, in order, as valid JSON", () => {
    const inputs = singleLineInputs();
    const engine = Engine.fromDir(SEEDS_DIR);
    jsonlAnswers("ask", inputs).forEach((answer, k) => {
      const input = inputs[k]!;
      const out = answer as AskResult;
      expectValidAsk(engine, out, input);
      // Lone surrogates cannot be written as UTF-8, so they arrive as U+FFFD.
      if (!/[\ud800-\udfff]/.test(input.text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
        expect(out.question, input.label).toBe(input.text.trim());
      }
    });
  });

  it("quote --jsonl answers every single-line input exactly once, in order, as valid JSON", () => {
    const inputs = singleLineInputs();
    const engine = Engine.fromDir(SEEDS_DIR);
    jsonlAnswers("quote", inputs).forEach((answer, k) => expectValidQuote(engine, answer as QuoteResult, inputs[k]!));
  });

  it.each(HOSTILE_INPUTS.filter((i) => !i.hasNul && (i.multiline || TERMINAL_TRICKS.includes(i.label))).map((i) => [i.label, i] as const))(
    "readable and --json as a command-line argument: %s",
    (_label, input) => {
      const readable = runCli(["ask", input.text]);
      expect(readable.status).toBe(0);
      expect(readable.stderr).toBe("");
      expect(readable.stdout.length).toBeGreaterThan(0);
      expect(hasUnsafeCharacters(readable.stdout)).toBe(false);
      const json = runCli(["ask", "--json", input.text]);
      expect(json.status).toBe(0);
      expectValidAsk(Engine.fromDir(SEEDS_DIR), JSON.parse(json.stdout) as AskResult, input);
      const quote = runCli(["quote", input.text]);
      expect(quote.status).toBe(0);
      expect(quote.stderr).toBe("");
      expect(hasUnsafeCharacters(quote.stdout)).toBe(false);
    },
  );
});
