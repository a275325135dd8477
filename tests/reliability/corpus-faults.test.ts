/**
 * Broken corpora: every fault is either skipped with a warning that names the file or refused with
 * one message that names it. A corpus is never served half-loaded without a warning, and no link
 * that reaches a user is anything but http(s).
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/errors.js";
import { buildArticle, loadCorpus, MAX_ARTICLE_BYTES } from "../../src/corpus/load.js";
import { Engine } from "../../src/engine.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS_DIR, writeCorpus } from "../helpers/temp-corpus.js";

/** A small invented article that must always survive its broken neighbours. */
const LIBRARY = [
  "Riverside library doubles its opening hours",
  "",
  "The Riverside public library will open seven days a week from March, the town council decided on Tuesday.",
  "",
  "Councillor Mira Holt said the longer hours were paid for by closing two unused branch offices.",
  "",
].join("\n");

/** Only page furniture: share prompts, a credit, a pitch, a keyword line. */
const FURNITURE_ONLY = [
  "Weekend markets",
  "",
  "Share this article",
  "",
  "Photo: Jane Roe/AFP via Getty Images",
  "",
  "Sign up for our newsletter",
  "",
  "Subscribe for $4.99/month",
  "",
  "markets, weekend, stalls",
  "",
].join("\n");

function load(files: Record<string, string | Uint8Array>) {
  return loadCorpus(writeCorpus({ "library.txt": LIBRARY, ...files }));
}

/** The one warning that mentions `file`; fails when there is none or more than one. */
function warningFor(warnings: string[], file: string): string {
  const hits = warnings.filter((w) => w.includes(`/${file}`));
  expect(hits, `warnings for ${file}: ${JSON.stringify(warnings)}`).toHaveLength(1);
  return hits[0]!;
}

describe("article files that cannot be served are skipped, by name", () => {
  it.each([
    ["empty.txt", "", /is empty/],
    ["blank.md", " \n\t\n  \n", /is empty/],
    ["photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /looks binary/],
    ["controls.txt", new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)))), /looks binary/],
    ["late-nul.txt", Buffer.concat([Buffer.from(LIBRARY.repeat(200)), Buffer.from([0]), Buffer.from("tail.")]), /NUL/],
    ["latin1.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x4c, 0x61, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x75, 0x76, 0x72, 0x65, 0x2e]), /not valid UTF-8/],
    ["truncated.txt", Buffer.concat([Buffer.from("Title\n\nA sentence that ends in a broken character \u00e9"), Buffer.from([0xe2, 0x82])]), /not valid UTF-8/],
    ["utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Title\n\nSome prose here.\n", "utf16le")]), /UTF-16/],
    ["furniture.txt", FURNITURE_ONLY, /no article text left/],
    ["title-only.md", "# Just a heading\n", /no article text left/],
  ])("%s", (file, content, reason) => {
    const corpus = load({ [file]: content });
    expect(corpus.articles.map((a) => a.id)).toEqual(["library"]);
    expect(warningFor(corpus.warnings, file)).toMatch(reason);
    // strict mode refuses the same corpus with that one message
    expect(() => loadCorpus(corpus.dir, { strict: true })).toThrow(new RegExp(`${file.replace(".", "\\.")}: .*${reason.source}`));
  });

  it("a 10 MB file: skipped by size without being read, the rest of the corpus loads", () => {
    const line = "The committee met again and discussed the harbour budget at length. ";
    const huge = "Ten megabytes of minutes\n\n" + line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    expect(Buffer.byteLength(huge)).toBeGreaterThan(10 * 1024 * 1024);
    const corpus = load({ "huge.txt": huge });
    expect(corpus.articles.map((a) => a.id)).toEqual(["library"]);
    expect(warningFor(corpus.warnings, "huge.txt")).toMatch(/is 10\.0 MB, over the 2\.0 MB limit for one article; split it/);
  });

  it("a file just under the size limit still loads and answers", () => {
    // Distinct sentences, so cleaning does not treat them as a repeated widget.
    const sentences: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < MAX_ARTICLE_BYTES - 10_000; i++) {
      const s = `Minute ${i} of the inquiry recorded that witness ${i % 97} described the flood barrier at length.${i % 5 === 4 ? "\n\n" : " "}`;
      sentences.push(s);
      bytes += Buffer.byteLength(s);
    }
    const engine = new Engine(load({ "inquiry.txt": "Flood inquiry minutes\n\n" + sentences.join("") }));
    expect(engine.corpus.warnings).toEqual([]);
    expect(engine.articles.map((a) => a.id)).toEqual(["inquiry", "library"]);
    expect(engine.ask("who described the flood barrier").citations[0]?.articleId).toBe("inquiry");
  });

  it("duplicate ids (a.txt and a.md): one is served, the other skipped naming both; strict refuses", () => {
    const corpus = load({ "story.md": "# Story in Markdown\n\nThe Markdown copy says the ferry was late.\n", "story.txt": "Story as text\n\nThe text copy says the ferry was on time.\n" });
    expect(corpus.articles.map((a) => a.id)).toEqual(["library", "story"]);
    expect(corpus.articles[1]!.file).toMatch(/story\.md$/);
    expect(warningFor(corpus.warnings, "story.txt")).toMatch(/same id "story" as .*story\.md; rename one/);
    expect(() => loadCorpus(corpus.dir, { strict: true })).toThrow(/story\.txt: has the same id "story"/);
  });

  it("a dangling symlink and a folder named like an article are skipped, not a crash", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY });
    symlinkSync(join(dir, "gone.txt.target"), join(dir, "gone.txt"));
    mkdirSync(join(dir, "folder.md"));
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["library"]);
    expect(warningFor(corpus.warnings, "gone.txt")).toMatch(/cannot be read \(ENOENT\)/);
    expect(warningFor(corpus.warnings, "folder.md")).toMatch(/cannot be read \(EISDIR\)/);
  });

  it("other files in the folder are named as ignored; hidden files and the manifest are not", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "scan.pdf": "%PDF-1.7", "photo.jpg": new Uint8Array([0xff, 0xd8, 0xff]), ".DS_Store": "x", "sources.json": "{}" });
    mkdirSync(join(dir, "archive"));
    writeFileSync(join(dir, "archive", "old.txt"), LIBRARY);
    const corpus = loadCorpus(dir, { strict: true });
    expect(corpus.articles.map((a) => a.id)).toEqual(["library"]);
    expect(corpus.warnings).toHaveLength(3);
    for (const f of ["scan.pdf", "photo.jpg", "archive"]) expect(warningFor(corpus.warnings, f)).toMatch(/^ignored .*only \.txt and \.md/);
  });

  it("CRLF line endings segment exactly like LF", () => {
    const lf = buildArticle("a", "a.txt", LIBRARY);
    const crlf = buildArticle("a", "a.txt", LIBRARY.replace(/\n/g, "\r\n"));
    const texts = (a: typeof lf) => a.sentences.map((s) => a.text.slice(s.start, s.end));
    expect(texts(crlf)).toEqual(texts(lf));
    expect(crlf.title).toBe(lf.title);
  });
});

describe("folders that cannot be served are refused with one message", () => {
  it("an empty folder", () => {
    const dir = writeCorpus({});
    expect(() => loadCorpus(dir)).toThrow(new CorpusError(dir, "no loadable .txt or .md articles"));
  });

  it("a folder of only broken files names every one of them", () => {
    const dir = writeCorpus({ "empty.txt": "", "furniture.txt": FURNITURE_ONLY, "bin.md": new Uint8Array([0, 1, 2]) });
    let message = "";
    try {
      loadCorpus(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(CorpusError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/no loadable \.txt or \.md articles/);
    for (const f of ["empty.txt: is empty", "furniture.txt: has no article text left", "bin.md: looks binary"]) expect(message).toContain(f);
  });
});

describe("manifest faults refuse the whole corpus, naming the file and the field", () => {
  const manifestError = (manifest: unknown) => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "sources.json": typeof manifest === "string" ? manifest : JSON.stringify(manifest) });
    try {
      loadCorpus(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(CorpusError);
      expect((err as CorpusError).file).toBe(join(dir, "sources.json"));
      return (err as Error).message;
    }
    throw new Error("the manifest was accepted");
  };

  it.each([
    ["javascript:alert(document.cookie)", /must be an http\(s\) URL/],
    ["JavaScript:alert(1)", /must be an http\(s\) URL/],
    ["file:///etc/passwd", /must be an http\(s\) URL/],
    ["data:text/html,<script>alert(1)</script>", /must be an http\(s\) URL/],
    ["ftp://example.org/story", /must be an http\(s\) URL/],
    ["//example.org/story", /must be an http\(s\) URL/],
    ["example.org/story", /must be an http\(s\) URL/],
    [" https://example.org/story", /must not contain spaces/],
    ["https://example.org/story\n[click](javascript:alert(1))", /must not contain spaces, line breaks/],
    ["https://example.org/a\tb", /must not contain spaces/],
    ["https://news.example.org@evil.example/story", /must not contain a user name or password/],
    ["https://user:pw@example.org/story", /must not contain a user name or password/],
  ])("url %j", (url, reason) => {
    expect(manifestError({ library: { url } })).toMatch(new RegExp(`sources\\.json: "library"\\."url": ${reason.source}`));
  });

  it.each(["2021-02-30", "2020-13-01", "2020-00-10", "2019-02-29", "yesterday", "09/11/2020", "2020-11-09T99:00", ""])("date %j", (published) => {
    expect(manifestError({ library: { published } })).toMatch(/sources\.json: "library"\."published": (?:must be an ISO date|is not a real calendar date)/);
  });

  it("a real leap day is accepted", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "sources.json": JSON.stringify({ library: { published: "2020-02-29" } }) });
    expect(loadCorpus(dir).articles[0]!.published).toBe("2020-02-29");
  });

  it.each([
    [{ librar: { outlet: "Typo Times" } }, /"librar": no article file librar\.txt or librar\.md/],
    [JSON.parse('{"__proto__": {"outlet": "Sneaky"}}'), /"__proto__": no article file/],
    [{ library: { outlet: "Line one\nLine two" } }, /"library"\."outlet": must be one line/],
    [{ library: { title: "Title\u0000" } }, /"library"\."title": must be one line/],
    [{ library: { outlet: "   " } }, /"library"\."outlet": must not be empty/],
    [{ library: { url: 42 } }, /"library"\."url"/],
    ["[]", /the top level: must be an object keyed by article id/],
    ["", /is not valid JSON/],
  ])("manifest %j", (manifest, reason) => {
    expect(manifestError(manifest)).toMatch(reason);
  });

  it("a manifest in broken UTF-8 is refused instead of shown with replacement characters", () => {
    const bytes = Buffer.concat([Buffer.from('{"library": {"outlet": "Caf'), Buffer.from([0xe9]), Buffer.from('"}}')]);
    const dir = writeCorpus({ "library.txt": LIBRARY, "sources.json": bytes });
    expect(() => loadCorpus(dir)).toThrow(/sources\.json: is not valid UTF-8/);
  });

  it("a manifest saved with a byte-order mark loads", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "sources.json": "\ufeff" + JSON.stringify({ library: { outlet: "Riverside Post", url: "https://example.org/library" } }) });
    expect(loadCorpus(dir).articles[0]).toMatchObject({ outlet: "Riverside Post", url: "https://example.org/library" });
  });

  it("an article with no manifest entry called like an Object method gets no metadata", () => {
    const dir = writeCorpus({ "constructor.txt": LIBRARY, "sources.json": "{}" });
    expect(loadCorpus(dir).articles[0]).toMatchObject({ id: "constructor", url: null, outlet: null, published: null, title: "Riverside library doubles its opening hours" });
  });
});

describe("no link that reaches a user is anything but http(s)", () => {
  it("every URL the seeds and an invented corpus serve is http(s), and so is every cited link", () => {
    const invented = writeCorpus({ "library.txt": LIBRARY, "sources.json": JSON.stringify({ library: { url: "https://example.org/library?x=1#top", outlet: "Riverside Post" } }) });
    for (const dir of [SEEDS_DIR, invented]) {
      const engine = Engine.fromDir(dir, { strict: true });
      for (const s of engine.sources()) if (s.url !== null) expect(new URL(s.url).protocol).toMatch(/^https?:$/);
      for (const q of ["why did Putin wait", "what did the council decide about the library"]) {
        for (const c of engine.ask(q).citations) if (c.link !== null) expect(c.link).toMatch(/^https?:\/\/\S+$/);
      }
    }
  });
});

describe("the CLI reports corpus faults instead of serving silently", () => {
  it("warns on stderr naming each skipped file, and still answers from the rest", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "empty.txt": "", "photo.txt": new Uint8Array([0, 1, 2, 3]) });
    const r = runCli(["ask", "--json", "--corpus", dir, "when will the library open seven days a week"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning: skipped .*empty\.txt: is empty/m);
    expect(r.stderr).toMatch(/^warning: skipped .*photo\.txt: looks binary/m);
    expect(JSON.parse(r.stdout).citations[0].articleId).toBe("library");
  });

  it("refuses a bad manifest with one line and exit status 1, no stack trace", () => {
    const dir = writeCorpus({ "library.txt": LIBRARY, "sources.json": JSON.stringify({ library: { url: "javascript:alert(1)" } }) });
    const r = runCli(["sources", "--corpus", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([`error: ${join(dir, "sources.json")}: "library"."url": must be an http(s) URL`]);
  });
});
