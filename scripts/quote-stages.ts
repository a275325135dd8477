/**
 * The quote pipeline measured stage by stage (issue 12), as BBC Citron and the Gender Gap Tracker
 * report theirs, on the invented quote sets in tests/fixtures. Each gold entry names a speaker, an
 * article and a fragment of the quotation; the fragment is found in the article and widened to the
 * quotation marks around it (the gold span). The extractor (`extractQuotes`) runs over the set's
 * articles, and its statements (not scare quotes or titles) are compared with the gold:
 *
 * - span: a gold quotation is found when a statement overlaps its span; a statement is right when
 *   it overlaps some gold quotation. Exact: of the gold quotations found that stand between marks
 *   (not an interview's answers), those a statement (or one of its paragraphs) covers from the same
 *   opening mark to the same closing mark.
 * - attribution: of the gold quotations found, those given the right speaker (recall); of the found
 *   statements given a speaker, those whose speaker is right (precision).
 * - end to end: gold quotations found with the right speaker (recall); attributed statements that
 *   overlap a gold quotation of their speaker (precision).
 * - lookup: what `/quote` answers when each speaker is queried as the gold's queries write it,
 *   scored as the shared eval script scores `quote` (a returned quote is right when it is from the
 *   article and contains a gold fragment of that speaker).
 *
 * A speaker is right when a name the extractor's entity goes by (its canonical name or a form the
 * text writes) is the gold speaker's name or one of the gold's queries for that speaker (with
 * "the" dropped, case, marks and spacing ignored; a query that two gold speakers share counts for
 * neither). Precision is a lower bound where the gold leaves quotations out (an unnamed speaker's
 * words, the second half of a quotation split by its attribution when the gold names only the first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { loadCorpus } from "../src/corpus/load.js";
import type { Article, Span } from "../src/corpus/types.js";
import { extractQuotes, type ExtractedQuote } from "../src/quotes/extract.js";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { bareQuoteText } from "../src/text/gold-text.js";

/** The shared eval's quote gold format (also read by tests/helpers/quote-gold.ts). */
export const entrySchema = z.object({ speaker: z.string(), article: z.string(), fragment: z.string().min(1) });
export const goldSchema = z.object({
  queries: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  empty: z.array(z.string().min(1)),
  gold: z.array(entrySchema).min(1),
  optional: z.array(entrySchema).optional(),
});
type GoldEntry = z.infer<typeof entrySchema>;

export interface QuoteSet {
  name: string;
  /** Folder of articles, project-relative. */
  dir: string;
  /** Gold file, project-relative. */
  gold: string;
  /** Written here (true) or real articles (the seeds). */
  invented: boolean;
}

const FIXTURES = "tests/fixtures";
export const QUOTE_SETS: readonly QuoteSet[] = [
  { name: "heldout", dir: `${FIXTURES}/quotes-heldout`, gold: `${FIXTURES}/quotes-heldout.gold.json`, invented: true },
  { name: "heldout-2", dir: `${FIXTURES}/quotes-heldout-2`, gold: `${FIXTURES}/quotes-heldout-2.gold.json`, invented: true },
  { name: "heldout-3", dir: `${FIXTURES}/quotes-heldout-3`, gold: `${FIXTURES}/quotes-heldout-3.gold.json`, invented: true },
  { name: "heldout-4", dir: `${FIXTURES}/quotes-heldout-4`, gold: `${FIXTURES}/quotes-heldout-4.gold.json`, invented: true },
  { name: "train-5", dir: `${FIXTURES}/quotes-train-5/articles`, gold: `${FIXTURES}/quotes-train-5/quote-train.gold.json`, invented: true },
  { name: "A", dir: `${FIXTURES}/quotes-blind-A/articles`, gold: `${FIXTURES}/quotes-blind-A/quote-A.gold.json`, invented: true },
  { name: "B", dir: `${FIXTURES}/quotes-train-B/articles`, gold: `${FIXTURES}/quotes-train-B/quote-B.gold.json`, invented: true },
  { name: "C", dir: `${FIXTURES}/quotes-blind-C/articles`, gold: `${FIXTURES}/quotes-blind-C/quote-C.gold.json`, invented: true },
  { name: "D", dir: `${FIXTURES}/quotes-train-D/articles`, gold: `${FIXTURES}/quotes-train-D/quote-D.gold.json`, invented: true },
  { name: "seeds", dir: "seeds", gold: `${FIXTURES}/quotes-heldout-seeds.json`, invented: false },
];

/** Counts of one set (or a sum of sets); figures are ratios of them. */
export interface StageCounts {
  articles: number;
  /** Gold quotations (optional ones left out) and those whose fragment was not in the article. */
  gold: number;
  unplaced: number;
  /** Extracted statements, less those that overlap only optional gold quotations. */
  statements: number;
  /** Statements that overlap a gold quotation. */
  statementsOnGold: number;
  /** Gold quotations a statement overlaps; of those between quotation marks, the ones matched mark to mark. */
  found: number;
  foundMarked: number;
  exact: number;
  /** Statements on gold with a speaker, and those whose speaker is right. */
  attributedOnGold: number;
  attributedRight: number;
  /** Gold quotations found with the right speaker. */
  foundRight: number;
  /** Statements with a speaker (less optional-only ones). */
  attributed: number;
  /** `/quote` by the gold's queries: quotes returned, right ones, gold entries hit, gold entries asked for. */
  lookupReturned: number;
  lookupRight: number;
  lookupHits: number;
  lookupMust: number;
  /** Readable misses, for the script's --misses. */
  misses: string[];
}

export interface StageFigures {
  span: { precision: number; recall: number; exact: number };
  attribution: { precision: number; recall: number };
  endToEnd: { precision: number; recall: number };
  lookup: { precision: number; recall: number };
}

/** The eval script's normalisation: typographic marks folded, case, quote marks and spacing ignored. */
export const bare = bareQuoteText;

/** A name as compared: bare, without a leading "the". */
function nameForm(s: string): string {
  return bare(s).replace(/^the /, "");
}

/**
 * Every place `fragment` stands in `text`, compared as `bare` compares (so marks, case and spacing
 * may differ), as offsets.
 */
export function locate(text: string, fragment: string): Span[] {
  // The text folded character by character, remembering where each kept character came from.
  let folded = "";
  const from: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = bare(text[i]!) || (/\s/.test(text[i]!) ? " " : "");
    if (c === "") continue;
    if (c === " ") {
      if (space) continue;
      space = true;
    } else space = false;
    for (const ch of c) {
      folded += ch;
      from.push(i);
    }
  }
  const needle = bare(fragment);
  const out: Span[] = [];
  if (needle.length === 0) return out;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) out.push({ start: from[at]!, end: from[at + needle.length - 1]! + 1 });
  return out;
}

const OPENING = new Set(["\u201C", "\u201E", "\u00AB", '"']);
const CLOSING = new Set(["\u201D", "\u201C", "\u00BB", '"']);

/** Is the straight or curly mark at `i` an opening one (start of text, or after space or an opening bracket or dash)? */
function opensAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === "\u201D" || c === "\u00BB") return false;
  if (c === "\u201E" || c === "\u00AB") return true;
  const before = i === 0 ? " " : text[i - 1]!;
  const after = text[i + 1] ?? " ";
  return /[\s([{\u2014\u2013:,-]/.test(before) && !/\s/.test(after);
}

/** A right single mark before a letter is an apostrophe (it's, don't, rock'n'roll), not a closing mark. */
function isApostrophe(text: string, i: number): boolean {
  return (text[i] === "\u2019" || text[i] === "'") && /\p{L}/u.test(text[i + 1] ?? "");
}

/** The opening mark of the family before `at` that encloses it, or -1 (a closing mark of the family comes first). */
function openingBefore(text: string, from: number, at: number, opening: Set<string>, closing: Set<string>): number {
  for (let i = at - 1; i >= from; i--) {
    const c = text[i]!;
    if (opening.has(c) && opensAt(text, i)) return i;
    if (closing.has(c) && !isApostrophe(text, i)) return -1;
  }
  return -1;
}

/** The closing mark of the family after `at`, or `to` (the quotation runs on into the next paragraph). */
function closingAfter(text: string, at: number, to: number, closing: Set<string>): number {
  for (let i = at; i < to; i++) {
    const c = text[i]!;
    if (closing.has(c) && !opensAt(text, i) && !isApostrophe(text, i)) return i;
  }
  return to;
}

const SINGLE_OPENING = new Set(["\u2018", "'"]);
const SINGLE_CLOSING = new Set(["\u2019", "'"]);

/**
 * The gold span of a fragment at `at` in `paragraph`: from just after the opening mark before it
 * to the closing mark after it (the paragraph's end when the quotation runs on into the next);
 * double marks, else curly single ones (British style). The fragment itself when no mark encloses it.
 */
export function goldSpan(text: string, paragraph: Span, at: Span): Span & { marked: boolean } {
  for (const [opening, closing] of [
    [OPENING, CLOSING],
    [SINGLE_OPENING, SINGLE_CLOSING],
  ] as const) {
    const open = openingBefore(text, paragraph.start, at.start, opening, closing);
    if (open < 0) continue;
    let end = closingAfter(text, at.end, paragraph.end, closing);
    while (end > open + 1 && /\s/.test(text[end - 1]!)) end--;
    return { start: open + 1, end, marked: true };
  }
  return { ...at, marked: false };
}

interface PlacedGold {
  entry: GoldEntry;
  article: Article;
  /** Where the quotation stands: in the body when it is there, else in the headline (possibly both places twice). */
  spans: Span[];
  /** Between quotation marks (not, say, an interview's answer after the speaker's name). */
  marked: boolean;
  optional: boolean;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function trimmed(text: string, s: Span): string {
  return text.slice(s.start, s.end).trim();
}

function onSpans(q: ExtractedQuote, g: PlacedGold): boolean {
  return q.article === g.article && g.spans.some((s) => overlaps({ start: q.marks.start, end: q.marks.end }, s));
}

/** Does the statement run mark to mark as a gold span does (whole, or one of its paragraphs)? */
function exactly(q: ExtractedQuote, g: PlacedGold): boolean {
  const key = (s: Span) => `${s.start + (g.article.text.slice(s.start, s.end).length - g.article.text.slice(s.start, s.end).trimStart().length)}:${trimmed(g.article.text, s)}`;
  const wanted = new Set(g.spans.map(key));
  return [{ start: q.marks.start, end: q.marks.end }, ...q.marks.parts].some((s) => wanted.has(key(s)));
}

function emptyCounts(): StageCounts {
  return {
    articles: 0,
    gold: 0,
    unplaced: 0,
    statements: 0,
    statementsOnGold: 0,
    found: 0,
    foundMarked: 0,
    exact: 0,
    attributedOnGold: 0,
    attributedRight: 0,
    foundRight: 0,
    attributed: 0,
    lookupReturned: 0,
    lookupRight: 0,
    lookupHits: 0,
    lookupMust: 0,
    misses: [],
  };
}

/** Runs the stages on one set. */
export function evaluateSet(set: QuoteSet, root: string = PROJECT_ROOT): StageCounts {
  const gold = goldSchema.parse(JSON.parse(readFileSync(join(root, set.gold), "utf8")));
  const { articles } = loadCorpus(join(root, set.dir));
  const c = emptyCounts();
  c.articles = articles.length;

  // Names each gold speaker goes by; a query two speakers share names neither.
  const owners = new Map<string, Set<string>>();
  const addName = (form: string, speaker: string) => {
    const k = nameForm(form);
    if (!owners.has(k)) owners.set(k, new Set());
    owners.get(k)!.add(speaker);
  };
  const speakers = new Set([...gold.gold, ...(gold.optional ?? [])].map((g) => g.speaker));
  for (const s of speakers) {
    addName(s, s);
    for (const q of gold.queries[s] ?? []) addName(q, s);
  }
  const namesOf = (speaker: string) => new Set([...owners].filter(([, who]) => who.size === 1 && who.has(speaker)).map(([k]) => k));
  const speakerNames = new Map([...speakers].map((s) => [s, namesOf(s)]));
  // Right when the speaker goes by one of the gold's names, or when /quote resolves one of the
  // gold's queries to that speaker ("Ministry of Finance of Veldria" for "the Ministry of Finance").
  const index = new QuoteIndex(articles);
  const resolvedNames = new Map([...speakers].map((s) => [s, new Set([s, ...(gold.queries[s] ?? [])].map((f) => index.resolve(f)?.name).filter((n): n is string => !!n))]));
  const rightSpeaker = (q: ExtractedQuote, speaker: string) => {
    if (!q.speaker) return false;
    const names = speakerNames.get(speaker)!;
    return [q.speaker.name, ...q.speaker.forms.keys()].some((n) => names.has(nameForm(n))) || resolvedNames.get(speaker)!.has(q.speaker.name);
  };

  // The gold, placed in its articles.
  const placed: PlacedGold[] = [];
  const place = (entry: GoldEntry, optional: boolean) => {
    const article = articles.find((a) => a.id.startsWith(entry.article));
    const places = article ? locate(article.text, entry.fragment) : [];
    if (!article || places.length === 0) {
      if (!optional) {
        c.unplaced++;
        c.misses.push(`gold not in its article: ${entry.article}: ${entry.fragment}`);
      }
      return;
    }
    const paragraphOf = (at: Span) => article.paragraphs.find((p) => p.start <= at.start && at.end <= p.end);
    const inBody = places.filter((at) => paragraphOf(at));
    const spans = (inBody.length > 0 ? inBody : places).map((at) => {
      // The headline is not a paragraph of the body: its line is its paragraph.
      const lineEnd = article.text.indexOf("\n", at.end);
      const paragraph = paragraphOf(at) ?? { start: article.text.lastIndexOf("\n", at.start) + 1, end: lineEnd < 0 ? article.text.length : lineEnd };
      return goldSpan(article.text, paragraph, at);
    });
    placed.push({ entry, article, spans, marked: spans.some((s) => s.marked), optional });
  };
  for (const g of gold.gold) place(g, false);
  for (const g of gold.optional ?? []) place(g, true);
  c.gold = gold.gold.length;

  const { quotes } = extractQuotes(articles);
  const statements = quotes.filter((q) => q.kind === "statement");
  const onGold = (q: ExtractedQuote) => placed.filter((g) => onSpans(q, g));

  for (const q of statements) {
    const hits = onGold(q);
    if (hits.length > 0 && hits.every((g) => g.optional)) continue;
    c.statements++;
    if (q.speaker) c.attributed++;
    const required = hits.filter((g) => !g.optional);
    if (required.length === 0) {
      c.misses.push(`${q.speaker ? "attributed" : "statement"} on no gold quotation: ${q.article.id} [${q.speaker?.name ?? "-"}] ${trimmed(q.article.text, q.marks).slice(0, 90)}`);
      continue;
    }
    c.statementsOnGold++;
    if (q.speaker) {
      c.attributedOnGold++;
      if (required.some((g) => rightSpeaker(q, g.entry.speaker))) c.attributedRight++;
      else c.misses.push(`wrong speaker: ${q.article.id} [${q.speaker.name}, gold ${required.map((g) => g.entry.speaker).join(" / ")}] ${trimmed(q.article.text, q.marks).slice(0, 70)}`);
    }
  }

  for (const g of placed.filter((x) => !x.optional)) {
    const over = statements.filter((q) => onSpans(q, g));
    if (over.length === 0) {
      c.misses.push(`not found: ${g.article.id} [${g.entry.speaker}] ${g.entry.fragment}`);
      continue;
    }
    c.found++;
    if (!g.marked) {
      // Nothing to match mark to mark.
    } else if (over.some((q) => exactly(q, g))) {
      c.foundMarked++;
      c.exact++;
    } else {
      c.foundMarked++;
      c.misses.push(`not mark to mark: ${g.article.id} gold ‹${g.spans.map((s) => trimmed(g.article.text, s).slice(0, 60)).join(" | ")}› found ‹${over.map((q) => trimmed(q.article.text, q.marks).slice(0, 60)).join(" | ")}›`);
    }
    if (over.some((q) => rightSpeaker(q, g.entry.speaker))) c.foundRight++;
    else if (over.every((q) => !q.speaker)) c.misses.push(`unattributed: ${g.article.id} [${g.entry.speaker}] ${g.entry.fragment}`);
  }

  // What /quote answers, scored as the shared eval script scores it.
  for (const [speaker, forms] of Object.entries(gold.queries)) {
    const mine = [...gold.gold, ...(gold.optional ?? [])].filter((g) => g.speaker === speaker);
    for (const form of forms) {
      const returned = index.quote(form).quotes;
      const matches = (q: (typeof returned)[number], g: GoldEntry) => q.articleId.startsWith(g.article) && bare(q.text).includes(bare(g.fragment));
      c.lookupReturned += returned.length;
      c.lookupRight += returned.filter((q) => mine.some((g) => matches(q, g))).length;
      for (const g of gold.gold.filter((x) => x.speaker === speaker)) {
        c.lookupMust++;
        if (returned.some((q) => matches(q, g))) c.lookupHits++;
      }
    }
  }
  return c;
}

export function sumCounts(all: readonly StageCounts[]): StageCounts {
  const total = emptyCounts();
  for (const c of all) {
    for (const k of Object.keys(total) as (keyof StageCounts)[]) {
      if (k === "misses") total.misses.push(...c.misses);
      else total[k] += c[k];
    }
  }
  return total;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function figures(c: StageCounts): StageFigures {
  return {
    span: { precision: ratio(c.statementsOnGold, c.statements), recall: ratio(c.found, c.gold), exact: ratio(c.exact, c.foundMarked) },
    attribution: { precision: ratio(c.attributedRight, c.attributedOnGold), recall: ratio(c.foundRight, c.found) },
    endToEnd: { precision: ratio(c.attributedRight, c.attributed), recall: ratio(c.foundRight, c.gold) },
    lookup: { precision: ratio(c.lookupRight, c.lookupReturned), recall: ratio(c.lookupHits, c.lookupMust) },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The figures as a Markdown table, one row per set. */
export function table(rows: readonly { name: string; counts: StageCounts }[]): string {
  const head = [
    "| set | articles | gold quotes | span P | span R | exact span | attribution P | attribution R | end-to-end P | end-to-end R | /quote P | /quote R |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const body = rows.map(({ name, counts }) => {
    const f = figures(counts);
    return `| ${name} | ${counts.articles} | ${counts.gold} | ${pct(f.span.precision)} | ${pct(f.span.recall)} | ${pct(f.span.exact)} | ${pct(f.attribution.precision)} | ${pct(f.attribution.recall)} | ${pct(f.endToEnd.precision)} | ${pct(f.endToEnd.recall)} | ${pct(f.lookup.precision)} | ${pct(f.lookup.recall)} |`;
  });
  return [...head, ...body].join("\n");
}
