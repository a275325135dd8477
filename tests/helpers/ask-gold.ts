/**
 * Runs an ask gold file (the shared eval format) through the engine, scored as the eval script
 * scores it: an answer counts when its lead holds one of the gold spans (case, curly quotes and
 * spacing ignored), a refusal when it answers nothing and cites nothing. Every reply must also be
 * well formed (verbatim excerpts, links).
 */
import { readFileSync } from "node:fs";
import { Engine } from "../../src/engine.js";
import { expectWellFormed } from "./ask-checks.js";

export interface GoldRun {
  hits: number;
  answerable: number;
  refusals: number;
  unanswerable: number;
}

const norm = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

/** `rewrite` changes each question as typed (say, lower-cased) before it is asked. */
export function runGold(dir: string, goldPath: string, rewrite: (q: string) => string = (q) => q): GoldRun {
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { questions: { q: string; answer: string[] | null }[] };
  const engine = Engine.fromDir(dir);
  let hits = 0;
  let refusals = 0;
  for (const { q, answer } of gold.questions) {
    const r = engine.ask(rewrite(q));
    expectWellFormed(r, engine.articles);
    if (answer === null) {
      if (r.answer === null && r.citations.length === 0) refusals++;
    } else if (r.answer !== null && answer.some((s) => norm(r.answer!).includes(norm(s)))) hits++;
  }
  const answerable = gold.questions.filter((x) => x.answer !== null).length;
  return { hits, answerable, refusals, unanswerable: gold.questions.length - answerable };
}
