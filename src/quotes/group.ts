/**
 * Groups occurrences of the same statement across outlets. Outlets translate and trim the same
 * words differently ("clearly obvious difference" / "the difference is quite obvious"), so the
 * comparison is on content-word stems (which meet "obvious" with "obviously" and "difference"
 * with "different"), weighted by rarity in the corpus and discounted
 * when the reporting article's own prose keeps using the word: "official results" in a story about
 * official results says nothing about which statement is quoted, while the speaker's distinctive
 * words ("obvious", "difference") do. Identical or
 * near-identical wording is always grouped; looser matches only for the same speaker. A group
 * holds at most one occurrence per article, which keeps long quotes from chaining unrelated
 * statements together, with one exception: a fragment whose words another quotation of the same
 * speaker contains word for word ("normalize our bilateral relations" inside the whole sentence,
 * quoted again a paragraph later) joins that quotation's statement, whatever the article.
 */
import { term, words } from "../search/analyzer.js";

export interface Groupable {
  /** The quotation's own words. */
  text: string;
  articleId: string;
  /** Speaker entity id, or null when unattributed. */
  speaker: number | null;
  /** How often the article's own prose uses each feature (see `features`); absent means never. */
  prose?: ReadonlyMap<string, number>;
}

/** Always grouped, whoever is named as speaker. */
export const NEAR_IDENTICAL = 0.8;
/** Grouped when the speaker is the same. */
export const SAME_STATEMENT = 0.4;

/**
 * Content-word stems of a text. The stemmer already meets "difference"/"different" and
 * "negotiate"/"negotiations"; adverbs ("clearly" -> "clearli") and "-ous" adjectives ("obviously"
 * -> "obvious" but "obvious" -> "obviou") are brought to the adjective's stem. Stems are never
 * cut shorter: a prefix would join "international" with "interference".
 */
export function features(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const f = featureOf(w.word);
    if (f) out.add(f);
  }
  return out;
}

/** The feature of one word, or null for stop words and numbers. */
export function featureOf(word: string): string | null {
  const t = term(word);
  if (!t || /^\d+$/.test(t)) return null;
  return t.length > 4 ? t.replace(/li$/, "").replace(/ous$/, "ou") : t;
}

/** Weighted Dice overlap of two weighted feature sets, in [0, 1]. */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const [f, w] of a) {
    wa += w;
    const v = b.get(f);
    if (v !== undefined) shared += Math.min(w, v);
  }
  for (const w of b.values()) wb += w;
  return wa + wb > 0 ? (2 * shared) / (wa + wb) : 0;
}

/** A quotation's features, each weighted by its rarity and discounted by its article's own use of it. */
export function profile(item: Groupable, idf: (f: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of features(item.text)) out.set(f, idf(f) / (1 + (item.prose?.get(f) ?? 0)));
  return out;
}

/**
 * Group index for each item; items in one group are the same statement. `idf` weighs a feature by
 * how rare it is in the corpus, so shared common words ("official", "results") count for little.
 */
export function groupStatements(items: readonly Groupable[], idf: (f: string) => number): number[] {
  const profiles = items.map((it) => profile(it, idf));
  const n = items.length;

  // Candidate pairs share at least one word: an inverted index keeps this near-linear.
  const postings = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const f of p.keys()) {
      const list = postings.get(f);
      if (list) list.push(i);
      else postings.set(f, [i]);
    }
  });
  const pairScore = (i: number, j: number): number => {
    const sim = similarity(profiles[i]!, profiles[j]!);
    if (sim >= NEAR_IDENTICAL) return sim;
    const a = items[i]!.speaker;
    return a !== null && a === items[j]!.speaker && sim >= SAME_STATEMENT ? sim : 0;
  };
  const scored: { i: number; j: number; s: number }[] = [];
  const pairs = new Map<number, number>();
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    seen.clear();
    for (const f of profiles[i]!.keys()) {
      const list = postings.get(f)!;
      // A word shared by very many quotations is no evidence of anything; skip its long list.
      if (list.length > 200) continue;
      for (const j of list) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (items[i]!.articleId === items[j]!.articleId) continue;
        const s = pairScore(i, j);
        if (s > 0) {
          scored.push({ i, j, s });
          pairs.set(i * n + j, s);
        }
      }
    }
  }
  const score = (i: number, j: number) => pairs.get(Math.min(i, j) * n + Math.max(i, j)) ?? 0;

  // Greedy average linkage: strongest pairs first; two groups join only if no article appears in
  // both and their members are, on average, similar enough.
  const groupOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  scored.sort((x, y) => y.s - x.s);
  for (const { i, j } of scored) {
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const A = members.get(gi)!;
    const B = members.get(gj)!;
    const articles = new Set(A.map((x) => items[x]!.articleId));
    if (B.some((x) => articles.has(items[x]!.articleId))) continue;
    let total = 0;
    for (const x of A) for (const y of B) total += score(x, y);
    if (total / (A.length * B.length) < SAME_STATEMENT) continue;
    for (const y of B) groupOf[y] = gi;
    A.push(...B);
    members.delete(gj);
  }
  joinBySentence(items, profiles, groupOf, members, idf);
  joinContainedFragments(items, groupOf, members);
  return groupOf;
}

/** A one-sentence statement this close to one sentence of a longer quotation is that statement. */
export const SENTENCE_MATCH = 0.5;
/** Speakers quoted more often than this skip the sentence pass (it compares every pair of their quotes). */
const SENTENCE_PASS_MAX = 300;

/**
 * A statement left alone in its group, compared with each sentence of the same speaker's longer
 * quotations: one outlet quotes a single sentence ("We believe it's correct to wait for the
 * official results …") of what another quotes at length, which the whole-text overlap dilutes.
 * It joins the group of its best such match when that reaches SENTENCE_MATCH and the group has
 * no occurrence from its article yet.
 */
function joinBySentence(
  items: readonly Groupable[],
  profiles: readonly Map<string, number>[],
  groupOf: number[],
  members: Map<number, number[]>,
  idf: (f: string) => number,
): void {
  const bySpeaker = indicesBySpeaker(items);
  const sentenceProfiles = new Map<number, Map<string, number>[]>();
  const sentencesOf = (j: number) => {
    let out = sentenceProfiles.get(j);
    if (!out) {
      const sentences = items[j]!.text.split(/(?<=[.!?])\s+/).filter((t) => t.trim().length > 0);
      out = sentences.length < 2 ? [] : sentences.map((text) => profile({ ...items[j]!, text }, idf));
      sentenceProfiles.set(j, out);
    }
    return out;
  };
  for (const list of bySpeaker.values()) {
    if (list.length < 2 || list.length > SENTENCE_PASS_MAX) continue;
    for (const i of list) {
      const own = groupOf[i]!;
      if (members.get(own)?.length !== 1) continue;
      let best = { group: -1, score: SENTENCE_MATCH };
      for (const j of list) {
        const target = groupOf[j]!;
        if (target === own || members.get(target)!.some((m) => items[m]!.articleId === items[i]!.articleId)) continue;
        for (const sp of sentencesOf(j)) {
          const score = similarity(profiles[i]!, sp);
          if (score >= best.score && (score > best.score || best.group === -1)) best = { group: target, score };
        }
      }
      if (best.group === -1) continue;
      groupOf[i] = best.group;
      members.get(best.group)!.push(i);
      members.delete(own);
    }
  }
}

/** Fewest words a fragment needs to be joined to the quotation that contains it. */
export const FRAGMENT_MIN_WORDS = 3;
/** Speakers quoted more often than this skip the fragment pass. */
const FRAGMENT_PASS_MAX = 1000;

/** A quotation's words, lowercased, as " w1 w2 … " so that a contained run is a substring. */
function wordRun(text: string): { run: string; count: number } {
  const ws = (text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map((w) => w.replace(/’/g, "'"));
  return { run: ` ${ws.join(" ")} `, count: ws.length };
}

/** Whether `inner`'s words run, word for word, inside `outer` (case and punctuation aside). */
export function containsWords(outer: string, inner: string): boolean {
  const a = wordRun(outer);
  const b = wordRun(inner);
  return b.count > 0 && a.count >= b.count && a.run.includes(b.run);
}

/**
 * A statement alone in its group whose words run, word for word, inside a longer quotation of the
 * same speaker joins that quotation's group (the longest container first). Groups of several
 * members are left as they are: they were matched to other outlets' wording already.
 */
function joinContainedFragments(items: readonly Groupable[], groupOf: number[], members: Map<number, number[]>): void {
  const runs = items.map((it) => wordRun(it.text));
  const bySpeaker = indicesBySpeaker(items);
  for (const list of bySpeaker.values()) {
    // Every pair of a speaker's quotes is compared: bounded, as the sentence pass is.
    if (list.length < 2 || list.length > FRAGMENT_PASS_MAX) continue;
    const longestFirst = [...list].sort((a, b) => runs[b]!.count - runs[a]!.count || a - b);
    for (const i of list) {
      const own = groupOf[i]!;
      if (runs[i]!.count < FRAGMENT_MIN_WORDS || members.get(own)?.length !== 1) continue;
      const container = longestFirst.find((j) => j !== i && groupOf[j] !== own && runs[j]!.count > runs[i]!.count && runs[j]!.run.includes(runs[i]!.run));
      if (container === undefined) continue;
      const target = groupOf[container]!;
      groupOf[i] = target;
      members.get(target)!.push(i);
      members.delete(own);
    }
  }
}

/** Item positions by speaker (items without a speaker left out), in order. */
function indicesBySpeaker(items: readonly Groupable[]): Map<number, number[]> {
  const bySpeaker = new Map<number, number[]>();
  items.forEach((it, i) => {
    if (it.speaker === null) return;
    const list = bySpeaker.get(it.speaker);
    if (list) list.push(i);
    else bySpeaker.set(it.speaker, [i]);
  });
  return bySpeaker;
}
