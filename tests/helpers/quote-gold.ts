/**
 * Scores `Engine.quote` against a gold file in the shared eval format, the way the eval script
 * does: a returned quote matches a gold entry when it comes from the same article and its text
 * (quote marks, case and white space ignored) contains the gold fragment.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Engine } from "../../src/engine.js";
import { bareQuoteText } from "../../src/text/gold-text.js";
import { entrySchema, goldSchema } from "../../scripts/quote-stages.js";


/** The eval script's normalisation: typographic marks folded, case, quote marks and spacing ignored. */
export const bare = bareQuoteText;

export interface GoldScore {
  /** Returned quotes that match a gold entry of the queried speaker, and those that do not. */
  tp: number;
  wrong: string[];
  /** Gold entries found, out of all (one per query form). */
  hits: number;
  must: number;
  missed: string[];
  /** Names that must return no quotes and returned some. */
  notEmpty: string[];
}

export function scoreQuotes(engine: Engine, goldFile: string): GoldScore {
  const gold = goldSchema.parse(JSON.parse(readFileSync(goldFile, "utf8")));
  const s: GoldScore = { tp: 0, wrong: [], hits: 0, must: 0, missed: [], notEmpty: [] };
  for (const [speaker, forms] of Object.entries(gold.queries)) {
    const mine = [...gold.gold, ...(gold.optional ?? [])].filter((g) => g.speaker === speaker);
    for (const form of forms) {
      const quotes = engine.quote(form).quotes;
      const matches = (q: (typeof quotes)[number], g: z.infer<typeof entrySchema>) => q.articleId.startsWith(g.article) && bare(q.text).includes(bare(g.fragment));
      for (const q of quotes) {
        if (mine.some((g) => matches(q, g))) s.tp++;
        else s.wrong.push(`${form}: ${q.articleId}: ${q.text}`);
      }
      for (const g of gold.gold.filter((x) => x.speaker === speaker)) {
        s.must++;
        if (quotes.some((q) => matches(q, g))) s.hits++;
        else s.missed.push(`${form}: ${g.article}: ${g.fragment}`);
      }
    }
  }
  for (const e of gold.empty) if (engine.quote(e).quotes.length > 0) s.notEmpty.push(e);
  return s;
}
