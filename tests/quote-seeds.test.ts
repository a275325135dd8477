/**
 * The quote engine on the five seed articles, against gold made by reading all five (the shared
 * development set covers only 000, 001 and 003). One gold entry per statement: the article, a
 * fragment of the quoted words, and who said it. Speakers no cue in the text names (002: "the
 * Democrat slammed ...", meaning Biden) are gold too: leaving them unattributed costs recall.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/corpus/load.js";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { containsWords } from "../src/quotes/group.js";
import type { QuoteOccurrence } from "../src/quotes/types.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const PESKOV = "Dmitry Peskov";
const PUTIN = "Vladimir Putin";
const KREMLIN = "Kremlin";

const GOLD: [article: string, fragment: string, speaker: string][] = [
  ["000", "clearly obvious difference", PESKOV],
  ["000", "certain legal procedures, which were announced by the current president", PESKOV],
  ["000", "I will pass on this question", PESKOV],
  ["000", "There are no official results at all", PESKOV],
  ["000", "within the context of the (strategic) stability", PESKOV],
  ["000", "birthplace of the liberator Simon Bolivar", "Nicolas Maduro"],
  ["001", "We consider it correct to wait for the official results", PESKOV],
  ["001", "The difference is quite obvious", PESKOV],
  ["001", "it will be possible to re-establish a dialogue", PESKOV],
  ["002", "For my part, I am ready for interaction", PUTIN],
  ["002", "Putin wished the president-elect every success", KREMLIN],
  ["002", "embraced so many autocrats around the world", "Joe Biden"],
  ["002", "certain legal procedures that have been announced", PESKOV],
  ["003", "We believe it's correct to wait for the official results", PESKOV],
  ["003", "absolutely clear: there's currently a legal dispute", PESKOV],
  ["003", "normalize our bilateral relations.", PESKOV],
  ["003", "we hope that we'll be able to establish a dialogue", PESKOV],
  ["003", "work together toward the end of the crisis", PUTIN],
  ["003", "Congratulations to @JoeBiden and @KamalaHarris", "Alexey Navalny"],
  ["003", "Since when does the Lamestream Media", "Donald Trump"],
  ["004", "For my part, I am ready for interaction", PUTIN],
  ["004", "really help solve the many problems", KREMLIN],
  ["004", "in a legitimate, legal way.", PUTIN],
  ["004", "We will work with anyone who has the confidence", PUTIN],
  ["004", "But that confidence can only be given", PUTIN],
  ["004", "certain legal procedures are coming there", PESKOV],
  ["004", "I remind you that Vladimir Putin said more than once", PESKOV],
  ["004", "compromise on the basic elements of democracy", "Joe Biden"],
];

let ix: QuoteIndex;
let statements: QuoteOccurrence[];

beforeAll(() => {
  ix = new QuoteIndex(loadCorpus(SEEDS_DIR).articles);
  statements = ix.occurrences.filter((o) => o.kind === "statement");
});

const matches = (o: QuoteOccurrence, [article, fragment]: (typeof GOLD)[number]) => o.articleId.startsWith(article) && o.text.includes(fragment);

describe("seed articles against gold made by reading all five", () => {
  it("finds every statement (recall of quotations, attributed or not)", () => {
    const missing = GOLD.filter((g) => !statements.some((o) => matches(o, g)));
    expect(missing).toEqual([]);
  });

  it("attributes with precision >= 95% and recall >= 90%", () => {
    const attributed = statements.filter((o) => o.speaker);
    const right = attributed.filter((o) => GOLD.some((g) => matches(o, g) && g[2] === o.speaker));
    const hits = GOLD.filter((g) => attributed.some((o) => matches(o, g) && o.speaker === g[2]));
    const precision = right.length / attributed.length;
    const recall = hits.length / GOLD.length;
    expect(attributed.filter((o) => !right.includes(o)).map((o) => `${o.articleId}: ${o.speaker} <- ${o.text.slice(0, 50)}`)).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("gives 'the Democrat slammed ...' to the sentence's subject, Biden, not to Trump, whom the text gives another office", () => {
    const [o] = statements.filter((s) => s.text.includes("embraced so many autocrats"));
    expect(o!.speaker).toBe("Joe Biden");
  });

  it("every quote and context is an exact slice of its article", () => {
    const texts = new Map(loadCorpus(SEEDS_DIR).articles.map((a) => [a.id, a.text]));
    for (const o of ix.occurrences) {
      const text = texts.get(o.articleId)!;
      expect(text.slice(o.start, o.end)).toBe(o.text);
      expect(text.slice(o.contextStart, o.contextEnd)).toBe(o.context);
      expect(o.contextStart).toBeLessThanOrEqual(o.start);
      expect(o.contextEnd).toBeGreaterThanOrEqual(o.end);
    }
  });

  it("keeps scare quotes as fragments: 'premature', 'different', 'official announcement', 'ruined'", () => {
    const fragments = ix.occurrences.filter((o) => o.kind === "fragment").map((o) => o.text.replace(/[.,]$/, ""));
    expect(fragments).toEqual(expect.arrayContaining(["premature", "different", "official announcement", "ruined"]));
    expect(ix.quote("Peskov").quotes.some((q) => q.text.startsWith("premature"))).toBe(false);
  });
});

describe("seed traps", () => {
  const speakerOf = (article: string, fragment: string) => statements.find((o) => o.articleId.startsWith(article) && o.text.includes(fragment))!.speaker;

  it("'he wrote in a Twitter post' is Navalny, although Joe Biden and Kamala Harris are named nearer", () => {
    expect(speakerOf("003", "Congratulations to @JoeBiden")).toBe("Alexey Navalny");
  });

  it("'He added' is Peskov, although Putin is named nearer", () => {
    expect(speakerOf("004", "I remind you that Vladimir Putin")).toBe(PESKOV);
  });

  it("a bare role resolves: 'Putin's spokesman said' and 'the Russian President stated'", () => {
    expect(speakerOf("004", "Obviously, you can see")).toBe(PESKOV);
    expect(speakerOf("004", "in a legitimate, legal way")).toBe(PUTIN);
  });

  it("'the Kremlin cited Putin as saying' is Putin; 'the Kremlin said' is the Kremlin", () => {
    expect(speakerOf("002", "For my part")).toBe(PUTIN);
    expect(speakerOf("002", "Putin wished the president-elect")).toBe(KREMLIN);
  });

  it("a quote running over two paragraphs is one statement with both parts", () => {
    const [o] = statements.filter((s) => s.text.includes("we hope that we'll be able"));
    expect(o!.text).toContain("A significant part of these bilateral relations");
    expect(o!.parts).toHaveLength(2);
  });
});

describe("lookup on the seeds", () => {
  it.each([
    ["Peskov", PESKOV],
    ["Dmitry Peskov", PESKOV],
    ["Kremlin spokesman", PESKOV],
    ["Putin's spokesman", PESKOV],
    ["the Kremlin", KREMLIN],
    ["Navalny", "Alexey Navalny"],
    ["Alexei Navalny", "Alexey Navalny"],
    ["Russian opposition leader", "Alexey Navalny"],
    ["Trump", "Donald Trump"],
    ["Maduro", "Nicolas Maduro"],
    ["Peskow", PESKOV], // one letter off
  ])("%s finds %s", (query, name) => {
    const r = ix.quote(query);
    expect(r.speaker?.name).toBe(name);
    expect(r.quotes.length).toBeGreaterThan(0);
    expect(r.quotes.every((q) => q.speaker === name && q.kind === "statement")).toBe(true);
  });

  it("links each quote to its place in the article (a text fragment), or null without a URL", () => {
    for (const q of ix.quote("Peskov").quotes) {
      if (q.url === null) expect(q.link).toBeNull();
      else {
        expect(q.link!.startsWith(`${q.url}#:~:text=`)).toBe(true);
        const first = q.text.split(/\s+/)[0]!.replace(/[^\p{L}\p{N}].*$/u, "");
        expect(decodeURIComponent(q.link!.split("#:~:text=")[1]!)).toContain(first);
      }
    }
    expect(ix.quote("Peskov").quotes.some((q) => q.link !== null)).toBe(true);
  });

  it("says who is mentioned but not quoted", () => {
    const merkel = ix.quote("Angela Merkel");
    expect(merkel.quotes).toEqual([]);
    expect(merkel.mentionedIn).toBe(2);
    expect(ix.quote("Boris Johnson").quotes).toEqual([]);
  });

  it("answers from what was computed at start-up (the same objects every time)", () => {
    const a = ix.quote("Peskov").quotes;
    const b = ix.quote("Kremlin spokesman").quotes;
    expect(a.length).toBeGreaterThan(0);
    a.forEach((q, i) => {
      expect(q).toBe(b[i]);
      expect(ix.occurrences).toContain(q);
    });
  });

  it("lists speakers with their counts, most quoted first", () => {
    const list = ix.speakers();
    expect(list[0]!.name).toBe(PESKOV);
    expect(list[0]!.aliases).toEqual(expect.arrayContaining(["Peskov", "Kremlin spokesman"]));
    for (const s of list) expect(s.quotes).toBe(ix.quote(s.name).quotes.length);
  });
});

describe("grouping across outlets", () => {
  const groupOf = (article: string, fragment: string) => statements.find((o) => o.articleId.startsWith(article) && o.text.includes(fragment))!.group;

  it("groups the same statement in three outlets' translations", () => {
    const g = groupOf("000", "certain legal procedures");
    expect(groupOf("002", "certain legal procedures")).toBe(g);
    expect(groupOf("004", "certain legal procedures")).toBe(g);
  });

  it("groups identical wording", () => {
    expect(groupOf("002", "For my part")).toBe(groupOf("004", "For my part"));
  });

  it("groups 'clearly obvious difference' with 'The difference is quite obvious'", () => {
    expect(groupOf("000", "clearly obvious difference")).toBe(groupOf("001", "The difference is quite obvious"));
  });

  it("keeps different statements apart, and at most one occurrence per article in a group", () => {
    expect(groupOf("000", "I will pass on this question")).not.toBe(groupOf("000", "There are no official results"));
    expect(groupOf("000", "There are no official results")).not.toBe(groupOf("003", "We believe it's correct to wait"));
    // A second occurrence from one article is only ever a fragment of words another member already quotes.
    const byGroup = new Map<string, typeof statements>();
    for (const o of statements) byGroup.set(o.group, [...(byGroup.get(o.group) ?? []), o]);
    for (const members of byGroup.values()) {
      for (const o of members) {
        const again = members.filter((m) => m !== o && m.articleId === o.articleId);
        for (const m of again) expect(containsWords(m.text, o.text) || containsWords(o.text, m.text)).toBe(true);
      }
    }
  });

  it("keeps each member's own wording and source", () => {
    const g = groupOf("000", "certain legal procedures");
    const members = ix.quote("Peskov").quotes.filter((q) => q.group === g);
    expect(new Set(members.map((m) => m.text)).size).toBe(3);
    expect(members.map((m) => m.outlet)).toEqual(expect.arrayContaining(["UAWire", "Kashmir Observer"]));
  });
});
