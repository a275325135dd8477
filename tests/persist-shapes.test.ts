/**
 * The cached start reads its saved entries and the answer model without zod (issue 14: importing
 * zod was a large share of a cached answer), with structural checks instead, while every header
 * is validated against its zod schema before it is saved. A check may refuse more than its schema
 * (that costs a rebuild) but must never accept what the schema refuses: here each check meets its
 * schema on a real entry and on hundreds of damaged copies of it (fields dropped, added, of the
 * wrong type, out of range, links and outlets the manifest would refuse).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAnswerModel, MODEL_FILE, modelSchema } from "../src/answer/model.js";
import { decodeEntry } from "../src/search/cache-entry.js";
import { cacheFileFor, headerSchema as indexSchema, isHeader as isIndexHeader, openIndexedCorpus } from "../src/search/persist.js";
import { headerSchema as quoteSchema, isHeader as isQuoteHeader, openQuoteIndex, quoteCacheFileFor } from "../src/quotes/persist.js";
import { datesCacheFileFor, isHeader as isDatesHeader, isStoredSpans, openDates, schemas as datesSchemas } from "../src/dates/persist-dates.js";
import { writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const BRIDGE = `Council approves new footbridge over the Orla

The town council voted on Tuesday to build a footbridge over the river Orla, ending a decade of debate.

"This bridge will finally join the two halves of our town," said Mayor Edith Varga after the vote.

Two days later, council engineer Tomas Brenner said the design was "simple and sturdy".
`;

const FOLLOW_UP = `Footbridge contract goes to local firm

A local builder will put up the new footbridge over the Orla, the council said on Friday, May 13, 2022.

"We expect the first piles in the water by April," Brenner said.
`;

const MANIFEST = {
  bridge: { url: "https://example.org/bridge", outlet: "Orla Courier", published: "2022-05-10" },
  follow: { url: "https://example.org/follow#top", outlet: "Valley News", published: "2022-05-13T09:30:00Z" },
};

/** Values of the wrong type or out of range, and strings the manifest's rules refuse. */
const REPLACEMENTS: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  "",
  "x",
  [],
  {},
  [0],
  [0, 0, 0],
  [-4, 4],
  "javascript:alert(1)",
  "https://user:pw@example.org/bridge",
  "https://example.org/br idge",
  " Orla Courier ",
  "Orla\nCourier",
  "Orla\u202eCourier",
  "2022-02-30",
  "2022-13-01",
  "statement",
  "person",
  "published",
];

type Path = (string | number)[];

/** Every path into `value`; of a long array only the first two items and the last. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    const indices = value.length <= 3 ? value.map((_, i) => i) : [0, 1, value.length - 1];
    for (const i of indices) paths(value[i], [...at, i], out);
  } else if (typeof value === "object" && value !== null) {
    for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...at, k], out);
  }
  return out;
}

/** `value` with the thing at `path` replaced (or dropped, for DROP); a fresh copy. */
const DROP = Symbol("drop");
function changed(value: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return to;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (to !== DROP) parent[last] = to;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** Damaged copies of `value`: each path dropped or replaced, each object given an extra key. */
function* damaged(value: unknown): Generator<unknown> {
  for (const path of paths(value)) {
    yield changed(value, path, DROP);
    for (const r of REPLACEMENTS) yield changed(value, path, r);
    const here = path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
    if (typeof here === "object" && here !== null && !Array.isArray(here)) yield changed(value, path, { ...here, extra: 1 });
  }
}

/** The check never accepts what the schema refuses, on the real value and on its damaged copies. */
function expectNoLaxerThan(value: unknown, check: (x: unknown) => boolean, schema: { safeParse(x: unknown): { success: boolean } }): void {
  expect(check(value)).toBe(true);
  expect(schema.safeParse(value).success).toBe(true);
  let tried = 0;
  let refused = 0;
  const laxer: string[] = [];
  for (const copy of damaged(value)) {
    tried++;
    if (!check(copy)) refused++;
    else if (!schema.safeParse(copy).success) laxer.push(JSON.stringify(copy).slice(0, 300));
  }
  expect(laxer).toEqual([]);
  expect(tried).toBeGreaterThan(200);
  expect(refused).toBeGreaterThan(tried / 2);
}

function headerOf(file: string, magic: string): unknown {
  return decodeEntry(readFileSync(file), Buffer.from(magic, "latin1"), (_x): _x is unknown => true)!.header;
}

describe("the cached start's structural checks", () => {
  const dir = writeCorpus({ "bridge.txt": BRIDGE, "follow.txt": FOLLOW_UP, "sources.json": JSON.stringify(MANIFEST) });
  const cacheDir = tempDir("shapes");
  const opened = openIndexedCorpus(dir, { cacheDir });
  const derived = { dir, cacheDir, corpusKey: opened.key! };

  it("the index entry's header: never laxer than its schema", () => {
    expectNoLaxerThan(headerOf(cacheFileFor(dir, cacheDir), "cbindex\n"), isIndexHeader, indexSchema());
  });

  it("the quote entry's header: never laxer than its schema", () => {
    openQuoteIndex(opened.corpus.articles, derived);
    const header = headerOf(quoteCacheFileFor(dir, cacheDir), "cbquote\n") as { occurrences: unknown[] };
    expect(header.occurrences.length).toBeGreaterThan(1);
    expectNoLaxerThan(header, isQuoteHeader, quoteSchema());
  });

  it("the dates entry's header, and an article's record in it: never laxer than their schemas", () => {
    openDates(opened.corpus.articles, (t) => opened.index.idf(t), derived);
    const header = headerOf(datesCacheFileFor(dir, cacheDir), "cbdates\n") as { articles: { spans: string }[] };
    expectNoLaxerThan(header, isDatesHeader, datesSchemas().header);
    const spans = header.articles.map((a) => JSON.parse(a.spans) as unknown[]).find((s) => s.length > 1)!;
    expect(spans).toBeDefined();
    expectNoLaxerThan(spans, isStoredSpans, datesSchemas().spans);
  });

  it("the answer model: never laxer than its schema", () => {
    expectNoLaxerThan(JSON.parse(readFileSync(MODEL_FILE, "utf8")), isAnswerModel, modelSchema());
  });
});
