/**
 * Quotations of the whole corpus, extracted and grouped once at start-up and answered from memory:
 * `quote(name)` resolves a name, surname, spelling variant or role to a speaker and returns the
 * precomputed list; `speakers()` and `suggestSpeakers()` serve listings and autocomplete.
 */
import { textFragmentLink } from "../citation/fragment.js";
import type { Article } from "../corpus/types.js";
import { fold } from "../search/analyzer.js";
import { displayWord, sameFirstName } from "./entities.js";
import { sameByNickname } from "./nicknames.js";
import { extractQuotes, type ExtractedQuote } from "./extract.js";
import { featureOf, features, groupStatements } from "./group.js";
import { alternation, wordMap, WORDS } from "../text/lexicon.js";
import { fromSnapshot, knownEntity, occurrenceIn, toSnapshot, type KnownEntity, type QuoteData, type QuoteSnapshot } from "./snapshot.js";
import type { HeldRole, QuoteOccurrence, QuoteResult, SpeakerInfo } from "./types.js";

/** Head words of one office written several ways; each maps to one spelling for comparison. */
const ROLE_SPELLINGS = wordMap("roleSpellings");
const LEADING_ARTICLE = new RegExp(`^(?:${alternation("function.articles")}) `);

/** "mr", "dr.": a courtesy title alone, with or without its period. */
function isCourtesyTitle(role: string): boolean {
  return WORDS.honorifics.courtesy.has(role.endsWith(".") ? role.slice(0, -1) : role);
}

export interface QuoteOptions {
  /** Also list scare quotes and quoted titles (not statements). */
  fragments?: boolean;
}

/** Folds a name or query for lookup: case, accents, quote marks, "the", possessive "'s". */
export function nameKey(s: string): string {
  return fold(s)
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'.\- ]+/gu, " ")
    .replace(/'s\b/g, "")
    .replaceAll("'", "") // as mention keys are: "Matiang'i" is "Matiangi"
    .replace(/\s+/g, " ")
    .trim()
    .replace(LEADING_ARTICLE, "");
}

function keyWords(s: string): string[] {
  return nameKey(s).split(" ").filter(Boolean);
}

/** One word, or a country and its adjective ("russia"/"russian", "venezuela"/"venezuelan"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 2;
}

/** The gender a person's roles tell ("Mr", "spokeswoman"), or null when they tell none or both. */
function genderOf(e: KnownEntity): "m" | "f" | null {
  let m = false;
  let f = false;
  for (const r of e.roles) {
    for (const w of r.words) {
      const k = w.replace(/'s$/, "").replace(/\./g, "");
      if (WORDS.titles.masculine.has(k)) m = true;
      if (WORDS.titles.feminine.has(k)) f = true;
    }
  }
  return m === f ? null : m ? "m" : "f";
}

/** A word of a role as compared: no possessive, no dots ("U.S." is "us"), one spelling per office. */
function roleWord(w: string): string {
  const k = w.replace(/'s$/, "").replace(/\./g, "");
  return ROLE_SPELLINGS.get(k) ?? k;
}

interface SpeakerEntry {
  entity: KnownEntity;
  info: SpeakerInfo;
  /** Statements, ordered for display: most widely reported first. */
  statements: QuoteOccurrence[];
  /** Statements, fragments and titles. */
  all: QuoteOccurrence[];
  /** Folded name and aliases, for autocomplete. */
  keys: string[];
}

export class QuoteIndex {
  private readonly data: QuoteData;
  private readonly entries = new Map<number, SpeakerEntry>();
  /** Folded full names, surnames and single names to entities. */
  private readonly byName = new Map<string, KnownEntity[]>();
  private readonly speakerList: SpeakerInfo[];
  /** Each article's published date, by id (when a role was held). */
  private readonly published: Map<string, string | null>;
  readonly occurrences: QuoteOccurrence[];

  /**
   * Extracts and groups the quotations of `articles`; `restored` is state already built from the
   * same articles (see `fromSnapshot`). Either way the lookup tables are derived below, by the same
   * code, so a restored index answers exactly as a built one.
   */
  constructor(articles: readonly Article[], restored?: QuoteData) {
    this.data = restored ?? buildQuoteData(articles);
    this.occurrences = this.data.occurrences;
    this.published = new Map(articles.map((a) => [a.id, a.published]));
    const byId = new Map(this.data.entities.map((e) => [e.id, e]));

    const byEntity = new Map<number, QuoteOccurrence[]>();
    this.data.speakers.forEach((id, i) => {
      if (id === null) return;
      const list = byEntity.get(id);
      if (list) list.push(this.occurrences[i]!);
      else byEntity.set(id, [this.occurrences[i]!]);
    });
    // An alias two speakers share ("President" for two presidents) names neither: it is not listed.
    const aliasOwners = new Map<string, number>();
    const aliasesById = new Map<number, string[]>();
    for (const id of byEntity.keys()) {
      const aliases = this.aliasesOf(byId.get(id)!);
      aliasesById.set(id, aliases);
      for (const a of aliases) aliasOwners.set(nameKey(a), (aliasOwners.get(nameKey(a)) ?? 0) + 1);
    }
    for (const [id, all] of byEntity) {
      const entity = byId.get(id)!;
      const statementsOf = orderByStatement(all.filter((o) => (o.kind ?? "statement") === "statement"));
      const aliases = aliasesById.get(id)!.filter((a) => aliasOwners.get(nameKey(a)) === 1);
      const info: SpeakerInfo = {
        name: entity.name,
        aliases,
        statements: new Set(statementsOf.map((o) => o.group)).size,
        quotes: statementsOf.length,
      };
      this.entries.set(id, { entity, info, statements: statementsOf, all: orderByStatement(all), keys: [entity.name, ...aliases].map(nameKey) });
    }
    this.speakerList = [...this.entries.values()]
      .filter((e) => e.info.quotes > 0)
      .map((e) => e.info)
      .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));

    for (const e of this.data.entities) {
      const keys = new Set<string>();
      for (const form of e.forms) keys.add(nameKey(form));
      keys.add(nameKey(e.name));
      if (e.surname && e.kind !== "org") keys.add(e.surname);
      for (const k of keys) {
        const list = this.byName.get(k);
        if (list) list.push(e);
        else this.byName.set(k, [e]);
      }
    }
  }

  /** An index restored from `snapshot()` of the same articles, or null when the two do not fit. */
  static fromSnapshot(snapshot: QuoteSnapshot, articles: readonly Article[]): QuoteIndex | null {
    const data = fromSnapshot(snapshot, articles);
    return data && new QuoteIndex(articles, data);
  }

  /** Plain data to save: what this index needs to answer, without any quoted text. */
  snapshot(): QuoteSnapshot {
    return toSnapshot(this.data);
  }

  private aliasesOf(e: KnownEntity): string[] {
    const out: string[] = [];
    const seen = new Set([nameKey(e.name)]);
    const add = (s: string) => {
      const k = nameKey(s);
      if (!k || seen.has(k)) return;
      seen.add(k);
      out.push(s);
    };
    for (const form of e.forms) add(form);
    if (e.surname && e.kind !== "org") add(displayWord(e.name.split(" ").pop()!));
    for (const r of e.roles) if (!isCourtesyTitle(r.words.join(" "))) add(r.text);
    return out;
  }

  /** How much a speaker is worth when several match: quoted more, then mentioned more. */
  private weight(e: KnownEntity): number {
    return (this.entries.get(e.id)?.info.quotes ?? 0) * 1e6 + e.mentions;
  }

  private best(list: readonly KnownEntity[]): KnownEntity | null {
    let best: KnownEntity | null = null;
    for (const e of list) if (!best || this.weight(e) > this.weight(best)) best = e;
    return best;
  }

  /** The entity a query names: a full name or variant, a surname, an organisation, or a role. */
  /**
   * The roles the person or body `query` names was given ("Finance Minister", "Prime Minister"),
   * each with the articles that give it and their published dates, in the order first held;
   * courtesy titles ("Mr.") are no roles. Null when the name is unknown.
   */
  roles(query: string): HeldRole[] | null {
    const e = this.resolve(query);
    if (!e) return null;
    const when = (id: string) => ({ articleId: id, published: this.published.get(id) ?? null });
    return e.roles
      .filter((r) => !isCourtesyTitle(r.words.join(" ")))
      .map((r) => ({ role: r.text, held: r.articles.map(when).sort(byDate) }))
      .sort((a, b) => byDate(a.held[0], b.held[0]));
  }

  resolve(query: string): KnownEntity | null {
    const key = nameKey(query);
    if (!key) return null;
    const exact = this.byName.get(key);
    if (exact) return this.best(exact);
    const qw = key.split(" ");
    const variant = this.variantOf(qw);
    if (variant.length) return this.best(variant);
    // A name after its role or honorific: "President Putin", "Russian President Vladimir Putin", "Judge Okonkwo".
    const titled = this.titledName(qw);
    if (titled) return titled;
    // The other way round: a full name the text wrote after a word of description that opened
    // its sentence ("Councilwoman Denise Okafor" for "Denise Okafor").
    if (qw.length >= 2) {
      const longer = new Set<KnownEntity>();
      for (const entry of this.entries.values()) {
        if (entry.entity.kind !== "org" && entry.keys.some((k) => k.endsWith(` ${key}`))) longer.add(entry.entity);
      }
      if (longer.size === 1) return [...longer][0]!;
    }
    // A role: "Kremlin spokesman", "Putin's spokesman", "Russian President"; "president of
    // Russia" is read as "Russia president".
    const of = qw.indexOf("of");
    const roleWords = (of > 0 && of < qw.length - 1 ? [...qw.slice(of + 1), ...qw.slice(0, of)] : qw).map(roleWord);
    const byRole = this.holdersOf(roleWords, (head) => head === roleWords[roleWords.length - 1]);
    if (byRole.length) return this.best(byRole);
    // "Russian leader": the holder of a leading office ("Russian President"), not an "opposition leader".
    if (roleWords[roleWords.length - 1] === "leader" && roleWords.length >= 2) {
      const leaders = this.holdersOf(roleWords, (head, role) => WORDS.titles.leadingOffices.has(head) || (head === "minister" && role.includes("prime")));
      if (new Set(leaders).size === 1) return leaders[0]!;
    }
    // A body named in other words or another order: "health ministry" for "Ministry of Health",
    // "Saltwick festival" for "Saltwick International Film Festival". Every query word must be a
    // word of one quoted body's name; a query that fits two bodies names neither.
    const bodies = new Set<KnownEntity>();
    for (const entry of this.entries.values()) {
      if (entry.entity.kind !== "org" || qw.length < 2) continue;
      if (entry.keys.some((k) => qw.every((w) => k.split(" ").some((x) => sameStem(x, w))))) bodies.add(entry.entity);
    }
    if (bodies.size === 1) return [...bodies][0]!;
    // A typo in a speaker's name: one edit away from a name or surname of someone quoted.
    if (key.length >= 5) {
      const close: KnownEntity[] = [];
      for (const entry of this.entries.values()) {
        if (entry.keys.some((k) => k.length >= 4 && nearlyEqual(k, key))) close.push(entry.entity);
      }
      if (close.length === 1) return close[0]!;
    }
    return null;
  }

  /** A spelling variant of a known person: same surname, first name a variant ("Alexei Navalny"). */
  private variantOf(qw: readonly string[]): KnownEntity[] {
    if (qw.length < 2) return [];
    const surname = qw[qw.length - 1]!;
    const people = this.byName.get(surname) ?? [];
    const given = (f: string) => keyWords(f)[0] ?? "";
    return people.filter((e) => e.surname === surname && e.forms.some((f) => sameFirstName(given(f), qw[0]!) || sameByNickname(given(f), qw[0]!)));
  }

  /**
   * A query that is a name after words of a role or an honorific: the name must be known, and
   * every word before it an office, a qualifier or a word of that person's roles, so "Hunter
   * Biden" is never taken for another Biden. Among namesakes, the one whose roles hold the query's
   * words (or whose gender its honorific tells) wins.
   */
  private titledName(qw: readonly string[]): KnownEntity | null {
    for (let i = 1; i < qw.length; i++) {
      const rest = qw.slice(i);
      const named = this.byName.get(rest.join(" ")) ?? this.variantOf(rest);
      const people = named.filter((e) => e.kind !== "org");
      if (people.length === 0) continue;
      const prefix = qw.slice(0, i).map(roleWord);
      const inRoles = (e: KnownEntity, w: string) => e.roles.some((r) => r.words.some((x) => roleWord(x) === w));
      const fits = (e: KnownEntity) => prefix.every((w) => WORDS.titles.all.has(w) || WORDS.roleModifiers.all.has(w) || inRoles(e, w));
      const candidates = people.filter(fits);
      if (candidates.length === 0) return null;
      const gender = prefix.some((w) => WORDS.titles.masculine.has(w)) ? "m" : prefix.some((w) => WORDS.titles.feminine.has(w)) ? "f" : null;
      const byGender = gender ? candidates.filter((e) => genderOf(e) !== (gender === "m" ? "f" : "m")) : candidates;
      const byRole = byGender.filter((e) => prefix.every((w) => WORDS.titles.masculine.has(w) || WORDS.titles.feminine.has(w) || inRoles(e, w)));
      return this.best(byRole.length ? byRole : byGender);
    }
    return null;
  }

  /**
   * Speakers holding a role the query words describe: the head word passes `headFits`, every other
   * query word is in the role, and the role has no narrowing word ("opposition", "former") the
   * query lacks.
   */
  private holdersOf(query: readonly string[], headFits: (head: string, role: readonly string[]) => boolean): KnownEntity[] {
    const mods = query.slice(0, -1);
    const out: KnownEntity[] = [];
    for (const entry of this.entries.values()) {
      for (const r of entry.entity.roles) {
        const words = r.words.map(roleWord);
        if (!headFits(words[words.length - 1]!, words) || !mods.every((m) => words.some((w) => sameStem(w, m)))) continue;
        if (words.some((w) => WORDS.roleModifiers.narrowing.has(w) && !query.includes(w))) continue;
        out.push(entry.entity);
        break;
      }
    }
    return out;
  }

  quote(query: string, options: QuoteOptions = {}): QuoteResult {
    const entity = this.resolve(query);
    if (!entity) return { query, speaker: null, quotes: [], mentionedIn: this.mentionedIn(query) };
    const entry = this.entries.get(entity.id);
    const quotes = entry ? (options.fragments ? entry.all : entry.statements) : [];
    return {
      query,
      speaker: { name: entity.name, aliases: entry?.info.aliases ?? this.aliasesOf(entity) },
      quotes: [...quotes],
      mentionedIn: entity.articleCount,
    };
  }

  /** In how many articles every word of the query appears (for a name the corpus does not quote). */
  mentionedIn(query: string): number {
    const ws = keyWords(query);
    if (ws.length === 0) return 0;
    let acc: number[] | null = null;
    for (const w of ws) {
      const list = this.data.words.get(w);
      if (!list) return 0;
      const has = new Set(list);
      acc = acc === null ? [...list] : acc.filter((x) => has.has(x));
    }
    return acc?.length ?? 0;
  }

  /** Everyone quoted, most quoted first. */
  speakers(): SpeakerInfo[] {
    return this.speakerList.map((s) => ({ ...s, aliases: [...s.aliases] }));
  }

  /** Speakers matching what a user has typed so far, best matches first (for autocomplete). */
  suggestSpeakers(prefix: string, limit = 25): SpeakerInfo[] {
    const p = nameKey(prefix);
    if (!p) return this.speakers().slice(0, limit);
    const scored: { info: SpeakerInfo; score: number }[] = [];
    for (const entry of this.entries.values()) {
      if (entry.info.quotes === 0) continue;
      let score = 0;
      entry.keys.forEach((k, i) => {
        const main = i === 0 ? 1 : 0;
        if (k.startsWith(p)) score = Math.max(score, 4 + main);
        else if (k.split(" ").some((w) => w.startsWith(p))) score = Math.max(score, 2 + main);
        else if (k.includes(p)) score = Math.max(score, 1);
      });
      if (score > 0) scored.push({ info: entry.info, score });
    }
    scored.sort((a, b) => b.score - a.score || b.info.quotes - a.info.quotes || a.info.name.localeCompare(b.info.name));
    return scored.slice(0, Math.max(0, limit)).map((s) => ({ ...s.info, aliases: [...s.info.aliases] }));
  }
}

/**
 * Extraction and grouping, done once: every quotation with its speaker and statement group, and
 * the entities and words lookups need afterwards.
 */
function buildQuoteData(articles: readonly Article[]): QuoteData {
  const extraction = extractQuotes(articles);

  // Rarity of the words quotations use: how often the corpus uses words of the same stem.
  const words = extraction.vocab.words;
  const quoted = new Set<string>();
  for (const q of extraction.quotes) for (const f of features(q.article.text.slice(q.marks.start, q.marks.end))) quoted.add(f);
  const uses = new Map<string, number>();
  for (const [word, stats] of words) {
    const f = featureOf(word);
    if (f && quoted.has(f)) uses.set(f, (uses.get(f) ?? 0) + stats.count);
  }
  const idf = (f: string) => Math.log(1 + extraction.vocab.tokens / ((uses.get(f) ?? 0) + 1));
  const proseOf = new Map<ReadonlyMap<string, number>, Map<string, number>>();
  const proseFeatures = (prose: ReadonlyMap<string, number>) => {
    let m = proseOf.get(prose);
    if (!m) proseOf.set(prose, (m = featureCounts(prose, quoted)));
    return m;
  };

  const statements = extraction.quotes.filter((q) => q.kind === "statement");
  const groups = groupStatements(
    statements.map((q) => ({
      text: q.article.text.slice(q.marks.start, q.marks.end),
      articleId: q.article.id,
      speaker: q.speaker?.id ?? null,
      prose: proseFeatures(q.prose),
    })),
    idf,
  );
  const groupId = new Map<ExtractedQuote, string>();
  const firstOf = new Map<number, ExtractedQuote>();
  statements.forEach((q, i) => {
    const g = groups[i]!;
    if (!firstOf.has(g)) firstOf.set(g, q);
    const head = firstOf.get(g)!;
    groupId.set(q, `${head.article.id}@${head.marks.start}`);
  });

  const speakers = extraction.quotes.map((q) => q.speaker?.id ?? null);
  const behalf = extraction.quotes.map((q) => q.onBehalfOf?.id ?? null);
  const quotedIds = new Set([...speakers, ...behalf]);
  const ids = articles.map((a) => a.id);
  return {
    // Only entities a lookup can reach: those the text mentions, and speakers.
    entities: extraction.registry.entities.filter((e) => e.mentions > 0 || quotedIds.has(e.id)).map((e) => knownEntity(e, ids)),
    occurrences: extraction.quotes.map((q) => toOccurrence(q, groupId.get(q) ?? `${q.article.id}@${q.marks.start}`)),
    speakers,
    behalf,
    words: new Map([...words].map(([w, stats]) => [w, stats.articles])),
  };
}

/** Earlier published first, undated last, then by article id; a missing side sorts last. */
function byDate(a: HeldRole["held"][number] | undefined, b: HeldRole["held"][number] | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.published !== b.published) return a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? -1 : 1;
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
}

/** Word counts summed by feature, for the features in `wanted` only. */
function featureCounts(words: ReadonlyMap<string, number>, wanted: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  if (wanted.size === 0) return out;
  for (const [word, n] of words) {
    const f = featureOf(word);
    if (f && wanted.has(f)) out.set(f, (out.get(f) ?? 0) + n);
  }
  return out;
}

function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/**
 * Most context kept on each side of a quote. A quote's context is its sentence(s), and a page
 * without sentence punctuation is one sentence: unbounded, a 2 MB page gave every quote a 2 MB
 * context and `quote --json` ran out of string length.
 */
export const CONTEXT_MAX_SIDE = 400;

/** The context cut to CONTEXT_MAX_SIDE characters each side of [start, end), at white space so words stay whole. */
function boundedContext(text: string, start: number, end: number, contextStart: number, contextEnd: number): [number, number] {
  let from = contextStart;
  if (start - from > CONTEXT_MAX_SIDE) {
    from = start - CONTEXT_MAX_SIDE;
    while (from < start && !/\s/.test(text[from - 1]!)) from++;
  }
  let to = contextEnd;
  if (to - end > CONTEXT_MAX_SIDE) {
    to = end + CONTEXT_MAX_SIDE;
    while (to > end && !/\s/.test(text[to]!)) to--;
    while (to > end && /\s/.test(text[to - 1]!)) to--;
  }
  return [from, to];
}

function toOccurrence(q: ExtractedQuote, group: string): QuoteOccurrence {
  const a = q.article;
  const [contextStart, contextEnd] = boundedContext(a.text, q.marks.start, q.marks.end, q.contextStart, q.contextEnd);
  return occurrenceIn(a, {
    speaker: q.speaker?.name ?? "",
    onBehalfOf: q.onBehalfOf?.name ?? null,
    group,
    start: q.marks.start,
    end: q.marks.end,
    contextStart,
    contextEnd,
    // A link that opens the article at the quote, for quotes a lookup can return (attributed
    // ones); building it searches the article text, so unattributed quotes skip it.
    link: q.speaker ? textFragmentLink(a.url, a.text, { start: q.marks.start, end: q.marks.end }) : a.url,
    kind: q.kind,
    parts: q.marks.parts.map((p) => ({ start: p.start, end: p.end })),
  });
}

/**
 * Statements most widely reported first (then in corpus order); each statement's occurrences
 * together, in corpus order.
 */
function orderByStatement(list: readonly QuoteOccurrence[]): QuoteOccurrence[] {
  const groups = new Map<string, QuoteOccurrence[]>();
  for (const o of list) {
    const g = groups.get(o.group);
    if (g) g.push(o);
    else groups.set(o.group, [o]);
  }
  return [...groups.values()]
    // Widely reported means in many articles: a fragment quoted again in one article adds none.
    .map((members, order) => ({ members, order, articles: new Set(members.map((m) => m.articleId)).size }))
    .sort((a, b) => b.articles - a.articles || a.order - b.order)
    .flatMap((g) => g.members);
}
