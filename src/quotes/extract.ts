/**
 * Quotation extraction for a whole corpus, run once when the engine starts:
 * 1. learn which capitalised words are ordinary words (sentence starts) from the corpus;
 * 2. find name mentions and build speaker entities across all articles;
 * 3. per article with quotations, read sentence by sentence: find speech clauses, resolve their
 *    speakers (names, pronouns, bare roles), and give each quotation the speaker its cue names.
 * Only articles that contain quotation marks are read closely in step 3, which keeps a large
 * corpus of speeches fast.
 */
import { wordCount } from "../text/words.js";
import type { Article, Sentence } from "../corpus/types.js";
import { buildFrame, findClauses, mainSubject, type Clause, type MentionLookup, type NounPhrase, type Pronoun, type SentenceAnalysis } from "./clauses.js";
import { EntityRegistry, type Entity, type PlacedMention } from "./entities.js";
import { wordMap, WORDS } from "../text/lexicon.js";
import type { QuoteKind } from "./types.js";
import { findQuoteMarks, type QuoteMarks } from "./marks.js";
import { findMentions, isTitleWord, Vocabulary, type Mention } from "./mentions.js";
import { tokenize, type Tok } from "./tokens.js";
import { findTranscript, type Transcript } from "./transcript.js";
import { findEmbeds } from "./embeds.js";

export interface ExtractedQuote {
  article: Article;
  marks: QuoteMarks;
  kind: QuoteKind;
  speaker: Entity | null;
  /**
   * The person a body spoke for: "Ferreira's office said", "the ministry said on behalf of
   * Ferreira". The body is the speaker; this is who it spoke for. Null otherwise.
   */
  onBehalfOf: Entity | null;
  contextStart: number;
  contextEnd: number;
  /**
   * How often the article's own prose near its quotations (outside the marks) uses each word:
   * the story's topic words, as opposed to a speaker's own wording. Shared by the article's quotes.
   */
  prose: ReadonlyMap<string, number>;
}

export interface Extraction {
  registry: EntityRegistry;
  quotes: ExtractedQuote[];
  /** Mentions of each article, in order, with the entity each names. */
  mentions: ResolvedMention[][];
  /** How the corpus uses each word (counts, articles). */
  vocab: Vocabulary;
}

export interface ResolvedMention {
  mention: Mention;
  entity: Entity;
}

/**
 * A short quotation that is a whole sentence of its own ("It's over," / "Solidarity works."): a
 * capital, and the sentence's own punctuation inside the closing mark. Counted a statement when it
 * opens its sentence or follows a colon, where a scare quote does not stand.
 */
const SHORT_SENTENCE = /^\p{Lu}[^]*[.,!?…]$/u;

/** Quotes of this many words or fewer are scare quotes or labels, not statements (but see SHORT_SENTENCE). */
export const FRAGMENT_MAX_WORDS = 2;

/**
 * The head noun of a name, which a later "the <noun>" repeats: the last word ("Harbour Trust",
 * "the trust"), or the word before "of", "for" or "on" ("Ministry of Health", "the ministry").
 */
export function nameHead(keys: readonly string[]): string | undefined {
  const of = keys.findIndex((k) => k === "of" || k === "for" || k === "on");
  return of > 0 ? keys[of - 1] : keys[keys.length - 1];
}

/** Head words of one office written several ways; each maps to one spelling for comparison. */
const ROLE_SPELLINGS = wordMap("roleSpellings");

/** How many tokens before a quotation a speech verb may stand and still introduce it. */
const LEAD_REACH = 30;

/** How many sentences back a pronoun may look for the person it stands for. */
const PRONOUN_WINDOW = 4;
/** How many words a round-up's label ("U.S. Sen. John Kennedy, R-La:") may have. */
const LABEL_MAX_WORDS = 12;
/** How many sentences of narration may stand between a speaker's quotation and the next, alone. */
const NARRATION_GAP = 1;
/** How many sentences before a quotation are read closely (pronouns resolved in chains need more). */
const CONTEXT_WINDOW = 8;

const OPENING_MARKS = new Set(["“", "‘", "«", "„", '"', "'"]);

/**
 * A short quotation in title case ("Hate Crimes Prevention Act", "Last Day of Chemo") names a law,
 * a work or a sign; it is not somebody's statement.
 */
function isTitleCased(text: string): boolean {
  const ws = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (ws.length < 2 || ws.length > 8) return false;
  if (!/^\p{Lu}/u.test(ws[0]!)) return false;
  return ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || WORDS.names.titleCaseMinor.has(w.toLowerCase()));
}

/** Lower-case plural nouns: "divers", "officials" (not "this", "bus", "press"). */
const PLURAL_NOUN = /^[a-z]{2,}[^siu's]s$/;

/**
 * An unnamed speaker written as a bare plural ("after divers reported the damage"): a group, which
 * a later "he" or "she" cannot stand for, so it does not keep them from the person named before.
 */
function isPluralNoun(frame: SentenceAnalysis["frame"], np: NounPhrase): boolean {
  if (np.kind !== "other" || np.from !== np.to) return false;
  const t = frame[np.from];
  return !!t && t.isWord && !t.cap && PLURAL_NOUN.test(t.key);
}

/** "48-year-old": an age that stands for a person. */
const AGE = /^\d{1,3}-year-old$/;

/** One office written several ways ("spokesman", "spokeswoman", "Gov." and "governor") compares as one. */
function sameOffice(word: string): string {
  const w = word.endsWith(".") ? word.slice(0, -1) : word;
  return ROLE_SPELLINGS.get(w) ?? w;
}

/**
 * The role a description gave a person ("the deputy governor" once it is known to be her), so a
 * lookup by that role finds her as it would had the text written it before her name.
 */
function learnRole(e: Entity, frame: SentenceAnalysis["frame"], np: NounPhrase, article: number): void {
  const from = frame[np.from]?.key === "the" ? np.from + 1 : np.from;
  const toks = frame.slice(from, np.to + 1);
  if (toks.length === 0 || toks.some((t) => !t.isWord)) return;
  const words = toks.map((t) => (t.possessive ? `${t.key}'s` : t.key));
  const key = words.join(" ");
  const known = e.roles.get(key);
  if (known) {
    known.count++;
    known.articles.add(article);
  } else e.roles.set(key, { words, text: toks.map((t) => t.text).join(" "), count: 1, articles: new Set([article]) });
}

/** A noun phrase opened by "the" ("the defender", "The Harcourt manager"). */
function isDefinite(frame: SentenceAnalysis["frame"], np: NounPhrase): boolean {
  return frame[np.from]?.key === "the" || frame[np.from - 1]?.key === "the";
}

/** Token indices that open a sentence or a quotation, where capitals say nothing about names. */
function sentenceStarts(text: string, toks: readonly Tok[], sentences: readonly Sentence[]): Set<number> {
  const out = new Set<number>();
  let s = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (s < sentences.length && sentences[s]!.start <= t.start) {
      // first word at or after this sentence start
      let j = i;
      while (j < toks.length && !toks[j]!.isWord) j++;
      if (j < toks.length) out.add(j);
      s++;
    }
    if (!t.isWord && OPENING_MARKS.has(t.text)) {
      const prev = t.start > 0 ? text[t.start - 1]! : " ";
      const next = toks[i + 1];
      if (/[\s(:—–-]/.test(prev) && next?.isWord && next.start === t.end) out.add(i + 1);
    }
  }
  return out;
}

function sentencesOf(article: Article, paragraph: number): Sentence[] {
  const p = article.paragraphs[paragraph]!;
  return p.sentences.map((i) => article.sentences[i]!);
}

/** Index of the last sentence starting at or before `offset`. */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

interface SpeakerEvent {
  pos: number;
  sentence: number;
  entity: Entity | null;
  /** For an unresolved speaker: what it could be referred to by. */
  blocker: "person" | "group" | null;
  speech: boolean;
  /** The sentence's main subject. */
  subject?: boolean;
}

interface AnalysedSentence extends SentenceAnalysis {
  index: number;
  resolved: Map<NounPhrase, Entity | null>;
}

/** Reads one article closely: speech clauses, speakers, and the speaker of each quotation. */
class ArticleReader {
  /** Speakers and subjects seen so far, by sentence index. */
  private readonly events = new Map<number, SpeakerEvent[]>();
  private readonly sentences: (AnalysedSentence | undefined)[] = [];
  private readonly quoteOfOffset: (offset: number) => number;
  private readonly speakers: (Entity | null)[] = [];
  /** Names of unknown kind that a "he" or "she" has stood for in this article: people from then on. */
  private readonly calledPerson = new Set<Entity>();
  private readonly prose = new Map<string, number>();
  private readonly attributed: boolean[] = [];
  /** Quotations attributed by a clause in the sentence after them (see `cueInNext`). */
  private readonly cuedNext = new Set<number>();

  constructor(
    private readonly article: Article,
    /** The article's index in the corpus (roles learned here are recorded as held in it). */
    private readonly articleIndex: number,
    private readonly marks: readonly QuoteMarks[],
    private readonly mentions: readonly ResolvedMention[],
    private readonly byMention: Map<Mention, Entity>,
    private readonly registry: EntityRegistry,
    /** Offsets (a transcript's first question) before which the text is read too. */
    private readonly alsoBefore: readonly number[] = [],
  ) {
    this.quoteOfOffset = (offset) => {
      let lo = 0;
      let hi = marks.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const q = marks[mid]!;
        if (offset < q.open) hi = mid - 1;
        else if (offset > q.close) lo = mid + 1;
        else return mid;
      }
      return -1;
    };
  }

  read(): ExtractedQuote[] {
    const { article } = this;
    const out: ExtractedQuote[] = [];
    const closesIn = new Map<number, number[]>();
    // Only the sentences around quotations are read closely: enough before each one for a
    // pronoun's antecedent (and the antecedent's own), which keeps long speeches cheap.
    const read = new Uint8Array(article.sentences.length);
    this.marks.forEach((q, qi) => {
      const open = sentenceAt(article.sentences, q.open);
      const close = sentenceAt(article.sentences, Math.max(q.open, q.close - 1));
      // '"Why now?" Ms Lidholm asked.': a question or exclamation ends its sentence at the mark,
      // and its attribution opens the next one; read that one before attributing.
      const at = this.questionThenCue(q, close) ? close + 1 : close;
      if (at > close) read[at] = 1;
      closesIn.set(at, [...(closesIn.get(at) ?? []), qi]);
      for (let s = Math.max(0, open - CONTEXT_WINDOW); s <= close; s++) read[s] = 1;
    });
    for (const offset of this.alsoBefore) {
      const at = sentenceAt(article.sentences, offset);
      for (let s = Math.max(0, at - CONTEXT_WINDOW); s < at; s++) read[s] = 1;
    }
    const lookup = this.lookup();
    for (let si = 0; si < article.sentences.length; si++) {
      if (!read[si]) continue;
      const s = article.sentences[si]!;
      const toks = tokenize(article.text, s.start, s.end);
      const frame = buildFrame(toks, 0, toks.length, this.quoteOfOffset);
      for (const t of frame) if (t.isWord) this.prose.set(t.key, (this.prose.get(t.key) ?? 0) + 1);
      this.analyse(si, frame, lookup);
      for (const qi of closesIn.get(si) ?? []) out.push(this.attribute(qi));
    }
    return out;
  }

  /**
   * Who a transcript's answers belong to: the one person the introduction before `offset` is
   * about, as the nearest sentence with people in it tells (the one who speaks, if several).
   */
  interviewee(offset: number): Entity | null {
    const last = sentenceAt(this.article.sentences, offset) - 1;
    for (let s = last; s >= 0 && s > last - CONTEXT_WINDOW; s--) {
      const evs = (this.events.get(s) ?? []).filter((ev) => {
        const e = ev.entity;
        return !!e && (e.kind === "person" || (e.kind === "unknown" && e.surname !== null && (ev.speech || !!ev.subject)));
      });
      if (evs.length === 0) continue;
      const speaking = new Set(evs.filter((ev) => ev.speech).map((ev) => ev.entity!));
      const all = new Set(evs.map((ev) => ev.entity!));
      if (speaking.size === 1) return [...speaking][0]!;
      return all.size === 1 ? [...all][0]! : null;
    }
    return null;
  }

  /** A transcript answer as a quotation of `speaker`: the answer text, with its paragraph as context. */
  answer(span: Transcript["answers"][number], speaker: Entity | null): ExtractedQuote {
    const p = this.article.paragraphs[span.paragraph]!;
    const marks: QuoteMarks = { open: span.start, close: span.end, start: span.start, end: span.end, parts: [{ start: span.start, end: span.end }], paragraphs: [span.paragraph] };
    return { article: this.article, marks, kind: "statement", speaker, onBehalfOf: null, contextStart: p.start, contextEnd: Math.max(p.end, span.end), prose: this.prose };
  }

  private lookup(): MentionLookup {
    const byLast = new Map<number, Mention>();
    const byFirst = new Map<number, Mention>();
    for (const { mention: m } of this.mentions) {
      byLast.set(m.lastStart, m);
      byFirst.set(m.start, m);
      byFirst.set(m.roleStart, m);
    }
    return { byLast, byFirst };
  }

  private analyse(index: number, frame: SentenceAnalysis["frame"], lookup: MentionLookup): void {
    const subject = mainSubject(frame, lookup);
    const clauses = findClauses(frame, lookup, subject);
    const a: AnalysedSentence = { index, frame, clauses, subject, resolved: new Map() };
    this.sentences[index] = a;
    const phrases = new Set<NounPhrase>();
    if (subject) phrases.add(subject);
    for (const c of clauses) phrases.add(c.speaker);
    for (const np of [...phrases].sort((x, y) => x.from - y.from)) {
      const pos = frame[np.from]!.start;
      const entity = this.resolve(np, pos, index, frame);
      a.resolved.set(np, entity);
      // An unresolved "they" is a group too: it keeps "they" from the body named before, not "he" or "she".
      const blocker = entity ? null : np.kind === "group" || isPluralNoun(frame, np) || (np.kind === "pronoun" && np.pronoun === "they") ? "group" : np.kind === "name" ? null : "person";
      if (!entity && !blocker) continue;
      this.addEvent({ pos, sentence: index, entity, blocker, speech: clauses.some((c) => c.speaker === np), subject: np === subject });
    }
  }

  private addEvent(ev: SpeakerEvent): void {
    const list = this.events.get(ev.sentence);
    if (list) list.push(ev);
    else this.events.set(ev.sentence, [ev]);
  }

  private resolve(np: NounPhrase, pos: number, sentence: number, frame: SentenceAnalysis["frame"]): Entity | null {
    switch (np.kind) {
      case "name":
        return this.byMention.get(np.mention) ?? null;
      case "pronoun":
        return this.resolvePronoun(np.pronoun, pos, sentence);
      case "title": {
        const holder = this.resolveTitle(np.words, pos);
        if (holder || !isDefinite(frame, np)) return holder;
        const head = np.words[np.words.length - 1]!;
        // "the British minister" names someone of its own, not the last person named.
        const qualified = frame.slice(np.from, np.to).some((t) => t.cap && t.key !== "the");
        const found = (qualified ? null : this.renamed(head, pos, sentence)) ?? this.namedNext(head, sentence);
        if (found) learnRole(found, frame, np, this.articleIndex);
        return found;
      }
      case "group": {
        // "Ferreira's office said": the office speaks, for the person it belongs to.
        const owner = frame[np.from]!;
        const holder = owner.possessive ? this.mentionAt(owner.start) : undefined;
        if (holder && (holder.kind === "person" || (holder.kind === "unknown" && holder.surname !== null))) {
          return this.registry.officeOf(holder, np.words.slice(1), this.articleIndex);
        }
        // "the ministry said": the body named before whose name has that head ("Ministry of Health").
        // "the company said" after "Greystone said ...": with no body of that name, the body the
        // text last named or heard from.
        return isDefinite(frame, np) ? (this.namedBody(np.words[np.words.length - 1]!, pos) ?? (np.words.length === 1 || (np.words.length === 2 && np.words[0] === "the") ? this.lastBody(pos) : null)) : null;
      }
      case "other":
        return isDefinite(frame, np) ? this.described(frame, np, pos, sentence) : null;
    }
  }

  /**
   * "the 48-year-old said", "the defender said": a person noun after "the" renames the person the
   * text has just been about; "the hospice said" names the body whose name ends in that noun
   * ("Little Lanterns Hospice"), when the article has named one before.
   */
  private described(frame: SentenceAnalysis["frame"], np: NounPhrase, pos: number, sentence: number): Entity | null {
    const k = frame[np.from]?.key === "the" ? np.from + 1 : np.from;
    const t = frame[k];
    if (!t || !t.isWord || t.cap || t.possessive) return null;
    // "said the man who found him" introduces someone new: only a noun that ends its phrase renames.
    const after = frame[k + 1];
    if (k > np.to && after && after.isWord) return null;
    if (AGE.test(t.key) || WORDS.people.nouns.has(t.key)) return this.renamed(null, pos, sentence);
    // "the statement said": the communication speaks for whoever last spoke before it.
    if (WORDS.speechNouns.quoteCues.has(t.key)) return this.lastSpeaker(pos, sentence);
    return this.namedBody(t.key, pos);
  }

  /** The entity of the mention whose last word starts at `offset`, if any. */
  private mentionAt(offset: number): Entity | undefined {
    const m = this.mentions.find(({ mention }) => mention.lastStart === offset);
    return m?.entity;
  }

  /**
   * "..., the ministry said on behalf of Ferreira.": the person named right after "on behalf of"
   * outside the quotation, in sentences [first, last].
   */
  private behalfIn(first: number, last: number): Entity | null {
    for (let s = first; s <= last; s++) {
      const frame = this.sentences[s]?.frame ?? [];
      for (let i = 0; i + 3 < frame.length; i++) {
        if (frame[i]!.key !== "on" || frame[i + 1]!.key !== "behalf" || frame[i + 2]!.key !== "of") continue;
        const m = this.mentions.find(({ mention }) => mention.roleStart === frame[i + 3]!.start || mention.start === frame[i + 3]!.start);
        if (m && (m.entity.kind === "person" || (m.entity.kind === "unknown" && m.entity.surname !== null))) return m.entity;
      }
    }
    return null;
  }

  /** The nearest body (no person) named before `pos` in two words or more whose name's head is `head`. */
  private namedBody(head: string, pos: number): Entity | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const { mention, entity } = this.mentions[i]!;
      if (mention.start >= pos || entity.kind === "person" || mention.keys.length < 2) continue;
      if (nameHead(mention.keys) === head) return entity;
    }
    return null;
  }

  /**
   * The nearest body before `pos`: a name the article writes as an organisation, or a one-word
   * name of unknown kind that has spoken ("Greystone said ..."); null if a person-free body
   * cannot be told.
   */
  private lastBody(pos: number): Entity | null {
    const spoke = new Set<Entity>();
    for (const evs of this.events.values()) for (const ev of evs) if (ev.speech && ev.entity && ev.pos < pos) spoke.add(ev.entity);
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const { mention, entity } = this.mentions[i]!;
      if (mention.start >= pos || this.quoteOfOffset(mention.start) >= 0) continue;
      if (entity.kind === "org" || (entity.kind === "unknown" && entity.surname === null && spoke.has(entity))) return entity;
    }
    return null;
  }

  /** The speaker of the nearest speech before `pos`, within the pronoun window; null if none is known. */
  private lastSpeaker(pos: number, sentence: number): Entity | null {
    for (let s = sentence; s >= 0 && s > sentence - PRONOUN_WINDOW; s--) {
      const evs = (this.events.get(s) ?? []).filter((e) => e.speech && e.pos < pos);
      if (evs.length > 0) return evs[evs.length - 1]!.entity;
    }
    return null;
  }

  /**
   * The person a definite description ("the deputy governor", "the defender") stands for when no
   * one named holds it as a role: the one a "he" or "she" would stand for, unless the text gives
   * that person a different office.
   */
  private renamed(head: string | null, pos: number, sentence: number): Entity | null {
    const e = this.resolvePronoun("person", pos, sentence);
    if (!e || !head) return e;
    const office = sameOffice(head);
    for (const r of e.roles.values()) {
      const h = r.words[r.words.length - 1]!.replace(/'s$/, "").replace(/\.$/, "");
      if (WORDS.titles.all.has(h) && !WORDS.honorifics.all.has(h) && sameOffice(h) !== office) return null;
    }
    return e;
  }

  /**
   * A lede that names its speaker by role only ("The Harcourt manager admitted ...") before the
   * next paragraph opens with the person's full name: no person is named in the lede, and the
   * name opening the next paragraph is that person's first mention.
   */
  private namedNext(head: string, sentence: number): Entity | null {
    const { article } = this;
    const here = article.sentences[sentence]!;
    const paragraph = article.paragraphs.findIndex((p) => p.start <= here.start && here.start < p.end);
    const next = article.paragraphs[paragraph + 1];
    if (paragraph < 0 || paragraph > 1 || !next) return null;
    const seen = new Set<Entity>();
    for (const { mention, entity } of this.mentions) {
      if (mention.start < next.start) {
        if (entity.kind === "person") return null;
        seen.add(entity);
        continue;
      }
      if (mention.roleStart !== next.start || mention.keys.length < 2 || seen.has(entity) || entity.kind === "org") return null;
      const office = sameOffice(head);
      for (const r of entity.roles.values()) {
        const h = r.words[r.words.length - 1]!.replace(/'s$/, "").replace(/\.$/, "");
        if (WORDS.titles.all.has(h) && !WORDS.honorifics.all.has(h) && sameOffice(h) !== office) return null;
      }
      return entity;
    }
    return null;
  }

  /**
   * A pronoun stands for the nearest compatible speaker or subject before it: the sentences are
   * searched backwards, and in the nearest one that has compatible candidates exactly one person
   * must stand out (the one who speaks, if several are named); otherwise it stays unresolved.
   */
  private resolvePronoun(p: Pronoun | "person", pos: number, sentence: number): Entity | null {
    const compatible = (ev: SpeakerEvent): boolean => {
      if (!ev.entity) return ev.blocker === "person" ? p !== "it" : p === "they" || p === "it";
      const e = ev.entity;
      // "he"/"she" stand for people the text shows to be people (a title, a surname used alone);
      // "it"/"they" for organisations and one-word names; a two-word name of unknown kind
      // ("South Africa"? "Simon Bolivar"?) is left alone by both.
      // A full name of unknown kind that speaks in a clause of its own ("Jess Moore said ...") is
      // taken for a person: places and bodies are "it" when they speak.
      // So is one that is the subject of this sentence or the one before, when a "he" or "she"
      // follows ("Amara Osei has spent two decades at the bank. In her first interview, she ...").
      const person = e.kind === "person" || this.calledPerson.has(e) || (e.kind === "unknown" && e.surname !== null && (ev.speech || (!!ev.subject && ev.sentence >= sentence - 1)));
      if (p === "person") return person;
      // A one-word name that is the speaking subject of this sentence or the one before
      // ("Ntshavheni said the president had been told. '…,' she said.") is whom a "he" or "she"
      // means: bodies and places are "it" when they speak.
      const speakerByOneName =
        e.kind === "unknown" && e.surname === null && ev.speech && ev.sentence >= sentence - 1 && (this.events.get(ev.sentence) ?? []).some((x) => x.subject && x.entity === e);
      if (p === "he" || p === "she") return (person || speakerByOneName) && (!e.gender || e.gender === (p === "he" ? "m" : "f"));
      return e.kind === "org" || (e.kind === "unknown" && e.surname === null);
    };
    for (let s = sentence; s >= 0 && s > sentence - PRONOUN_WINDOW; s--) {
      const evs = (this.events.get(s) ?? []).filter((e) => e.pos < pos && compatible(e));
      if (evs.length === 0) {
        // No subject, but the sentence names someone the pronoun could mean: too unclear to
        // choose, and too close to look past for someone further back.
        const named = this.namesCompatible(s, pos, p);
        // "... was Mayor Lee Leffingwell's symbolic vote. 'I'm not ...,' he said.": one person
        // named, and of the pronoun's gender, is whom it stands for, even as no subject.
        if (named.length === 1 && (p === "he" || p === "she") && named[0]!.kind === "person" && named[0]!.gender !== (p === "he" ? "f" : "m")) return named[0]!;
        if (named.length > 0) return null;
        continue;
      }
      const named = [...new Set(evs.filter((e) => e.entity).map((e) => e.entity!))];
      const speaking = [...new Set(evs.filter((e) => e.entity && e.speech).map((e) => e.entity!))];
      const blocked = evs.some((e) => !e.entity);
      const found = named.length === 1 && !blocked ? named[0]! : speaking.length === 1 && !evs.some((e) => !e.entity && e.speech) ? speaking[0]! : null;
      if (found && found.kind === "unknown" && (p === "he" || p === "she")) this.calledPerson.add(found);
      return found;
    }
    return null;
  }

  /** Whom sentence `s` (before `pos`, outside quotes) names that pronoun `p` could stand for. */
  private namesCompatible(s: number, pos: number, p: Pronoun | "person"): Entity[] {
    const sentence = this.article.sentences[s]!;
    const out = new Set<Entity>();
    for (const { mention, entity } of this.mentions) {
      if (mention.start < sentence.start || mention.start >= Math.min(sentence.end, pos)) continue;
      if (this.quoteOfOffset(mention.start) >= 0) continue;
      // "a court in Limerick": a name written as a place here is no one a "she" could mean.
      if (mention.afterPlaceWord && entity.kind !== "person" && p !== "it" && p !== "they") continue;
      // A full name of unknown kind may be a person too: too close to look past.
      const person = entity.kind === "person" || (entity.kind === "unknown" && entity.surname !== null);
      if (p === "he" || p === "she" || p === "person" ? person : entity.kind === "org") out.add(entity);
    }
    return [...out];
  }

  /**
   * A bare role ("the spokesman", "Putin's spokesman") is the nearest person named before it in the
   * article who holds that role anywhere in the corpus; a role known only by its head word is
   * accepted when a single person before it holds such a role.
   */
  private resolveTitle(words: readonly string[], pos: number): Entity | null {
    const clean = words.filter((w) => w !== "the" && w !== "a" && w !== "an");
    const head = clean[clean.length - 1];
    if (!head) return null;
    const mods = clean.slice(0, -1);
    const weak = new Set<Entity>();
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const { mention, entity } = this.mentions[i]!;
      if (mention.start >= pos) continue;
      for (const r of entity.roles.values()) {
        // One office written two ways ("the skipper" of "Captain Shubman Gill") is one role.
        if (sameOffice(r.words[r.words.length - 1]!) !== sameOffice(head)) continue;
        if (mods.every((m) => r.words.includes(m))) return entity;
        weak.add(entity);
      }
    }
    return weak.size === 1 ? [...weak][0]! : null;
  }

  private speakerOf(s: AnalysedSentence, c: Clause): Entity | null {
    return s.resolved.get(c.speaker) ?? null;
  }

  private attribute(qi: number): ExtractedQuote {
    const q = this.marks[qi]!;
    const { article } = this;
    const openS = this.sentences[sentenceAt(article.sentences, q.open)];
    const closeS = this.sentences[sentenceAt(article.sentences, Math.max(q.open, q.close - 1))];
    const text = article.text.slice(q.start, q.end);
    const bo = openS ? openS.frame.findIndex((t) => t.quote === qi) : -1;
    const before = bo > 0 ? openS!.frame[bo - 1] : undefined;
    let kind: QuoteKind = wordCount(text) <= FRAGMENT_MAX_WORDS && !(SHORT_SENTENCE.test(text) && (bo === 0 || before?.text === ":")) ? "fragment" : "statement";
    if ((before && WORDS.quoted.titleIntroducers.has(before.key) && !this.personCalls(openS!, bo - 1)) || isTitleCased(text) || this.ofWork(openS, bo, text)) kind = "title";

    let found: { entity: Entity | null; decided: boolean } = { entity: null, decided: false };
    if (kind !== "title") found = this.cue(qi, text, openS, bo, closeS);
    if (!found.decided) found = { entity: this.continuation(qi, openS), decided: true };
    const speaker = found.entity;
    this.speakers[qi] = speaker;
    this.attributed[qi] = true;
    if (speaker && closeS) this.addEvent({ pos: q.open, sentence: closeS.index, entity: speaker, blocker: null, speech: true });

    const first = sentenceAt(article.sentences, q.open);
    const last = sentenceAt(article.sentences, Math.max(q.open, q.close - 1));
    let contextStart = article.sentences[first]?.start ?? q.open;
    let contextEnd = article.sentences[last]?.end ?? q.close;
    if (contextStart > q.open) contextStart = q.open;
    if (contextEnd < q.end) contextEnd = q.end;
    const onBehalfOf = speaker ? (this.registry.holderOf(speaker) ?? (speaker.kind === "person" ? null : this.behalfIn(first, last))) : null;
    return { article, marks: q, kind, speaker, onBehalfOf, contextStart, contextEnd, prose: this.prose };
  }

  /**
   * "Mr. Reid called “a brochure, not a plan.”": a person or "he"/"she" right before "called"
   * ("dubbed", ...) says the words, where "a plan called “...”" names something.
   */
  /**
   * 'author of "What on Earth? 100 of our Planet's Most Amazing New Species"', 'a reading of
   * "Goodnight Moon"', 'the owner of "Nordic Breeze"': a quotation that opens with a capital right
   * after "of", where the word before "of" is a plain noun (no speech verb or noun, no name: 'spoke
   * of', 'accused Smith of'), names a work, a ship or a thing; it is nobody's statement.
   */
  private ofWork(s: AnalysedSentence | undefined, bo: number, text: string): boolean {
    if (!s || bo < 2 || s.frame[bo - 1]!.key !== "of") return false;
    const first = text.trimStart()[0];
    if (!first || first === first.toLowerCase()) return false;
    const noun = s.frame[bo - 2]!;
    if (!noun.isWord || noun.cap || noun.possessive) return false;
    return !(WORDS.speechVerbs.quoteCues.has(noun.key) || WORDS.speechVerbs.messageCues.has(noun.key) || WORDS.speechNouns.quoteCues.has(noun.key));
  }

  private personCalls(s: AnalysedSentence, verb: number): boolean {
    const subject = s.frame[verb - 1];
    if (!subject || !subject.isWord || subject.possessive) return false;
    if (!subject.cap && (subject.key === "he" || subject.key === "she")) return true;
    return s.clauses.some((c) => c.at === verb && c.speaker.kind === "name" && c.speaker.to === verb - 1);
  }

  /** Does quotation `q` end sentence `close` with "?" or "!" inside its marks, the next sentence following on its line? */
  private questionThenCue(q: QuoteMarks, close: number): boolean {
    const { article } = this;
    const s = article.sentences[close];
    const next = article.sentences[close + 1];
    if (!s || !next) return false;
    const inner = article.text.slice(q.start, q.end).trimEnd();
    if (!/[?!]$/.test(inner)) return false;
    if (article.text.slice(q.close + 1, s.end).trim() !== "") return false;
    return !article.text.slice(s.end, next.start).includes("\n");
  }

  /**
   * The speaker of a clause opening the sentence after a question or exclamation ('"Why now?"
   * Ms Lidholm asked in parliament.'): a name or role right before a verb of speech, at its start.
   */
  private cueInNext(closeS: AnalysedSentence): Entity | null | undefined {
    const next = this.sentences[closeS.index + 1];
    if (!next) return undefined;
    const c = next.clauses.find((x) => x.kind === "speech" && !x.inverted && x.speaker.from === 0 && x.at <= x.speaker.to + 3);
    if (!c || c.speaker.kind === "pronoun" || c.speaker.kind === "other") return undefined;
    return this.speakerOf(next, c);
  }

  /** The cue that names a quotation's speaker, in order of how tightly news copy binds it. */
  private cue(qi: number, text: string, openS: AnalysedSentence | undefined, bo: number, closeS: AnalysedSentence | undefined): { entity: Entity | null; decided: boolean } {
    const decided = (s: AnalysedSentence, c: Clause) => ({ entity: this.speakerOf(s, c), decided: true });
    const bc = closeS ? closeS.frame.findIndex((t) => t.quote === qi) : -1;
    if (closeS && bc >= 0) {
      const frame = closeS.frame;
      const opensOut = /[,?!…—–-]\s*$/.test(text) || /^[,—–-]$/.test(frame[bc + 1]?.text ?? "");
      const glue = (from: number, to: number) => {
        for (let i = from; i < to; i++) if (!/^[,—–-]$/.test(frame[i]!.key) && !WORDS.function.articles.has(frame[i]!.key)) return false;
        return true;
      };
      // 1. Right after the quote: '..., Peskov said' / '..., said Peskov' / '..., he wrote'.
      for (const c of closeS.clauses) {
        if (c.at <= bc || c.at > bc + 12) continue;
        const head = c.inverted ? c.at : Math.min(c.speaker.from, c.at);
        if (!glue(bc + 1, head)) continue;
        const pronounAfter = c.speaker.kind === "pronoun" && !frame[c.speaker.from]!.cap;
        if (opensOut || pronounAfter) return decided(closeS, c);
      }
    }
    if (closeS && bc === closeS.frame.length - 1 && /[?!]\s*$/.test(text)) {
      // 1b. In the next sentence, when the quote ended its own with "?" or "!".
      const next = this.cueInNext(closeS);
      if (next !== undefined) {
        this.cuedNext.add(qi);
        return { entity: next, decided: true };
      }
    }
    if (openS && bo >= 0) {
      // 2. Before the quote in its sentence: 'Peskov said: "...', 'Peskov said the difference was "..."'.
      const lead = openS.clauses.filter((c) => c.at < bo && c.at >= bo - LEAD_REACH && c.kind !== "according");
      if (lead.length) {
        // "Marsh said Tanaka's comments were “unhelpful”": the words judge the comments, and the
        // one who says so speaks; a message noun speaks for its owner only when no verb of saying
        // comes before it ("Putin's message to Biden was, “...”").
        const last = lead[lead.length - 1]!;
        const saying = last.kind === "message-noun" ? lead.find((c) => c.kind === "speech") : undefined;
        // "Glocer was not as bullish as his memo to staff suggested and refused to comment: '...'":
        // a colon hands the quote to the sentence's subject, and a clause inside the predicate
        // whose speaker is no one the text names ("staff") does not take it from a named subject.
        const subject = openS.subject;
        const handed = openS.frame[bo - 1]?.text === ":" && !saying && last.speaker.kind === "other" && subject && subject.to < last.speaker.from ? openS.resolved.get(subject) : undefined;
        if (handed) return { entity: handed, decided: true };
        return decided(openS, saying ?? last);
      }
    }
    if (closeS && bc >= 0) {
      // 3. Later in the sentence: 'it is "premature" to ..., Peskov said on Monday.'
      const tail = closeS.clauses.find((c) => c.at > bc && c.kind === "speech");
      if (tail) return decided(closeS, tail);
    }
    if (openS && bo >= 0) {
      // 4. 'According to X, ...'
      const acc = openS.clauses.filter((c) => c.at < bo && c.kind === "according");
      if (acc.length) return decided(openS, acc[acc.length - 1]!);
      // 5. A colon that hands the sentence to the quote: 'She went on: "..."'. The subject speaks.
      const subject = openS.subject;
      if (bo > 0 && openS.frame[bo - 1]!.text === ":" && subject && subject.to < bo - 1) {
        const entity = openS.resolved.get(subject) ?? null;
        if (entity) return { entity, decided: true };
      }
      // 6. A round-up's label opening the sentence: 'Susan Lerner, executive director of Common
      // Cause: "..."', 'Rep. Tom Suozzi (D-Glen Cove) in a statement: "..."'. No verb, one speaker.
      if (bo > 1 && openS.frame[bo - 1]!.text === ":" && !subject && openS.clauses.every((c) => c.at > bo)) {
        const span = this.article.sentences[openS.index]!;
        const entity = this.labelled(openS.frame.slice(0, bo - 1), span.start, openS.frame[bo - 1]!.start);
        if (entity) return { entity, decided: true };
      }
    }
    return { entity: null, decided: false };
  }

  /**
   * A reaction round-up's label: a paragraph of its own such as "U.S. Sen. John Kennedy, R-La:"
   * or "Oro Valley Mayor Satish Hiremath", and then the quotation. A short line that ends in a
   * colon or in no punctuation at all, with no verb (no subject, no clause), and names one person
   * (or one body) is that speaker's.
   */
  private labelSpeaker(s: AnalysedSentence): Entity | null {
    const { frame } = s;
    const span = this.article.sentences[s.index]!;
    const paragraph = this.article.paragraphs[span.paragraph]!;
    if (paragraph.sentences.length !== 1 || s.subject || s.clauses.length > 0) return null;
    const end = frame[frame.length - 1];
    if (!end || !(end.text === ":" || end.isWord)) return null;
    return this.labelled(frame.slice(0, -1), span.start, span.end);
  }

  /**
   * The one speaker a label names: frame tokens `words` (no verb among them), text [from, to).
   * A place or a capitalised first word ("Fire chief ...") names no one who speaks; of several
   * people, the one the label opens with ("Letitia James, whose report on Cuomo ...:").
   */
  private labelled(words: SentenceAnalysis["frame"], from: number, to: number): Entity | null {
    if (words.filter((t) => t.isWord).length > LABEL_MAX_WORDS || words.some((t) => t.quote >= 0)) return null;
    const named: { start: number; roleStart: number; entity: Entity }[] = [];
    for (const { mention, entity } of this.mentions) if (mention.start >= from && mention.start < to && !mention.possessive) named.push({ start: mention.start, roleStart: mention.roleStart, entity });
    // "Republican National Committee spokeswoman Rachel Lee:": a name inside another's role is
    // that person's employer, not a second speaker.
    const inRole = (n: { start: number }): boolean => named.some((o) => o.roleStart <= n.start && n.start < o.start);
    for (let i = named.length - 1; i >= 0; i--) if (inRole(named[i]!)) named.splice(i, 1);
    const people = [...new Set(named.filter(({ entity: e }) => e.kind === "person" || (e.kind === "unknown" && e.surname !== null)).map((n) => n.entity))];
    // The speaker heads the label, after nothing but capitalised or role words ("Oro Valley Mayor
    // Satish Hiremath"); a line that reaches a name later is about something ("On what it means
    // to win his first World Cup:").
    const heads = (e: Entity): boolean =>
      named.some((n) => n.entity === e && words.every((t) => !t.isWord || t.start >= Math.min(n.start, n.roleStart) || t.cap || isTitleWord(t) || WORDS.function.articles.has(t.key)));
    if (people.length === 0) {
      const bodies = [...new Set(named.filter((n) => n.entity.kind === "org").map((n) => n.entity))];
      return bodies.length === 1 && heads(bodies[0]!) ? bodies[0]! : null;
    }
    if (people.length === 1) return heads(people[0]!) ? people[0]! : null;
    const opening = named.find((n) => people.includes(n.entity));
    return opening && (opening.roleStart <= from || opening.start <= (words.find((t) => t.isWord)?.start ?? from)) ? opening.entity : null;
  }

  /**
   * Is text [from, to) a bare name line: two to a dozen words, each capitalised or a role word,
   * ending in a capitalised one, with no punctuation but a name's own (not "PA Wire/PA Images",
   * "Advertisement", "Story continues below advertisement").
   */
  private isNameLine(from: number, to: number): boolean {
    const toks = tokenize(this.article.text, from, to);
    const words = toks.filter((t) => t.isWord);
    if (words.length < 2 || words.length > LABEL_MAX_WORDS || !words[words.length - 1]!.cap) return false;
    return toks.every((t) => (t.isWord ? t.cap || isTitleWord(t) : t.text === "," || t.text === "-"));
  }

  /**
   * The one person a bare name line [from, to) names, by a name the article gives in full
   * elsewhere: the line's words before its first comma (the role after it is left), read as the
   * longest run of capitalised words that ends the name.
   */
  private nameLineSpeaker(from: number, to: number): Entity | null {
    const toks = tokenize(this.article.text, from, to);
    const comma = toks.findIndex((t) => t.text === ",");
    const head = (comma >= 0 ? toks.slice(0, comma) : toks).filter((t) => t.isWord);
    const tail = comma >= 0 ? toks.slice(comma + 1) : [];
    // The role after the comma is a few words ("centre", "head coach"), with no further punctuation.
    if (toks.filter((t) => t.isWord).length > LABEL_MAX_WORDS || tail.some((t) => !t.isWord) || tail.length > 4) return null;
    if (!head.length || !head[0]!.cap || !head[head.length - 1]!.cap) return null;
    const keys = head.map((t) => t.key);
    const found = new Set<Entity>();
    for (const { mention, entity } of this.mentions) {
      const k = mention.keys;
      if (k.length < 2 || k.length > keys.length || !(entity.kind === "person" || (entity.kind === "unknown" && entity.surname !== null))) continue;
      // The name ends the words before the comma; any words before it are capitalised (a role).
      if (!k.every((w, i) => w === keys[keys.length - k.length + i])) continue;
      if (head.slice(0, head.length - k.length).every((t) => t.cap || isTitleWord(t))) found.add(entity);
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  /**
   * Is sentence `i` an interviewer's prompt: a paragraph of one sentence that ends in a colon and
   * is not a label, with no speech clause, no quotation and no subject but a pronoun ("On how it
   * feels:", "On whether he will play on:", "In her words:"). A prompt speaks for no one.
   */
  private isPrompt(i: number): boolean {
    const a = this.sentences[i];
    const span = this.article.sentences[i];
    if (!a || !span || this.article.paragraphs[span.paragraph]!.sentences.length !== 1) return false;
    if (a.frame[a.frame.length - 1]?.text !== ":" || a.clauses.length > 0 || a.frame.some((t) => t.quote >= 0)) return false;
    // A subject other than a pronoun for the speaker ("Keel did not mince her words:") leads in
    // a quotation of its own.
    if (a.subject && a.subject.kind !== "pronoun") return false;
    return this.labelSpeaker(a) === null;
  }

  /**
   * Are sentences [from, to) in the paragraph of sentence `to`, read, and free of speech clauses,
   * names and pronouns that could bring in someone else?
   */
  private onlyNarration(from: number, to: number): boolean {
    const { sentences } = this.article;
    const paragraph = sentences[to]!.paragraph;
    for (let s = from; s < to; s++) {
      const a = this.sentences[s];
      if (!a || sentences[s]!.paragraph !== paragraph || a.clauses.length > 0 || a.subject) return false;
      if (a.frame.some((t) => t.quote >= 0)) return false;
      if (this.mentions.some(({ mention }) => mention.start >= sentences[s]!.start && mention.start < sentences[s]!.end)) return false;
    }
    return true;
  }

  /**
   * A quotation with no cue of its own, standing alone as its sentence, continues the speaker of
   * the quotation just before it: in the previous sentence of the same paragraph, or ending the
   * previous paragraph when this one opens with the quotation.
   */
  private continuation(qi: number, openS: AnalysedSentence | undefined): Entity | null {
    // Alone in its sentence: nothing outside the marks but punctuation.
    if (!openS || openS.frame.some((t) => t.isWord)) return null;
    // An interviewer's prompt on a line of its own ("On how it feels:") hands the turn back to
    // the speaker before it: it is read as if the quotation followed that speaker directly.
    const prompt = this.isPrompt(openS.index - 1) ? 1 : 0;
    // A line the cleaning left out just before it (a round-up's bare label, "Oro Valley Mayor
    // Satish Hiremath", "Jane Roe, centre") names the speaker when it names one person the article
    // names elsewhere; otherwise it may name someone else, and the turn before does not run on.
    const prevSentence = this.article.sentences[openS.index - 1 - prompt];
    const here = this.article.sentences[openS.index - prompt]!.start;
    const lines = prevSentence ? this.article.furniture.filter((f) => f.start >= prevSentence.end && f.end <= here) : [];
    for (const f of lines) {
      const named = this.nameLineSpeaker(f.start, f.end);
      if (named) return named;
    }
    if (lines.some((f) => this.isNameLine(f.start, f.end))) return null;
    if (qi > 0 && this.attributed[qi - 1]) {
      const prev = this.marks[qi - 1]!;
      const prevSentence = sentenceAt(this.article.sentences, Math.max(prev.open, prev.close - 1));
      // After '"Why?" Lidholm asked.', the attribution's sentence stands between the two.
      const prevEnd = this.cuedNext.has(qi - 1) ? prevSentence + 1 : prevSentence;
      if (prevEnd === openS.index - 1 - prompt || prevSentence === openS.index) return this.speakers[qi - 1] ?? null;
      // '"It's not one program," Moore said. But there are more cuts in the technical staff.
      // "There's a lot of veterans here."': in one paragraph, a sentence that only paraphrases
      // (no one named, no one speaking) does not end the speaker's turn.
      if (prevEnd < openS.index - 1 && openS.index - 1 - prevEnd <= NARRATION_GAP && this.onlyNarration(prevEnd + 1, openS.index)) return this.speakers[qi - 1] ?? null;
    }
    // Or the reported speech just before it, with no quotation of its own: 'Lindqvist says the
    // mood is calm but determined.' and then the quotation, alone.
    const before = this.sentences[openS.index - 1 - prompt];
    if (!before || before.frame.some((t) => t.quote >= 0)) return null;
    const label = this.labelSpeaker(before);
    if (label) return label;
    const speech = before.clauses.filter((c) => c.kind === "speech");
    if (speech.length === 1) return this.speakerOf(before, speech[0]!);
    // 'He said results that showed a loss still suggest the firm is on track.': of several, the
    // verb of the sentence's own subject reports; the others are inside what is reported.
    const main = speech.filter((c) => c.speaker.from === before.subject?.from && c.speaker.to === before.subject.to);
    return main.length === 1 ? this.speakerOf(before, main[0]!) : null;
  }
}

/**
 * Name mentions of the whole corpus, from one tokenizing pass. Whether a capitalised word at a
 * sentence start is a name depends on how the rest of the corpus writes it, which is known only at
 * the end; the few sentences where that decided something are read again then.
 */
function corpusMentions(articles: readonly Article[]): { perArticle: Mention[][]; vocab: Vocabulary } {
  const vocab = new Vocabulary();
  const deferred: { article: number; offset: number }[] = [];
  const perArticle = articles.map((a, ai) => {
    const out: Mention[] = [];
    for (const p of a.paragraphs) {
      const toks = tokenize(a.text, p.start, p.end);
      const initial = sentenceStarts(a.text, toks, sentencesOf(a, p.index));
      vocab.observe(toks, initial, ai);
      const provisional = (t: Tok) => {
        const shape = Vocabulary.byShape(t);
        if (shape !== null) return shape;
        deferred.push({ article: ai, offset: t.start });
        return false;
      };
      out.push(...findMentions(a.text, toks, initial, provisional));
    }
    return out;
  });

  // Sentences whose first word turned out to be an ordinary word: read again with the full vocabulary.
  const redo = new Map<number, Set<number>>();
  for (const d of deferred) {
    const a = articles[d.article]!;
    const t = tokenize(a.text, d.offset, Math.min(a.text.length, d.offset + 80))[0];
    if (!t || !vocab.isOrdinaryAtStart(t)) continue;
    const set = redo.get(d.article) ?? new Set<number>();
    set.add(sentenceAt(a.sentences, d.offset));
    redo.set(d.article, set);
  }
  for (const [ai, sentences] of redo) {
    const a = articles[ai]!;
    let list = perArticle[ai]!;
    for (const si of sentences) {
      const s = a.sentences[si]!;
      const toks = tokenize(a.text, s.start, s.end);
      const again = findMentions(a.text, toks, sentenceStarts(a.text, toks, [s]), (t) => vocab.isOrdinaryAtStart(t));
      const before = list.filter((m) => m.start < s.start);
      const after = list.filter((m) => m.start >= s.end);
      list = [...before, ...again, ...after];
    }
    perArticle[ai] = list;
  }
  return { perArticle, vocab };
}

/** Extracts every quotation of the corpus with its speaker. */
export function extractQuotes(articles: readonly Article[]): Extraction {
  const { perArticle, vocab } = corpusMentions(articles);

  // Entities across the corpus.
  const registry = new EntityRegistry();
  const placed: PlacedMention[] = perArticle.flatMap((ms, article) => ms.map((mention) => ({ article, mention })));
  registry.registerFullNames(placed);
  registry.weighSurnames(perArticle);

  const mentions: ResolvedMention[][] = [];
  const byMention = new Map<Mention, Entity>();
  perArticle.forEach((ms, ai) => {
    const inArticle = new Map<string, number[]>();
    const shortForms = new Map<string, Set<number>>();
    const resolved: ResolvedMention[] = [];
    for (const m of ms) {
      const entity = registry.resolve(m, inArticle, shortForms);
      if (m.keys.length >= 2) {
        const ids = shortForms.get(m.keys[0]!) ?? new Set<number>();
        ids.add(entity.id);
        shortForms.set(m.keys[0]!, ids);
      }
      registry.observe(entity, ai, m, m.keys.length === 1 && (inArticle.get(m.keys[0]!)?.includes(entity.id) ?? false));
      if (m.keys.length >= 2 && entity.surname) {
        // Most recently named in full last.
        const named = (inArticle.get(entity.surname) ?? []).filter((id) => id !== entity.id);
        named.push(entity.id);
        inArticle.set(entity.surname, named);
      }
      byMention.set(m, entity);
      resolved.push({ mention: m, entity });
    }
    mentions.push(resolved);
  });
  registry.finish();

  // Close reading around each quotation.
  const quotes: ExtractedQuote[] = [];
  articles.forEach((a, ai) => {
    const marks = findQuoteMarks(a).filter((q) => /[\p{L}\p{N}]/u.test(a.text.slice(q.start, q.end)));
    const transcript = findTranscript(a);
    const embeds = findEmbeds(a);
    if (marks.length === 0 && !transcript && embeds.length === 0) return;
    const reader = new ArticleReader(a, ai, marks, mentions[ai]!, byMention, registry, transcript ? [transcript.firstQuestion] : []);
    const found = reader.read();
    if (transcript) {
      // An answer that itself holds quote marks is left to them.
      const speaker = reader.interviewee(transcript.firstQuestion);
      for (const span of transcript.answers) if (!marks.some((m) => m.open < span.end && m.close > span.start)) found.push(reader.answer(span, speaker));
      found.sort((x, y) => x.marks.start - y.marks.start);
    }
    // An embedded post is its credited author's, when the credit names someone the corpus knows.
    for (const e of embeds) {
      if (marks.some((m) => m.open < e.post.end && m.close > e.post.start)) continue;
      const toks = tokenize(a.text, e.credit.start, e.credit.end);
      const named = findMentions(a.text, toks, new Set([0]), (t) => Vocabulary.byShape(t) === true).at(-1);
      const key = named?.keys.join(" ");
      const speaker = !named || !key ? undefined : named.keys.length >= 2 ? registry.entityForFullKey(key) : registry.entityForSingle(key);
      if (speaker) found.push(reader.answer(e.post, speaker));
    }
    found.sort((x, y) => x.marks.start - y.marks.start);
    quotes.push(...found);
  });
  return { registry, quotes, mentions, vocab };
}
