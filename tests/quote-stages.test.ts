/**
 * The quote pipeline's stage evaluation (issue 12; `npm run eval:quotes`, scripts/quote-stages.ts)
 * on the invented quote sets, with floors a few points below the figures measured when it was
 * written (README, "How well quotes do, stage by stage"). The floors are not targets: raise them
 * when the extractor gets better, never lower them to pass.
 */
import { describe, expect, it } from "vitest";
import type { Span } from "../src/corpus/types.js";
import { evaluateSet, figures, goldSpan, locate, QUOTE_SETS, sumCounts, type StageCounts, type StageFigures } from "../scripts/quote-stages.js";

type Floors = { [S in keyof StageFigures]: { [F in keyof StageFigures[S]]: number } };

// Measured (percent), stop 18: all invented sets (with D) 95.0/97.8/99.8 span P/R/exact, 96.3/87.4
// attribution, 94.5/85.5 end to end, 97.0/85.8 lookup; set A 99.1/96.7/99.2, 93.6/88.2, 93.6/85.4,
// 95.5/81.5; train-5 90.8/98.8/100, 97.3/91.4, 87.8/90.2, 90.0/90.2; heldout 1-4 95.7/98.9/100,
// 100/100, 97.8/98.9, 100/97.2. (Sets A and C were blind until stop 18, when some of their misses
// were read; the blind figures are in the README.)
const FLOORS: Record<string, Floors> = {
  // Set D (harder: shared surnames, posts credited by a dash, a tabloid lede in capitals) joined
  // the collection in stop 18 with attribution recall 69.6%, which is why these recall floors sit
  // below the ones set A has alone.
  "invented, all": {
    span: { precision: 0.92, recall: 0.94, exact: 0.96 },
    attribution: { precision: 0.94, recall: 0.84 },
    endToEnd: { precision: 0.92, recall: 0.82 },
    lookup: { precision: 0.94, recall: 0.82 },
  },
  A: {
    span: { precision: 0.96, recall: 0.93, exact: 0.96 },
    attribution: { precision: 0.9, recall: 0.85 },
    endToEnd: { precision: 0.9, recall: 0.82 },
    lookup: { precision: 0.92, recall: 0.78 },
  },
  "train-5": {
    span: { precision: 0.87, recall: 0.95, exact: 0.97 },
    attribution: { precision: 0.97, recall: 0.88 },
    endToEnd: { precision: 0.86, recall: 0.87 },
    lookup: { precision: 0.87, recall: 0.87 },
  },
  "heldout 1-4": {
    span: { precision: 0.92, recall: 0.95, exact: 0.97 },
    attribution: { precision: 0.97, recall: 0.97 },
    endToEnd: { precision: 0.94, recall: 0.95 },
    lookup: { precision: 0.97, recall: 0.94 },
  },
};

describe("quote stages on the invented sets", () => {
  const invented = QUOTE_SETS.filter((s) => s.invented);
  const counts = new Map<string, StageCounts>(invented.map((s) => [s.name, evaluateSet(s)]));
  const groups: Record<string, StageCounts> = {
    "invented, all": sumCounts([...counts.values()]),
    A: counts.get("A")!,
    "train-5": counts.get("train-5")!,
    "heldout 1-4": sumCounts(invented.filter((s) => s.name.startsWith("heldout")).map((s) => counts.get(s.name)!)),
  };

  it("covers at least 20 articles and 150 gold quotations, every one found in its article", () => {
    const all = groups["invented, all"]!;
    expect(all.articles).toBeGreaterThanOrEqual(20);
    expect(all.gold).toBeGreaterThanOrEqual(150);
    expect(all.unplaced).toBe(0);
  });

  it.each(Object.keys(FLOORS))("%s: every stage at or above its floor", (name) => {
    const measured = figures(groups[name]!);
    const floors = FLOORS[name]!;
    const below: string[] = [];
    for (const stage of Object.keys(floors) as (keyof StageFigures)[]) {
      for (const [figure, floor] of Object.entries(floors[stage])) {
        const value = (measured[stage] as Record<string, number>)[figure]!;
        if (value < floor) below.push(`${stage} ${figure} ${(100 * value).toFixed(1)}% < ${100 * floor}%`);
      }
    }
    expect(below).toEqual([]);
  });
});

describe("placing the gold", () => {
  const text = "Title\n\nShe said: \u201CWe will not sail it, and that\u2019s final.\u201D Then she left.\n\n'It's over,' he said. \u2018It\u2019s the plan,\u2019 she said.";
  const paragraph = (at: Span): Span => ({ start: text.lastIndexOf("\n", at.start) + 1, end: (text.indexOf("\n", at.end) + 1 || text.length + 1) - 1 });

  it("finds a fragment however its marks, case and spacing are written", () => {
    const [at] = locate(text, "we WILL not   sail it, and that's final");
    expect(at && text.slice(at.start, at.end)).toBe("We will not sail it, and that\u2019s final");
    expect(locate(text, "not in the text")).toEqual([]);
  });

  it("widens a fragment to the marks around it: double, straight single past apostrophes, curly single", () => {
    const widened = (fragment: string) => {
      const at = locate(text, fragment)[0]!;
      const s = goldSpan(text, paragraph(at), at);
      return [text.slice(s.start, s.end), s.marked];
    };
    expect(widened("not sail it")).toEqual(["We will not sail it, and that\u2019s final.", true]);
    expect(widened("s over")).toEqual(["It's over,", true]);
    expect(widened("the plan")).toEqual(["It\u2019s the plan,", true]);
    expect(widened("Then she left")).toEqual(["Then she left", false]);
  });

  it("runs a quotation without a closing mark to its paragraph's end", () => {
    const t = "\u201CThe first paragraph goes on.\n\n\u201CAnd ends here,\u201D she said.";
    const at = locate(t, "first paragraph")[0]!;
    const s = goldSpan(t, { start: 0, end: t.indexOf("\n") }, at);
    expect(t.slice(s.start, s.end)).toBe("The first paragraph goes on.");
  });
});
