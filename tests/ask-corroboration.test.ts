import { describe, expect, it } from "vitest";
import { ask } from "../src/answer/ask.js";
import { SAME_REPORT, reportComparer, sameReport } from "../src/answer/corroborate.js";
import type { SentenceView } from "../src/answer/sentence-view.js";
import { viewOf } from "../src/answer/sentence-view.js";
import { buildArticle } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";
import { PassageIndex } from "../src/search/passage-index.js";
import { expectWellFormed } from "./helpers/ask-checks.js";
import { storyArticles, storyIndex } from "./helpers/ask-story.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const seeds = Engine.fromDir(SEEDS_DIR);
const storyArts = storyArticles();
const story = storyIndex();

describe("corroboration: one report, every outlet that carries it", () => {
  it("cites near-identical sentences from several outlets together and counts them as support", () => {
    const r = ask(story, "Was the reopening of the Larkspur Bridge postponed?");
    expectWellFormed(r, storyArts);
    expect(r.answer).toMatch(/postponed the reopening of the Larkspur Bridge/);
    expect(r.answer).toMatch(/ \[1\]\[2\]\[3\]$/);
    expect(r.support).toBe(3);
    const lead = r.citations.filter((c) => c.n === 1 || c.sameAs === 1);
    expect(new Set(lead.map((c) => c.outlet))).toEqual(new Set(["Harbor Ledger", "Valley Courier", "Northline News"]));
  });

  it("does the same on the seeds: three outlets carry Peskov's 'legal procedures' answer", () => {
    const r = seeds.ask("why did Putin wait");
    expectWellFormed(r, seeds.articles);
    const group = r.citations.filter((c) => /legal procedures/.test(c.excerpt));
    expect(group.length).toBe(3);
    // shown once, the others listed as the same report
    expect(group.filter((c) => c.sameAs === null)).toHaveLength(1);
  });

  it("shows the best-worded version: the one that answers the question most fully", () => {
    // Only one outlet's version names the speaker's boss; asking about him picks that version.
    const r = seeds.ask("What did Putin's spokesman say about legal procedures?");
    expect(r.citations[0]!.excerpt).toMatch(/^Putin’s spokesman said/);
    expect(r.citations.filter((c) => c.sameAs === 1).length).toBeGreaterThanOrEqual(1);
  });

  it("excerpts after the lead add something new: never a repeat of a shown report", () => {
    for (const q of ["why did Putin wait", "Who congratulated Biden on his victory?", "What did Peskov say?", "What did Wielgosz say?"]) {
      const r = q.includes("Wielgosz") ? ask(story, q) : seeds.ask(q);
      const arts = q.includes("Wielgosz") ? storyArts : seeds.articles;
      expectWellFormed(r, arts);
      const shown = r.citations.filter((c) => c.sameAs === null);
      const byId = new Map(arts.map((a) => [a.id, a]));
      const views = shown.map((c) => {
        const a = byId.get(c.articleId)!;
        return viewOf(a, a.sentences.find((s) => s.start === c.start)!.index);
      });
      const idf = (t: string) => (q.includes("Wielgosz") ? story : seeds.index).idf(t);
      for (let i = 0; i < views.length; i++) for (let j = i + 1; j < views.length; j++) expect(sameReport(views[i]!, views[j]!, idf), q).toBe(false);
    }
  });

  it("tells a syndicated copy from a different report about the same people", () => {
    const arts = [
      buildArticle("a", "a.txt", "T\n\nMinister Hal Brandt said on Monday that the new toll on the Ostwick ferry would start in May.\n", { outlet: "A" }),
      buildArticle("b", "b.txt", "T\n\nMinister Hal Brandt said Monday the new toll on the Ostwick ferry would start in May.\n", { outlet: "B" }),
      buildArticle("c", "c.txt", "T\n\nMinister Hal Brandt said on Monday that he would not resign over the Ostwick ferry dispute.\n", { outlet: "C" }),
      buildArticle("d", "d.txt", "T\n\nMinister Hal Brandt said on Monday that the new toll on the Ostwick ferry would not start in May.\n", { outlet: "D" }),
    ];
    const index = new PassageIndex(arts);
    const v = (i: number) => viewOf(arts[i]!, 0);
    const idf = (t: string) => index.idf(t);
    expect(sameReport(v(0), v(1), idf)).toBe(true);
    expect(sameReport(v(0), v(2), idf)).toBe(false); // same speaker, same day, another statement
    expect(sameReport(v(0), v(3), idf)).toBe(false); // the opposite claim
    const r = ask(index, "When will the ferry toll start?");
    expect(r.support).toBe(2);
    expect(r.answer).toMatch(/\[1\]\[2\]$/);
  });

  it("the memoised comparer decides every pair of seed sentences as the plain definition does", () => {
    // The definition, written out the slow way: weighted Dice and containment over index terms,
    // a term written as a name in either sentence weighing nameWeight of its IDF.
    const o = SAME_REPORT;
    const idf = (t: string) => seeds.index.idf(t);
    const compare = reportComparer(idf);
    const names = (v: SentenceView) => new Set(v.tokens.filter((t, i) => i > 0 && t.term && /^\p{Lu}/u.test(t.word)).map((t) => t.term!));
    const negated = (v: SentenceView) => v.tokens.some((t) => /^(?:not|never|no|n't|neither|nor)$|n['’]t$/i.test(t.word));
    const pairs = (v: SentenceView) => {
      const terms = v.tokens.map((t) => t.term).filter((t): t is string => t !== null);
      return new Set(terms.slice(1).map((t, i) => `${terms[i]} ${t}`));
    };
    const plain = (a: SentenceView, b: SentenceView) => {
      if (negated(a) !== negated(b)) return false;
      const na = names(a);
      const nb = names(b);
      const w = (t: string) => idf(t) * (na.has(t) || nb.has(t) ? o.nameWeight : 1);
      const sum = (ts: Iterable<string>) => [...ts].reduce((s, t) => s + w(t), 0);
      const wa = sum(a.terms);
      const wb = sum(b.terms);
      const shared = sum([...a.terms].filter((t) => b.terms.has(t)));
      if (wa === 0 || wb === 0) return false;
      const dice = (2 * shared) / (wa + wb);
      const fast = compare.overlap(a, b);
      expect(fast.dice).toBeCloseTo(dice, 9);
      expect(fast.containment).toBeCloseTo(shared / Math.min(wa, wb), 9);
      const pa = pairs(a);
      const pb = pairs(b);
      const pairDice = (2 * [...pa].filter((p) => pb.has(p)).length) / (pa.size + pb.size || 1);
      return (
        dice >= o.minDice ||
        (dice >= o.minDiceWithPhrases && pairDice >= o.minPhrase) ||
        (shared / Math.min(wa, wb) >= o.minContainment && Math.min(a.terms.size, b.terms.size) >= o.minContainedTerms)
      );
    };
    const views = seeds.articles.flatMap((a) => a.sentences.map((s) => viewOf(a, s.index)));
    let same = 0;
    for (const a of views) {
      for (const b of views) {
        if (a.article === b.article) continue;
        const fast = compare(a, b);
        expect(fast, `${a.text} | ${b.text}`).toBe(plain(a, b));
        if (fast) same++;
      }
    }
    // The seeds carry several syndicated reports: the comparison is not vacuous.
    expect(same).toBeGreaterThanOrEqual(6);
  });
});
