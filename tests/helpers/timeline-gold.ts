/**
 * Scores a timeline gold file (tests/fixtures/timeline-*.gold.json) against the engine, the way
 * the shared eval script scores `timeline --json`, plus what it does not score:
 *  - events: found when a row cites the article with an excerpt holding the fragment, dated
 *    right when one such row's date agrees at the gold's precision;
 *  - disagreements: found when one row flags that kind with the two sides in different values;
 *  - false flags: rows citing two or more articles (counted once per set of citations) that flag
 *    something no gold disagreement names;
 *  - undated: fragments of an article without a date that must not be dated.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Citation } from "../../src/citation/citation.js";
import type { Engine } from "../../src/engine.js";
import type { TimelineEvent } from "../../src/timeline/timeline.js";
import { goldText } from "../../src/text/gold-text.js";

const side = z.object({ article: z.string(), fragment: z.string() });
const goldSchema = z.object({
  events: z.array(z.object({ article: z.string(), fragment: z.string(), alt_fragment: z.string().optional(), date: z.string(), precision: z.enum(["year", "month", "day"]) })),
  disagreements: z.array(z.object({ kind: z.enum(["duration", "count", "date"]), between: z.tuple([side, side]) })).default([]),
  undated: z.array(side).default([]),
});

export interface TimelineScore {
  events: number;
  found: number;
  dated: number;
  disagreements: number;
  flagged: number;
  /** Rows that group two or more articles, each set of citations once. */
  groups: number;
  /** Of those, the ones flagging a difference no gold disagreement names. */
  falseFlags: number;
  /** What went wrong, for a readable failure. */
  problems: string[];
}

export const norm = goldText;

const WIDTH = { year: 4, month: 7, day: 10 } as const;

function cites(c: Citation, s: { article: string; fragment: string }): boolean {
  return c.articleId.startsWith(s.article) && norm(c.excerpt).includes(norm(s.fragment));
}

export function scoreTimeline(engine: Engine, goldPath: string): TimelineScore {
  const gold = goldSchema.parse(JSON.parse(readFileSync(goldPath, "utf8")));
  const events: TimelineEvent[] = engine.timeline().events;
  const problems: string[] = [];
  let found = 0;
  let dated = 0;
  for (const g of gold.events) {
    const frags = [g.fragment, g.alt_fragment].filter((f): f is string => !!f);
    const hits = events.filter((e) => e.citations.some((c) => frags.some((fragment) => cites(c, { article: g.article, fragment }))));
    if (hits.length === 0) {
      problems.push(`missing (${g.article}) ${g.fragment} [${g.date}]`);
      continue;
    }
    found++;
    if (hits.some((e) => e.date.slice(0, WIDTH[g.precision]) === g.date.slice(0, WIDTH[g.precision]))) dated++;
    else problems.push(`wrong date (${g.article}) ${g.fragment}: got ${hits.map((e) => e.date).join(", ")}, want ${g.date}`);
  }
  const flagsPair = (e: TimelineEvent, d: TimelineEvent["disagreements"][number], g: (typeof gold.disagreements)[number]) => {
    if (d.kind !== g.kind) return false;
    const holds = (v: (typeof d.values)[number], s: { article: string; fragment: string }) => v.citations.some((n) => cites(e.citations.find((c) => c.n === n)!, s));
    return d.values.some((a) => d.values.some((b) => a !== b && holds(a, g.between[0]) && holds(b, g.between[1])));
  };
  let flagged = 0;
  for (const g of gold.disagreements) {
    if (events.some((e) => e.disagreements.some((d) => flagsPair(e, d, g)))) flagged++;
    else problems.push(`disagreement not flagged: ${g.kind} ${g.between.map((s) => `(${s.article}) ${s.fragment}`).join(" / ")}`);
  }
  const seen = new Set<string>();
  let groups = 0;
  let falseFlags = 0;
  for (const e of events) {
    if (new Set(e.citations.map((c) => c.articleId)).size < 2) continue;
    const key = e.citations.map((c) => `${c.articleId}:${c.start}`).sort().join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    groups++;
    const wrong = e.disagreements.filter((d) => !gold.disagreements.some((g) => flagsPair(e, d, g)));
    if (wrong.length > 0) {
      falseFlags++;
      problems.push(`false flag on ${e.date}: ${wrong.map((d) => `${d.kind} ${d.values.map((v) => v.text).join(" / ")}`).join("; ")}`);
    }
  }
  for (const u of gold.undated) {
    if (events.some((e) => e.citations.some((c) => cites(c, u)))) problems.push(`dated, though its article has no date: (${u.article}) ${u.fragment}`);
  }
  return { events: gold.events.length, found, dated, disagreements: gold.disagreements.length, flagged, groups, falseFlags, problems };
}
