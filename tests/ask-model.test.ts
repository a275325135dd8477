import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ask, gather } from "../src/answer/ask.js";
import { excerptSpan } from "../src/answer/select.js";
import { CANDIDATE_FEATURES, MODEL_FILE, QUESTION_FEATURES, answerModel, modelSchema } from "../src/answer/model.js";
import { buildArticle } from "../src/corpus/load.js";
import { WordMeaning } from "../src/search/meaning.js";
import { PassageIndex } from "../src/search/passage-index.js";
import { VectorTable } from "../src/text/vectors.js";
import { baseForms } from "../src/text/wordnet.js";

/** A tiny vector table: words on a few axes, so similarities are known by construction. */
function table(): VectorTable {
  const v = (x: number, y: number, z: number) => [x, y, z, 0.01];
  return VectorTable.fromFloats(
    ["cancelled", "scrapped", "festival", "river", "flooded", "kremlin", "putin", "banana"],
    [v(1, 0.1, 0), v(0.95, 0.15, 0), v(0, 1, 0), v(0, 0, 1), v(0.1, 0, 0.95), v(0.5, 0.5, 0.5), v(0.52, 0.5, 0.48), v(-1, 0, 0)],
  );
}

const FESTIVAL = `Dunmore festival off

Organisers cancelled the Dunmore festival on Monday.

The river flooded the fields near Kremlin Road, where Putin Street ends.
`;

function indexWith(vectors: VectorTable | null): PassageIndex {
  const index = new PassageIndex([buildArticle("fest", "fest.txt", FESTIVAL)]);
  index.meaning = vectors ? WordMeaning.build(index.writtenWords(), { full: vectors, wordnet: null }) : null;
  return index;
}

describe("the answer model file", () => {
  it("is valid against its schema and weighs every named feature", () => {
    const model = answerModel();
    expect(Object.keys(model.candidate).sort()).toEqual([...CANDIDATE_FEATURES].sort());
    expect(Object.keys(model.confidence.question).sort()).toEqual([...QUESTION_FEATURES].sort());
    expect(Object.keys(model.confidence.lead).sort()).toEqual([...CANDIDATE_FEATURES].sort());
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(modelSchema().safeParse(JSON.parse(readFileSync(MODEL_FILE, "utf8"))).success).toBe(true);
  });
  it("a model missing a weight, or with a weight that is no number, is refused", () => {
    const model = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { candidate: Record<string, unknown> };
    const { coverage: _dropped, ...rest } = model.candidate;
    expect(modelSchema().safeParse({ ...model, candidate: rest }).success).toBe(false);
    expect(modelSchema().safeParse({ ...model, candidate: { ...model.candidate, coverage: "high" } }).success).toBe(false);
  });
});

describe("the vector table", () => {
  it("keeps cosines within 0.01 of the float vectors after quantizing to bytes", () => {
    const t = table();
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
    expect(t.similarity("cancelled", "scrapped")!).toBeCloseTo(cos([1, 0.1, 0, 0.01], [0.95, 0.15, 0, 0.01]), 2);
    expect(t.similarity("cancelled", "banana")!).toBeLessThan(-0.9);
    expect(t.similarity("cancelled", "unknownword")).toBeNull();
  });
  it("reads back what it wrote, and refuses bytes whose checksum does not match", () => {
    const bytes = table().encode();
    expect(VectorTable.decode(bytes)?.similarity("river", "flooded")).toBeCloseTo(table().similarity("river", "flooded")!, 6);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0x40;
    expect(VectorTable.decode(flipped)).toBeNull();
  });
  it("packed (as a corpus's meaning entry keeps it), finds every word's row and cosine as the list does, and refuses damaged bytes", () => {
    // Words that collide in a small hash table, a repeated word (its first row counts) and non-ASCII words.
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}`).concat(["café", "naïve", "w0", "日本"]);
    const vectors = words.map((_, i) => [Math.sin(i + 1), Math.cos(i * 3 + 1), (i % 7) - 3, 0.5]);
    const list = VectorTable.fromFloats(words, vectors);
    const packed = VectorTable.decodePacked(Buffer.from(list.encodePacked()))!;
    expect(packed).not.toBeNull();
    expect(packed.size).toBe(list.size);
    for (const w of [...words, "w", "cafe", "", "unknownword", "w00"]) {
      expect(packed.rowOf(w)).toBe(list.rowOf(w));
      expect(packed.similarity(w, "café")).toBe(list.similarity(w, "café"));
    }
    expect(packed.rowOf("w0")).toBe(0);
    expect(packed.words).toEqual(words);
    const bytes = list.encodePacked();
    for (const at of [40, bytes.length - 1, bytes.length - 700]) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x21;
      expect(VectorTable.decodePacked(flipped)).toBeNull();
    }
  });
  it("finds the nearest candidates above a floor, best first", () => {
    expect(table().nearest("scrapped", ["festival", "cancelled", "banana"], 0.5, 5).map((n) => n.word)).toEqual(["cancelled"]);
  });
});

describe("WordNet's base forms", () => {
  it("undo English inflection, doubled consonants included", () => {
    expect(baseForms("scrapped")).toContain("scrap");
    expect(baseForms("tallies")).toContain("tally");
    expect(baseForms("counting")).toContain("count");
  });
});

describe("word meaning", () => {
  it("lets a word the coverage lacks reach its nearest ordinary word", () => {
    const matches = indexWith(table()).meaning!.softMatches("scrapped");
    expect(matches.map((m) => m.word)).toContain("cancelled");
  });
  it("never lets a word soft-match a name (a word the coverage only writes capitalised)", () => {
    // "kremlin" and "putin" are vector neighbours, but the coverage writes both only as names.
    expect(indexWith(table()).meaning!.softWords).not.toContain("putin");
    expect(indexWith(table()).meaning!.softMatches("kremlin").map((m) => m.word)).not.toContain("putin");
  });
  it("answers a paraphrase through meaning, and without meaning refuses naming the word", () => {
    const q = "When was the festival scrapped?";
    expect(ask(indexWith(table()), q).answer).toMatch(/cancelled the Dunmore festival on Monday/);
    const without = ask(indexWith(null), q);
    expect(without.answer).toBeNull();
    expect(without.notFound).toEqual(["scrapped"]);
  });
});

describe("warming word meaning up", () => {
  it("reads WordNet's links once, at warm(), so no later question waits for them", () => {
    let reads = 0;
    const meaning = new WordMeaning(table(), () => {
      reads++;
      return new Map([["axed", ["cancelled"]]]);
    }, ["cancelled", "festival", "river", "flooded"]);
    meaning.warm();
    expect(reads).toBe(1);
    meaning.softMatches("axed");
    meaning.softMatches("binned");
    expect(reads).toBe(1);
  });
});

describe("candidate features", () => {
  const index = indexWith(table());
  const lead = (q: string) => {
    const g = gather(index, q);
    if (!("candidates" in g)) throw new Error(`refused: ${g.reason}`);
    return g.candidates.find((c) => /cancelled the Dunmore/.test(c.view.text))!.features;
  };
  it("count a word matched exactly as exact coverage, and one reached through meaning as soft", () => {
    expect(lead("When was the festival cancelled?").exact).toBeCloseTo(1, 5);
    expect(lead("When was the festival cancelled?").soft).toBe(0);
    const soft = lead("When was the festival scrapped?");
    expect(soft.soft).toBeGreaterThan(0);
    expect(soft.exact).toBeLessThan(1);
  });
  it("grade the meaning match by vectors, and give a when-question's time evidence its own feature", () => {
    const f = lead("When was the festival scrapped?");
    expect(f.align).toBeGreaterThan(0.9);
    expect(f.fitTime).toBe(1);
    expect(f.fitReason).toBe(0);
  });
  it("make the exact question more confident than its paraphrase", () => {
    const exact = ask(index, "When was the festival cancelled?");
    const soft = ask(index, "When was the festival scrapped?");
    expect(exact.confidence!).toBeGreaterThan(soft.confidence!);
  });
});

describe("two-sentence leads", () => {
  const index = new PassageIndex([
    buildArticle(
      "council",
      "council.txt",
      `Council closes pool

Mayor Ines Kovar gave the council's reason on Friday:

“The roof is unsafe and the repairs would cost more than a new pool.”

The pool opened in 1971.
`,
    ),
  ]);
  it("an introduction ending in a colon is cited with the next paragraph's quotation, as one exact slice", () => {
    const g = gather(index, "Why did the council close the pool?");
    if (!("candidates" in g)) throw new Error(`refused: ${g.reason}`);
    const intro = g.candidates.find((c) => c.view.text.startsWith("Mayor Ines Kovar"))!;
    const span = excerptSpan(intro, g.q.kind);
    expect(index.article("council")!.text.slice(span.start, span.end)).toMatch(/^Mayor Ines Kovar gave the council's reason on Friday:\s+“The roof is unsafe.*new pool\.”$/s);
    const last = g.candidates.find((c) => c.view.text.startsWith("The pool opened"))!;
    expect(excerptSpan(last, "general")).toEqual({ start: last.view.sentence.start, end: last.view.sentence.end });
  });
});
