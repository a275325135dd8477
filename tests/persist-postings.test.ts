import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { buildArticle, loadCorpus } from "../src/corpus/load.js";
import { terms as analyze, term, words } from "../src/search/analyzer.js";
import { PassageIndex } from "../src/search/passage-index.js";
import { Postings, PostingsBuilder } from "../src/search/postings.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

/** minisearch configured as the passage index used to configure it, as the reference ranking. */
function reference(index: PassageIndex): MiniSearch<{ id: number; text: string }> {
  const written = (text: string) => words(text).map((w) => w.word);
  const ms = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    tokenize: written,
    processTerm: (w) => term(w) ?? undefined,
  });
  for (const p of index.passages) ms.add({ id: p.id, text: p.article.text.slice(p.paragraph.start, p.paragraph.end) });
  return ms;
}

const INVENTED = [
  buildArticle(
    "orchard",
    "orchard.txt",
    `Cider makers expect a smaller apple harvest

Frost in April damaged blossom across the valley orchards, growers said on Monday.

"We lost nearly half the early blossom," said grower Tomas Vell. Apple prices rose at the Saturday market.

Cider makers said they would buy apples from the coast to keep their presses running. The apple festival goes ahead.
`,
  ),
  buildArticle(
    "bridge",
    "bridge.txt",
    `Bridge closes for repairs

The old river bridge will close for six weeks from Monday while engineers replace its bearings.

Buses will divert over the new bridge. Engineers said the bearings were worn after forty years.
`,
  ),
];

describe("postings", () => {
  it.each([
    ["the seeds", () => loadCorpus(SEEDS_DIR).articles],
    ["invented articles", () => INVENTED],
  ])("rank %s exactly as minisearch's BM25+ does: same passages, order, scores and matched terms", (_name, articles) => {
    const index = new PassageIndex(articles());
    const ms = reference(index);
    const queries = [
      "Putin congratulate Biden",
      "electoral college votes",
      "Kremlin Peskov legal procedures",
      "apple harvest frost",
      "bridge engineers bearings Monday",
      "said",
      "Monday Monday",
    ];
    let compared = 0;
    for (const q of queries) {
      const qt = [...new Set(analyze(q))].filter((t) => index.knows(t));
      if (qt.length === 0) continue;
      for (const limit of [1, 3, 50]) {
        const ours = index.search(qt, limit);
        const theirs = ms
          .search({ combineWith: "OR", queries: qt }, { fuzzy: false, prefix: false, tokenize: (s) => [s], processTerm: (s) => s })
          .slice(0, limit);
        expect(ours.map((h) => h.passage.id)).toEqual(theirs.map((r) => r.id));
        expect(ours.map((h) => h.score)).toEqual(theirs.map((r) => r.score));
        expect(ours.map((h) => [...h.matches.keys()].sort())).toEqual(theirs.map((r) => [...r.terms].sort()));
        compared += ours.length;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("counts term frequency and document frequency per passage", () => {
    const b = new PostingsBuilder();
    b.add(["apple", "pear", "apple"], 3);
    b.add(["pear"], 1);
    b.add([], 0);
    const p = b.build();
    expect(p.documentCount).toBe(3);
    expect(p.docFreq("apple")).toBe(1);
    expect(p.docFreq("pear")).toBe(2);
    expect(p.docFreq("plum")).toBe(0);
    const hits = p.search(["apple", "pear"], 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 1]);
    expect(hits[0]!.terms).toEqual(["apple", "pear"]);
    expect(hits[1]!.terms).toEqual(["pear"]);
    expect(p.search(["plum"], 10)).toEqual([]);
  });

  it("keeps the best passages when there are many more matches than the limit", () => {
    const b = new PostingsBuilder();
    // Passage i mentions "river" i times among padding: more mentions, higher score.
    for (let i = 1; i <= 200; i++) b.add([...Array(i).fill("river"), "pad"], 50);
    const top = b.build().search(["river"], 5);
    expect(top.map((h) => h.doc)).toEqual([199, 198, 197, 196, 195]);
    expect(top[0]!.score).toBeGreaterThan(top[4]!.score);
  });

  it("refuses arrays that do not fit together", () => {
    const good = (() => {
      const b = new PostingsBuilder();
      b.add(["apple"], 1);
      return b.build().data;
    })();
    expect(() => new Postings({ ...good, docs: Uint32Array.from([5]) })).toThrow(/does not exist/);
    expect(() => new Postings({ ...good, offsets: Uint32Array.from([0]) })).toThrow(/do not fit/);
    expect(() => new Postings({ ...good, terms: ["apple", "apple"], offsets: Uint32Array.from([0, 0, 1]) })).toThrow(/repeat/);
  });
});
