/**
 * The persisted dates (issue 14): every article's date mentions saved beside the index, so a new
 * process compares outlets' dates and lists the timeline without loading chrono-node or parsing
 * articles. Restored dates are exactly the dates read afresh (on the seeds and on stories with
 * relative, story-relative, anchored and caption dates), answers and timelines are unchanged, and
 * an entry that does not fit its articles is rebuilt, never used.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { ArrayRegion, decodeEntry, encodeEntry } from "../src/search/cache-entry.js";
import { loadCorpus } from "../src/corpus/load.js";
import { PassageIndex } from "../src/search/passage-index.js";
import { openIndexedCorpus } from "../src/search/persist.js";
import { datesCacheFileFor, openDates } from "../src/dates/persist-dates.js";
import { articleDates, type ArticleDates } from "../src/dates/read-dates.js";
import { SEEDS_DIR, writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const CORPORA = [SEEDS_DIR, join(FIXTURES, "timeline-story-1"), join(FIXTURES, "timeline-story-2"), join(FIXTURES, "timeline-blind-1"), join(FIXTURES, "timeline-blind-2"), join(FIXTURES, "timeline-blind-3")];

/** An article's dates as plain data: each span by sentence index (null: a caption) and offsets, with its mentions. */
function plain(d: ArticleDates) {
  return d.spans.map((s) => ({ sentence: s.sentence ? s.sentence.index : null, start: s.span.start, end: s.span.end, mentions: s.mentions }));
}

const FERRY_A = "Ferry crash\n\nThe ferry Northern Star collided with a cargo ship in Port Alder harbour on Saturday, injuring 14 people.\n";
const FERRY_B = "Ferry collision\n\nThe ferry Northern Star collided with a cargo ship in Port Alder harbour on Saturday, injuring 12 people.\n";
const FERRY_MANIFEST = JSON.stringify({ a: { outlet: "Courier", published: "2024-03-11" }, b: { outlet: "Wire", published: "2024-03-12" } });

describe("persisted dates", () => {
  it("restore exactly the dates read afresh, sentence objects included, on the seeds and the timeline stories", () => {
    let captions = 0;
    let mentions = 0;
    for (const dir of CORPORA) {
      const cacheDir = tempDir("dcache");
      const first = openIndexedCorpus(dir, { cacheDir });
      const options = { dir, cacheDir, corpusKey: first.key! };
      expect(openDates(first.corpus.articles, (t) => first.index.idf(t), options).source).toBe("built");
      // A new start: the corpus restored from the index entry, its dates from theirs.
      const { corpus, index } = openIndexedCorpus(dir, { cacheDir });
      const loaded = openDates(corpus.articles, (t) => index.idf(t), options);
      expect(loaded.source).toBe("loaded");
      const fresh = loadCorpus(dir);
      const freshIndex = new PassageIndex(fresh.articles);
      corpus.articles.forEach((article, i) => {
        const restored = loaded.dates.get(article)!;
        expect(restored.article).toBe(article);
        expect(plain(restored)).toEqual(plain(articleDates(fresh.articles[i]!, (t) => freshIndex.idf(t))));
        for (const s of restored.spans) {
          if (s.sentence) expect(s.span).toBe(article.sentences[s.sentence.index]);
          else captions++;
          mentions += s.mentions.length;
        }
      });
    }
    // The comparison covers caption dates as well as sentences' dates.
    expect(captions).toBeGreaterThan(0);
    expect(mentions).toBeGreaterThan(50);
  });

  it("leave answers and their 'Outlets differ' check, and the timeline, as they are without a cache", () => {
    const dir = writeCorpus({ "a.txt": FERRY_A, "b.txt": FERRY_B, "sources.json": FERRY_MANIFEST });
    const cacheDir = tempDir("dcache");
    Engine.fromDir(dir, { cacheDir }).timeline();
    const cached = Engine.fromDir(dir, { cacheDir });
    const fresh = Engine.fromDir(dir);
    const question = "how many people were injured when the ferry collided";
    expect(cached.ask(question)).toEqual(fresh.ask(question));
    expect(cached.ask(question).disagreements).toHaveLength(1);
    expect(cached.dateSource).toBe("loaded");
    expect(cached.timeline()).toEqual(fresh.timeline());
    const story = join(FIXTURES, "timeline-story-1");
    const storyCache = tempDir("dcache");
    void Engine.fromDir(story, { cacheDir: storyCache }).dates;
    const restored = Engine.fromDir(story, { cacheDir: storyCache });
    expect(restored.timeline()).toEqual(Engine.fromDir(story).timeline());
    expect(restored.dateSource).toBe("loaded");
    // Four engines with word meaning built for two new cache folders: seconds on a loaded machine.
  }, 60_000);

  it("are read on first use only: an answer no other outlet corroborates, and a start, read none", () => {
    const dir = writeCorpus({ "a.txt": FERRY_A, "sources.json": JSON.stringify({ a: { published: "2024-03-11" } }) });
    const engine = Engine.fromDir(dir, { cacheDir: tempDir("dcache") });
    engine.ask("how many people were injured when the ferry collided");
    expect(engine.dateSource).toBeNull();
  });

  it("a record whose mention does not fit its article (words, offsets, sentence) is never used", () => {
    const dir = writeCorpus({ "a.txt": FERRY_A, "b.txt": FERRY_B, "sources.json": FERRY_MANIFEST });
    const cacheDir = tempDir("dcache");
    const { corpus, index, key } = openIndexedCorpus(dir, { cacheDir });
    const options = { dir, cacheDir, corpusKey: key! };
    const idf = (t: string) => index.idf(t);
    const fresh = corpus.articles.map((a) => plain(articleDates(a, idf)));
    expect(openDates(corpus.articles, idf, options).source).toBe("built");
    const file = datesCacheFileFor(dir, cacheDir);
    const magic = Buffer.from("cbdates\n", "latin1");
    const original = readFileSync(file);
    type Span = { sentence: number | null; start: number; mentions: { start: number; end: number; text: string }[] };
    type Header = { key: string; articles: { id: string; spans: string }[] };
    const header = decodeEntry(original, magic, (_x): _x is Header => true)!.header;
    const datesNow = (opened: ReturnType<typeof openDates>) => corpus.articles.map((a) => plain(opened.dates.get(a)!));
    /** The first article's record changed (read back only when that article's dates are asked for). */
    const record = (change: (spans: Span[]) => void) => (h: Header) => {
      const spans = JSON.parse(h.articles[0]!.spans) as Span[];
      change(spans);
      h.articles[0]!.spans = JSON.stringify(spans);
    };
    const forgedRecords: ((h: Header) => void)[] = [
      record((spans) => void (spans[0]!.mentions[0]!.text = "on Sunday")),
      record((spans) => void (spans[0]!.mentions[0]!.start += 1)),
      record((spans) => void (spans[0]!.sentence = 7)),
      record((spans) => void (spans[0]!.start += 1)),
      record((spans) => void spans.push(spans[0]!)),
      (h) => void (h.articles[0]!.spans = "[{"),
    ];
    for (const forge of forgedRecords) {
      const h = structuredClone(header);
      forge(h);
      writeFileSync(file, encodeEntry(magic, h, new ArrayRegion()));
      // The entry opens; the record that does not fit its article is not used: that article's dates are read afresh.
      const opened = openDates(corpus.articles, idf, options);
      expect(opened.source).toBe("loaded");
      expect(datesNow(opened)).toEqual(fresh);
    }
    // Records of other articles, or missing ones: the entry is rebuilt.
    for (const forge of [(h: Header) => void h.articles.reverse(), (h: Header) => void h.articles.pop()]) {
      const h = structuredClone(header);
      forge(h);
      writeFileSync(file, encodeEntry(magic, h, new ArrayRegion()));
      const opened = openDates(corpus.articles, idf, options);
      expect(opened.source).toBe("built");
      expect(datesNow(opened)).toEqual(fresh);
    }
    // The rebuilt entry is the original again, and is read.
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(openDates(corpus.articles, idf, options).source).toBe("loaded");
  });

  it("a damaged or unwritable entry costs a rebuild, not an answer", () => {
    const dir = writeCorpus({ "a.txt": FERRY_A, "b.txt": FERRY_B, "sources.json": FERRY_MANIFEST });
    const cacheDir = tempDir("dcache");
    void Engine.fromDir(dir, { cacheDir }).dates;
    const file = datesCacheFileFor(dir, cacheDir);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff;
    writeFileSync(file, bytes);
    const engine = Engine.fromDir(dir, { cacheDir });
    const question = "how many people were injured when the ferry collided";
    expect(engine.ask(question)).toEqual(Engine.fromDir(dir).ask(question));
    expect(engine.dateSource).toBe("built");
    // A cache folder that is a file: nothing can be saved, and the dates still serve.
    const blocked = join(tempDir("dcache"), "file");
    writeFileSync(blocked, "");
    const { corpus, index, key } = openIndexedCorpus(dir, { cacheDir });
    const opened = openDates(corpus.articles, (t) => index.idf(t), { dir, cacheDir: blocked, corpusKey: key! });
    expect(opened.saveError).not.toBeNull();
    expect(corpus.articles.map((a) => plain(opened.dates.get(a)!))).toEqual(corpus.articles.map((a) => plain(articleDates(a, (t) => index.idf(t)))));
  });
});
