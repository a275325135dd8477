/**
 * What a QuoteIndex needs at query time, as plain data that can be saved and restored instead of
 * extracting every quotation again. Quote and context text are never stored: an occurrence keeps
 * its offsets, and restoring slices the article text again, so a restored quote is verbatim by
 * construction. Restoring checks every offset against its article and every article id against
 * the corpus; data that does not fit is refused (the caller rebuilds), never half-used.
 */
import { isHttpUrl } from "../corpus/manifest.js";
import type { Article } from "../corpus/types.js";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { hasExactly, isArrayOf, isCount, isString, isStringArray, orNull } from "../search/shape.js";
import type { Entity } from "./entities.js";
import type { QuoteKind, QuoteOccurrence } from "./types.js";

/** The part of an `Entity` that lookups use, fixed once extraction is over. */
export interface KnownEntity {
  id: number;
  kind: "person" | "org" | "unknown";
  name: string;
  /** Display forms of the name, in the order first written. */
  forms: string[];
  surname: string | null;
  /**
   * Roles in the order first written: folded words (possessives kept), the text as written, and
   * the ids of the articles that give it, in corpus order (each article's date says when it was held).
   */
  roles: { words: string[]; text: string; articles: string[] }[];
  mentions: number;
  /** In how many articles it is mentioned. */
  articleCount: number;
}

/** A `QuoteOccurrence` without anything the article itself holds (text, title, source). */
export interface StoredOccurrence {
  articleId: string;
  /** Id of the speaker's known entity, or null when unattributed. */
  speaker: number | null;
  /** Id of the person a speaking body spoke for, or null. */
  onBehalfOf: number | null;
  group: string;
  start: number;
  end: number;
  contextStart: number;
  contextEnd: number;
  link: string | null;
  kind: "statement" | "fragment" | "title";
  parts: [number, number][];
}

/**
 * The schemas a quote entry is validated against before it is saved (zod, loaded then). Entities
 * and occurrences number in the thousands on a large corpus, and a strict object costs about
 * twice as much to check as a plain one, which strips unknown keys: nothing unchecked is used
 * either way.
 */
export const snapshotSchemas = lazily(() => {
  const z = zod();
  const count = z.number().int().nonnegative();
  const entity = z.object({
    id: count,
    kind: z.enum(["person", "org", "unknown"]),
    name: z.string(),
    forms: z.array(z.string()),
    surname: z.string().nullable(),
    roles: z.array(z.object({ words: z.array(z.string()), text: z.string(), articles: z.array(z.string()) })),
    mentions: count,
    articleCount: count,
  });
  const occurrence = z.object({
    articleId: z.string(),
    speaker: count.nullable(),
    onBehalfOf: count.nullable(),
    group: z.string(),
    start: count,
    end: count,
    contextStart: count,
    contextEnd: count,
    link: z.string().nullable(),
    kind: z.enum(["statement", "fragment", "title"]),
    parts: z.array(z.tuple([count, count])),
  });
  return { entity, occurrence };
});

const ENTITY_KEYS = ["id", "kind", "name", "forms", "surname", "roles", "mentions", "articleCount"] as const;
const ROLE_KEYS = ["words", "text", "articles"] as const;
const OCCURRENCE_KEYS = ["articleId", "speaker", "onBehalfOf", "group", "start", "end", "contextStart", "contextEnd", "link", "kind", "parts"] as const;
const ENTITY_KINDS: readonly unknown[] = ["person", "org", "unknown"];
const QUOTE_KINDS: readonly unknown[] = ["statement", "fragment", "title"];

const isRole = (x: unknown): x is KnownEntity["roles"][number] => hasExactly(x, ROLE_KEYS) && isStringArray(x.words) && isString(x.text) && isStringArray(x.articles);
const isPart = (x: unknown): x is [number, number] => Array.isArray(x) && x.length === 2 && isCount(x[0]) && isCount(x[1]);
const isNullableString = orNull(isString);
const isNullableCount = orNull(isCount);

/** A known entity as read back from a quote entry (the structural check of its schema; see shape.ts). */
export function isKnownEntity(x: unknown): x is KnownEntity {
  return (
    hasExactly(x, ENTITY_KEYS) &&
    isCount(x.id) &&
    ENTITY_KINDS.includes(x.kind) &&
    isString(x.name) &&
    isStringArray(x.forms) &&
    isNullableString(x.surname) &&
    isArrayOf(x.roles, isRole) &&
    isCount(x.mentions) &&
    isCount(x.articleCount)
  );
}

/** A stored occurrence as read back from a quote entry (the structural check of its schema). */
export function isStoredOccurrence(x: unknown): x is StoredOccurrence {
  return (
    hasExactly(x, OCCURRENCE_KEYS) &&
    isString(x.articleId) &&
    isNullableCount(x.speaker) &&
    isNullableCount(x.onBehalfOf) &&
    isString(x.group) &&
    isCount(x.start) &&
    isCount(x.end) &&
    isCount(x.contextStart) &&
    isCount(x.contextEnd) &&
    isNullableString(x.link) &&
    QUOTE_KINDS.includes(x.kind) &&
    isArrayOf(x.parts, isPart)
  );
}

/** The lookup part of `e`; `articleIds` are the corpus's article ids by index. */
export function knownEntity(e: Entity, articleIds: readonly string[]): KnownEntity {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    forms: [...e.forms.keys()],
    surname: e.surname,
    roles: [...e.roles.values()].map((r) => ({ words: [...r.words], text: r.text, articles: [...r.articles].sort((a, b) => a - b).map((i) => articleIds[i]!) })),
    mentions: e.mentions,
    articleCount: e.articles.size,
  };
}

/** Articles that use a word, ascending article indices. */
export type WordArticles = readonly number[] | Uint32Array;

/** The index's query-time state, built by extraction or restored from a snapshot. */
export interface QuoteData {
  /** Entities a lookup can reach (mentioned or quoted), in id order. */
  entities: KnownEntity[];
  occurrences: QuoteOccurrence[];
  /** Speaker entity id of each occurrence, or null. */
  speakers: (number | null)[];
  /** Id of the person each occurrence's speaking body spoke for, or null. */
  behalf: (number | null)[];
  /** Folded word to the articles that use it (for "mentioned in N articles"). */
  words: ReadonlyMap<string, WordArticles>;
}

export interface QuoteSnapshot {
  entities: KnownEntity[];
  occurrences: StoredOccurrence[];
  words: string[];
  /** The articles of word i are `wordArticles[wordOffsets[i]]` up to `wordOffsets[i + 1]`. */
  wordOffsets: Uint32Array;
  wordArticles: Uint32Array;
}

/** The occurrence as the engine returns it: text, context and source taken from the article. */
export function occurrenceIn(
  a: Article,
  o: { speaker: string; onBehalfOf: string | null; group: string; start: number; end: number; contextStart: number; contextEnd: number; link: string | null; kind: QuoteKind; parts: { start: number; end: number }[] },
): QuoteOccurrence {
  return {
    text: a.text.slice(o.start, o.end),
    speaker: o.speaker,
    onBehalfOf: o.onBehalfOf,
    group: o.group,
    articleId: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    context: a.text.slice(o.contextStart, o.contextEnd),
    start: o.start,
    end: o.end,
    contextStart: o.contextStart,
    contextEnd: o.contextEnd,
    link: o.link,
    kind: o.kind,
    parts: o.parts,
  };
}

export function toSnapshot(data: QuoteData): QuoteSnapshot {
  const words = [...data.words.keys()];
  const wordOffsets = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((w, i) => {
    wordOffsets[i] = total;
    total += data.words.get(w)!.length;
  });
  wordOffsets[words.length] = total;
  const wordArticles = new Uint32Array(total);
  words.forEach((w, i) => wordArticles.set(data.words.get(w)!, wordOffsets[i]!));
  return {
    entities: data.entities,
    occurrences: data.occurrences.map((o, i) => ({
      articleId: o.articleId,
      speaker: data.speakers[i] ?? null,
      onBehalfOf: data.behalf[i] ?? null,
      group: o.group,
      start: o.start,
      end: o.end,
      contextStart: o.contextStart,
      contextEnd: o.contextEnd,
      link: o.link,
      kind: o.kind ?? "statement",
      parts: (o.parts ?? [{ start: o.start, end: o.end }]).map((p): [number, number] => [p.start, p.end]),
    })),
    words,
    wordOffsets,
    wordArticles,
  };
}

/**
 * A link read back from disk is checked like a URL from the manifest, and must open the
 * occurrence's own article (a text fragment may follow): an edited entry cannot send readers elsewhere.
 */
function linkFits(link: string | null, articleUrl: string | null): boolean {
  if (link === null) return true;
  if (articleUrl === null || !isHttpUrl(link)) return false;
  return link.split("#")[0] === articleUrl.split("#")[0];
}

/** The index's state from a snapshot of these very articles, or null when the two do not fit. */
export function fromSnapshot(s: QuoteSnapshot, articles: readonly Article[]): QuoteData | null {
  const byId = new Map<number, KnownEntity>();
  const articleById = new Map(articles.map((a) => [a.id, a]));
  for (const e of s.entities) {
    if (byId.has(e.id) || e.articleCount > articles.length) return null;
    // A role is held in articles of this corpus, or the entry is not this corpus's.
    if (!e.roles.every((r) => r.articles.every((id) => articleById.has(id)))) return null;
    byId.set(e.id, e);
  }
  const occurrences: QuoteOccurrence[] = [];
  const speakers: (number | null)[] = [];
  const behalf: (number | null)[] = [];
  for (const o of s.occurrences) {
    const a = articleById.get(o.articleId);
    if (!a) return null;
    const span = (start: number, end: number) => start <= end && end <= a.text.length;
    if (!span(o.start, o.end) || !span(o.contextStart, o.contextEnd) || !o.parts.every(([p, q]) => span(p, q))) return null;
    if (!linkFits(o.link, a.url)) return null;
    const speaker = o.speaker === null ? null : byId.get(o.speaker);
    const principal = o.onBehalfOf === null ? null : byId.get(o.onBehalfOf);
    if (speaker === undefined || principal === undefined) return null;
    occurrences.push(occurrenceIn(a, { ...o, speaker: speaker?.name ?? "", onBehalfOf: principal?.name ?? null, parts: o.parts.map(([start, end]) => ({ start, end })) }));
    speakers.push(o.speaker);
    behalf.push(o.onBehalfOf);
  }
  const { wordOffsets: offsets, wordArticles } = s;
  if (offsets.length !== s.words.length + 1 || offsets[0] !== 0 || offsets[s.words.length] !== wordArticles.length) return null;
  // Indexed, not for-of: no iterator result per entry while the loop is still interpreted.
  for (let i = 0; i < wordArticles.length; i++) if (wordArticles[i]! >= articles.length) return null;
  const words = new Map<string, Uint32Array>();
  for (let i = 0; i < s.words.length; i++) {
    if (offsets[i]! > offsets[i + 1]!) return null;
    words.set(s.words[i]!, wordArticles.subarray(offsets[i]!, offsets[i + 1]!));
  }
  if (words.size !== s.words.length) return null;
  return { entities: s.entities, occurrences, speakers, behalf, words };
}
