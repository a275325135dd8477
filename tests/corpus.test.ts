import { describe, expect, it } from "vitest";
import { loadCorpus, buildArticle } from "../src/corpus/load.js";
import { CorpusError } from "../src/corpus/errors.js";
import { writeCorpus, SEEDS_DIR } from "./helpers/temp-corpus.js";

/** Page furniture found in the seed files: none of it may reach a kept paragraph. */
const SEED_FURNITURE = [
  "Share to friends",
  "Please enter your comment!",
  "Please enter your name here",
  "fourteen + one =",
  "Follow this link to join our WhatsApp group",
  "Quality journalism takes a lot of time",
  "MONTHLYRs 100",
  "Leave a Reply",
  "Your email address will not be published.",
  "KO SUPPLEMENTS",
  "via Getty Images",
  "(CC BY-SA 2.0) by Global Panorama",
  "| Reuters",
  "Putin, Biden, Trump",
  "trump putin",
  "Newsweek is committed to challenging",
  "Newsweek magazine delivered to your door",
  "Click here",
  "About the writer",
  "Joseph Biden defeats Donald Trump to become the 46th president",
];

describe("loading the seeds", () => {
  const corpus = loadCorpus(SEEDS_DIR, { strict: true });

  it("loads all five articles with manifest metadata and first-line titles", () => {
    expect(corpus.articles.map((a) => a.id.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
    const [uawire, unknown] = corpus.articles;
    expect(uawire!.outlet).toBe("UAWire");
    expect(uawire!.url).toMatch(/^https:\/\/www\.uawire\.org\//);
    expect(uawire!.published).toBe("2020-11-09");
    expect(uawire!.title).toBe("Kremlin refuses to recognize Biden's victory");
    expect(unknown!.outlet).toBeNull();
    expect(unknown!.url).toBeNull();
  });

  it("keeps no furniture in any paragraph", () => {
    for (const a of corpus.articles) {
      for (const p of a.paragraphs) {
        const text = a.text.slice(p.start, p.end);
        for (const f of SEED_FURNITURE) expect(text, `${a.id}: ${text}`).not.toContain(f);
      }
    }
  });

  it("keeps the article prose", () => {
    const kept = corpus.articles.flatMap((a) => a.paragraphs.map((p) => a.text.slice(p.start, p.end)));
    expect(kept.some((t) => t.startsWith("Sanctions are among the most pressing threats"))).toBe(true);
    expect(kept.some((t) => t.startsWith("Newsweek has contacted the Kremlin"))).toBe(true);
    expect(kept.some((t) => t.startsWith("Last Monday, electors from the 50 states"))).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(60);
  });

  it("names paragraphs and sentences by offsets into the unchanged file", () => {
    for (const a of corpus.articles) {
      for (const s of a.sentences) {
        const p = a.paragraphs[s.paragraph]!;
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(a.text.slice(s.start, s.end).trim()).toBe(a.text.slice(s.start, s.end));
      }
      // Sentences tile their paragraph: only white space lies between them.
      for (const p of a.paragraphs) {
        const joined = p.sentences.map((i) => a.text.slice(a.sentences[i]!.start, a.sentences[i]!.end)).join(" ");
        expect(joined.replace(/\s+/g, " ")).toBe(a.text.slice(p.start, p.end).replace(/\s+/g, " "));
      }
    }
  });

  it("never splits a sentence inside U.S.", () => {
    for (const a of corpus.articles) {
      for (const s of a.sentences) {
        expect(a.text.slice(s.start, s.end)).not.toMatch(/(?:^|\s)U\.S\.$/);
        expect(a.text.slice(s.start, s.end)).not.toMatch(/^S\./);
      }
    }
  });
});

describe("cleaning an invented news page", () => {
  const page = [
    "Harbour bridge reopens after repairs",
    "",
    "Harbour bridge reopens after repairs",
    "",
    "Share this article",
    "",
    "A view of the bridge at dusk. Jane Roe/AFP via Getty Images",
    "",
    "The Harbour Bridge reopened on Friday after six months of repairs, the city council said.",
    "",
    "Mayor Ann Lee said the work had finished two weeks early.",
    "",
    "Sign up for our morning newsletter",
    "",
    "Support independent journalism",
    "",
    "Journalism like ours costs money, and only a few of our readers pay for it today.",
    "",
    "Monthly $5",
    "",
    "bridge, harbour, council",
  ].join("\n");

  it("keeps the two prose paragraphs and drops the rest", () => {
    const a = buildArticle("bridge", "bridge.txt", page);
    expect(a.title).toBe("Harbour bridge reopens after repairs");
    expect(a.paragraphs.map((p) => page.slice(p.start, p.end))).toEqual([
      "The Harbour Bridge reopened on Friday after six months of repairs, the city council said.",
      "Mayor Ann Lee said the work had finished two weeks early.",
    ]);
    expect(a.furniture.map((f) => f.reason)).toContain("photo credit");
  });
});

describe("corpus errors name the file", () => {
  const good = "Title\n\nSome body text that reads like prose.\n";

  it("refuses a manifest that is not JSON", () => {
    const dir = writeCorpus({ "a.txt": good, "sources.json": "{ not json" });
    expect(() => loadCorpus(dir)).toThrow(/sources\.json: is not valid JSON/);
  });

  it.each([
    [{ a: { url: "javascript:alert(1)" } }, /sources\.json: "a"\."url": must be an http\(s\) URL/],
    [{ a: { url: "file:///etc/passwd" } }, /sources\.json: "a"\."url": must be an http\(s\) URL/],
    [{ a: { published: "9 November 2020" } }, /sources\.json: "a"\."published": must be an ISO date/],
    [{ a: { published: "2020-13-45" } }, /sources\.json: "a"\."published"/],
    [{ b: { outlet: "X" } }, /sources\.json: "b": no article file b\.txt or b\.md/],
    [{ a: { outlet: "X", colour: "red" } }, /sources\.json: "a"/],
    [[1, 2], /sources\.json: the top level/],
  ])("refuses manifest %j", (manifest, message) => {
    const dir = writeCorpus({ "a.txt": good, "sources.json": JSON.stringify(manifest) });
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
    expect(() => loadCorpus(dir)).toThrow(message);
  });

  it("skips empty, binary and non-UTF-8 files with a warning naming each", () => {
    const dir = writeCorpus({
      "good.txt": good,
      "empty.txt": "",
      "blank.md": "  \n\n ",
      "image.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      "latin1.txt": new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0xe8, 0x2e]),
    });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["good"]);
    const warnings = corpus.warnings.join("\n");
    expect(warnings).toMatch(/empty\.txt: is empty/);
    expect(warnings).toMatch(/blank\.md: is empty/);
    expect(warnings).toMatch(/image\.txt: looks binary/);
    expect(warnings).toMatch(/latin1\.txt: is not valid UTF-8/);
  });

  it("refuses a bad file outright in strict mode, naming it", () => {
    const dir = writeCorpus({ "good.txt": good, "empty.txt": "" });
    expect(() => loadCorpus(dir, { strict: true })).toThrow(/empty\.txt: is empty/);
  });

  it("refuses a folder with nothing to load", () => {
    expect(() => loadCorpus(writeCorpus({ "notes.json": "{}" }))).toThrow(/no loadable \.txt or \.md articles/);
    expect(() => loadCorpus("/nonexistent/corpus")).toThrow(/corpus folder not found/);
  });

  it("loads articles without a manifest entry with null metadata", () => {
    const dir = writeCorpus({ "a.txt": good, "b.md": "# Heading B\n\nAnother body paragraph here.\n", "sources.json": "{}" });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.title, a.url, a.outlet])).toEqual([
      ["a", "Title", null, null],
      ["b", "Heading B", null, null],
    ]);
  });
});

describe("cleaning keeps long prose with a ragged end", () => {
  it("keeps a one-paragraph article whose last line has no punctuation", () => {
    const body = Array.from({ length: 8 }, (_, i) => `The council met for the ${i + 1}th time and approved the harbour budget.`).join(" ");
    const text = `Council minutes\n\n${body} Totals 12 40 55 18\n`;
    const a = buildArticle("minutes", "minutes.txt", text);
    expect(a.paragraphs).toHaveLength(1);
    expect(a.furniture).toEqual([]);
  });

  it("still drops a short line without punctuation and a long photo caption", () => {
    const caption = "Ships wait outside the harbour on Monday. The strike entered its third week. Jane Roe/AFP via Getty Images";
    const text = `Strike\n\nThe strike entered its third week on Monday, the union said.\n\n${caption}\n\nRelated: ten ports to watch\n`;
    const a = buildArticle("strike", "strike.txt", text);
    expect(a.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(["The strike entered its third week on Monday, the union said."]);
  });
});
