/**
 * Extractive question answering, verbatim and cited:
 *  1. read the question: what kind of answer it wants, which words are key and which are filler;
 *  2. find each word in the coverage (exactly, as a derivation, or as a likely typo), and refuse,
 *     naming the words, when a key word is nowhere in it;
 *  3. rank passages (BM25) and score only the sentences inside the top ones, by how much of the
 *     question they cover (with their paragraph as context) and whether they carry what the
 *     question asks for (a reason, a time, a number, people, the speaker's own words);
 *  4. lead with the best sentence, cite every outlet that reports it in near-identical words
 *     together, then add excerpts that say something new.
 * Nothing is rewritten: every excerpt is a span of an article.
 */
import type { Span } from "../corpus/types.js";
import type { PassageIndex } from "../search/passage-index.js";
import { citeSpan } from "./citation.js";
import { sameReport, sourceKey } from "./corroborate.js";
import { countCue, definitionCue, hasQuotation, peopleCue, placeCue, reasonCue, speechCue, timeCue } from "./cues.js";
import { analyzeQuestion, type Question, type QuestionWord } from "./question.js";
import { contextOf, nextInParagraph, viewOf, type SentenceView } from "./sentence-view.js";
import type { AskResult, Citation } from "./types.js";

export interface AskOptions {
  /** Passages whose sentences are scored. */
  passages?: number;
  /** Excerpts shown in their own right, the lead included (corroborating citations come on top). */
  maxExcerpts?: number;
  /** Share of the question's weight the lead (with its context) must cover. */
  minCoverage?: number;
  /** How much fitting the question's kind (a reason for "why"...) weighs against coverage. */
  kindWeight?: number;
  /** Switches for measuring what each technique contributes; all on by default. */
  use?: Partial<Techniques>;
}

export interface Techniques {
  /** Question kinds and their answer cues. */
  kinds: boolean;
  /** Typo correction for unknown words. */
  typos: boolean;
  /** Derivational relatives (congratulate / congratulatory). */
  relatives: boolean;
  /** The paragraph and the sentence before count (at half weight) as context. */
  context: boolean;
  /** Near-identical reports across outlets cited together. */
  corroboration: boolean;
  /** Filler words never cause a refusal, and missing key words do. */
  keyWords: boolean;
  /** Sentences where the question's words stand close together score higher. */
  proximity: boolean;
}

const DEFAULTS = { passages: 20, maxExcerpts: 3, minCoverage: 0.5, kindWeight: 0.35 };
/** Most that matching every filler word can add to coverage. */
const SOFT_BONUS = 0.1;
/** Bonus for the question's words standing close together in the sentence (at most this). */
const PROXIMITY_BONUS = 0.3;
/** Bonus per further outlet reporting the same thing, and its cap. */
const SUPPORT_BONUS = 0.06;
const SUPPORT_BONUS_MAX = 0.18;
/** Excerpts after the lead must score at least this share of the lead's score. */
const MIN_SHARE_OF_LEAD = 0.6;
/** Among excerpts after the lead, one from an outlet not yet cited counts this much extra. */
const NEW_OUTLET_BONUS = 0.1;
const ALL_TECHNIQUES: Techniques = { kinds: true, typos: true, relatives: true, context: true, corroboration: true, keyWords: true, proximity: true };

/** How much a match counts, by how it was made. */
const STRENGTH = { exact: 1, relative: 0.6, typo1: 0.85, typo2: 0.7 };

interface ResolvedWord extends QuestionWord {
  /** Index terms that stand for the word, with how strongly. */
  reach: Map<string, number>;
  /** IDF weight of the word (0 when not found). */
  weight: number;
  /** Found only by typo correction: must then appear in the sentence itself. */
  corrected: boolean;
}

interface Candidate {
  view: SentenceView;
  /** Passage rank the sentence came from (0 = best). */
  rank: number;
  coverage: number;
  /** 0..1: how well it carries what the question's kind asks for. */
  fit: number;
  eligible: boolean;
  score: number;
}

function refuse(question: Question, reason: string, notFound: string[] = []): AskResult {
  return { question: question.text, answer: null, citations: [], notFound, reason, support: 0, kind: question.kind };
}

function quoteList(ws: readonly string[]): string {
  const q = ws.map((w) => `"${w}"`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}

function andList(ws: readonly string[]): string {
  const q = ws.map((w) => `"${w}"`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

function resolve(index: PassageIndex, w: QuestionWord, use: Techniques): ResolvedWord {
  const reach = new Map<string, number>();
  let corrected = false;
  if (index.knows(w.term)) reach.set(w.term, STRENGTH.exact);
  else if (use.typos) {
    const fix = index.correct(w.word);
    for (const t of fix.terms) reach.set(t, fix.distance <= 1 ? STRENGTH.typo1 : STRENGTH.typo2);
    corrected = reach.size > 0;
  }
  if (use.relatives) {
    for (const base of [...reach.keys(), ...(reach.size === 0 ? [w.term] : [])]) {
      for (const r of index.relatives(base)) if (!reach.has(r)) reach.set(r, STRENGTH.relative);
    }
  }
  let weight = 0;
  for (const [t, s] of reach) weight = Math.max(weight, index.idf(t) * s);
  return { ...w, reach, weight, corrected };
}

/** How strongly a sentence's terms contain the word (0 when they do not). */
function matchIn(terms: ReadonlySet<string>, w: ResolvedWord): number {
  let best = 0;
  for (const [t, s] of w.reach) if (s > best && terms.has(t)) best = s;
  return best;
}

/** Key words a sentence may lack (with its context) and still answer: none of two, one of three... */
function allowedMissing(keyCount: number): number {
  return keyCount >= 3 ? Math.floor(keyCount / 3) : 0;
}

export function ask(index: PassageIndex, question: string, options: AskOptions = {}): AskResult {
  const opts = { ...DEFAULTS, ...options };
  const use: Techniques = { ...ALL_TECHNIQUES, ...options.use };
  const q = analyzeQuestion(question);
  if (!use.kinds) q.kind = "general";
  if (!use.keyWords) for (const w of q.words) if (w.role === "soft") w.role = "key";
  if (q.words.length === 0) return refuse(q, "Please ask a question with at least one topic word.");

  const resolved = q.words.map((w) => resolve(index, w, use));
  const required = resolved.filter((w) => w.role !== "soft");
  if (required.length === 0) return refuse(q, "The question names no topic to look up in the coverage.");
  // A name the coverage lacks, or more than one word in three, and the question is about something
  // else. One missing ordinary word among several found ones ("meet" for "gathered") may only be
  // wording, so the sentences get to show whether they answer without it.
  const unknown = required.filter((w) => w.reach.size === 0);
  const tolerable = unknown.length <= allowedMissing(required.length) && unknown.every((w) => !w.proper && w.role === "key");
  if (unknown.length > 0 && (!tolerable || !use.keyWords)) {
    const notFound = unknown.map((w) => w.word);
    return refuse(q, `The coverage doesn't say: no article mentions ${quoteList(notFound)}.`, notFound);
  }
  // An unknown word is as specific as a word can be: it weighs like a term found in one passage.
  for (const w of unknown) w.weight = index.idf1();
  const soft = resolved.filter((w) => w.role === "soft" && w.reach.size > 0);
  const speaker = resolved.filter((w) => w.role === "speaker");
  const questionTerms = new Set<string>();
  for (const w of resolved) {
    questionTerms.add(w.term);
    for (const t of w.reach.keys()) questionTerms.add(t);
  }
  const idfs = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfs.get(t);
    if (v === undefined) idfs.set(t, (v = index.idf(t)));
    return v;
  };
  // IDF alone would make the story's main names (in every passage) nearly free to leave out;
  // adding the mean IDF to every word keeps each of them worth something.
  const meanIdf = required.reduce((sum, w) => sum + w.weight, 0) / required.length;
  for (const w of required) w.weight += meanIdf;
  const totalWeight = required.reduce((sum, w) => sum + w.weight, 0) || 1;
  // What the question says was done ("who congratulated..."): the first key word that is no name.
  const action = required.find((w) => !w.proper && w.role === "key");
  const actionTerms = new Set(action ? action.reach.keys() : []);

  // Retrieval: passages by BM25 over the required words' terms; sentences are scored only there.
  const queryTerms = [...new Set(required.flatMap((w) => [...w.reach.keys()]))];
  const hits = index.search(queryTerms, opts.passages);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const { article, paragraph } = hit.passage;
    // The paragraph after a hit too: its opening sentence often carries on with "he said".
    const following = article.paragraphs[paragraph.index + 1]?.sentences[0];
    for (const si of following === undefined ? paragraph.sentences : [...paragraph.sentences, following]) {
      const key = `${article.id}#${si}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(scoreSentence(viewOf(article, si), rank));
    }
  });

  function scoreSentence(view: SentenceView, rank: number): Candidate {
    const context = use.context ? contextOf(view) : [];
    let covered = 0;
    let missing = 0;
    let properMissing = false;
    for (const w of required) {
      let m = matchIn(view.terms, w);
      // Context counts for less, and names least: a name only nearby is often someone else's story.
      // A yes/no question asks whether one statement holds: only the sentence itself can say so,
      // though it may name its subject as "he" or "the Russian President" after an earlier mention.
      const name = w.proper && w.role === "key";
      const contextCredit = name ? 0.25 : q.kind === "yesno" ? 0 : 0.5;
      if (m === 0 && !w.corrected) m = contextCredit * Math.max(0, ...context.map((c) => matchIn(c.terms, w)));
      if (m === 0) {
        missing++;
        if (w.proper) properMissing = true;
      }
      covered += w.weight * m;
    }
    // Filler words that match add a little, never enough to outweigh a key word.
    let softMatched = 0;
    for (const w of soft) softMatched += matchIn(view.terms, w);
    const coverage = covered / totalWeight + (soft.length > 0 ? (SOFT_BONUS * softMatched) / soft.length : 0);
    const fit = kindFit(view);
    const tolerated = q.kind === "yesno" ? 0 : allowedMissing(required.length);
    let eligible = !properMissing && missing <= tolerated && coverage >= opts.minCoverage;
    if (q.kind === "speech" && speechCue(view, speaker.map((w) => w.term)) < 0.8) eligible = false;
    // "Who is X?" is answered by a sentence that says what X is, not by any mention of X.
    if (q.kind === "definition" && fit === 0) eligible = false;
    // A question in the coverage ("Since when does...?") rarely answers one.
    const quality = (/\?\W*$/.test(view.text) && !hasQuotation(view) ? -0.2 : 0) + (view.tokens.length < 6 ? -0.1 : 0);
    const score = coverage + opts.kindWeight * fit + (use.proximity ? PROXIMITY_BONUS * proximity(view) : 0) + quality + 0.03 / (rank + 1);
    return { view, rank, coverage, fit, eligible, score };
  }

  /**
   * How tightly the question's words sit together in the sentence: the share of them present,
   * times how densely they fill the stretch of content words from the first to the last (1 when
   * adjacent). Zero for fewer than two.
   */
  function proximity(view: SentenceView): number {
    const positions: number[] = [];
    let matched = 0;
    let ordinal = -1;
    for (const w of required) {
      let found = false;
      ordinal = -1;
      for (const t of view.tokens) {
        if (!t.term) continue;
        ordinal++;
        if (w.reach.has(t.term)) {
          positions.push(ordinal);
          found = true;
        }
      }
      if (found) matched++;
    }
    if (matched < 2) return 0;
    const width = Math.max(...positions) - Math.min(...positions) + 1;
    return (matched / required.length) * Math.min(1, matched / width);
  }

  function kindFit(view: SentenceView): number {
    switch (q.kind) {
      case "reason":
        return reasonCue(view);
      case "time":
        return timeCue(view, questionTerms);
      case "count":
        return countCue(view, questionTerms);
      case "person":
        return peopleCue(view, questionTerms, actionTerms);
      case "definition":
        return definitionCue(view, new Set(required.filter((w) => w.proper).flatMap((w) => [...w.reach.keys()])));
      case "place":
        return placeCue(view, questionTerms);
      case "speech":
        return 0.6 * speechCue(view, speaker.map((w) => w.term)) + 0.4 * (hasQuotation(view) ? 1 : 0);
      default:
        return 0;
    }
  }

  candidates.sort((a, b) => b.score - a.score);
  // What several outlets report alike is the safer lead: a bonus per further outlet.
  if (use.corroboration) {
    for (const c of candidates.filter((x) => x.eligible).slice(0, 12)) {
      const outlets = new Set(candidates.filter((o) => o.view.article !== c.view.article && sameReport(c.view, o.view, idf)).map((o) => sourceKey(o.view)));
      outlets.delete(sourceKey(c.view));
      c.score += Math.min(SUPPORT_BONUS_MAX, SUPPORT_BONUS * outlets.size);
    }
    candidates.sort((a, b) => b.score - a.score);
  }
  const eligible = candidates.filter((c) => c.eligible);
  const lead = eligible[0];
  if (!lead) {
    const notFound = unknown.map((w) => w.word);
    if (notFound.length > 0) return refuse(q, `The coverage doesn't say: no article mentions ${quoteList(notFound)}.`, notFound);
    return refuse(q, unansweredReason(q, required, speaker));
  }

  const same = (a: SentenceView, b: SentenceView) => use.corroboration && sameReport(a, b, idf);

  /** Other articles' versions of `c`'s report, the best-scored one per article. */
  function corroborators(c: Candidate, pool: readonly Candidate[], taken: ReadonlySet<string>): Candidate[] {
    const byArticle = new Map<string, Candidate>();
    for (const o of pool) {
      const id = o.view.article.id;
      if (id === c.view.article.id || taken.has(id) || byArticle.has(id)) continue;
      if (same(c.view, o.view)) byArticle.set(id, o);
    }
    return [...byArticle.values()];
  }

  // Outlets that carry the lead in near-identical words may sit outside the question's top
  // passages: look once more with the lead's own most distinctive terms.
  let pool = candidates;
  if (use.corroboration) {
    const distinctive = [...lead.view.terms].sort((a, b) => idf(b) - idf(a)).slice(0, 8);
    const extra: Candidate[] = [];
    for (const hit of index.search(distinctive, 8)) {
      for (const si of hit.passage.paragraph.sentences) {
        const key = `${hit.passage.article.id}#${si}`;
        if (seen.has(key)) continue;
        seen.add(key);
        extra.push(scoreSentence(viewOf(hit.passage.article, si), opts.passages));
      }
    }
    pool = [...candidates, ...extra];
  }

  interface Shown {
    main: Candidate;
    span: Span;
    others: Candidate[];
  }
  const shown: Shown[] = [];
  const used: Candidate[] = [];
  const citedSources = new Set<string>();
  const add = (main: Candidate) => {
    const others = corroborators(main, pool, new Set());
    shown.push({ main, span: answerSpan(main), others });
    used.push(main, ...others);
    citedSources.add(sourceKey(main.view));
    for (const o of others) citedSources.add(sourceKey(o.view));
  };

  /** The lead sentence, joined with the next one when that one carries what the first lacks. */
  function answerSpan(c: Candidate): Span {
    const span = { start: c.view.sentence.start, end: c.view.sentence.end };
    const next = nextInParagraph(c.view);
    if (!next) return span;
    // A sentence that restates the question without what it asks for is usually followed by it.
    const needsNext = q.kind !== "general" && q.kind !== "yesno" && c.fit === 0;
    const tooShort = c.view.tokens.length < 8 || /:\s*$/.test(c.view.text);
    return needsNext || tooShort ? { start: span.start, end: next.sentence.end } : span;
  }

  add(lead);
  // Then other reports, best first, an outlet not yet cited counting a little extra; never a
  // repeat of a report already cited, nor the span of an excerpt already shown.
  const rest = eligible.slice(1).filter((c) => c.score >= MIN_SHARE_OF_LEAD * lead.score);
  while (shown.length < opts.maxExcerpts) {
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of rest) {
      if (used.some((u) => u.view === c.view || same(u.view, c.view))) continue;
      if (shown.some((s) => s.main.view.article === c.view.article && c.view.sentence.start < s.span.end && c.view.sentence.end > s.span.start)) continue;
      const adjusted = c.score + (citedSources.has(sourceKey(c.view)) ? 0 : NEW_OUTLET_BONUS);
      if (adjusted > bestScore) {
        best = c;
        bestScore = adjusted;
      }
    }
    if (!best) break;
    add(best);
  }

  const citations: Citation[] = [];
  const markersOf: string[] = [];
  for (const s of shown) {
    const n = citations.length + 1;
    citations.push(citeSpan(n, s.main.view.article, s.span));
    const markers = [`[${n}]`];
    for (const o of s.others) {
      const m = citations.length + 1;
      citations.push(citeSpan(m, o.view.article, o.view.sentence, n));
      markers.push(`[${m}]`);
    }
    markersOf.push(markers.join(""));
  }
  const leadShown = shown[0]!;
  const support = new Set([leadShown.main, ...leadShown.others].map((c) => sourceKey(c.view))).size;
  return {
    question: q.text,
    answer: `${citations[0]!.excerpt} ${markersOf[0]}`,
    citations,
    notFound: [],
    reason: null,
    support,
    kind: q.kind,
  };
}

/** Why nothing answers although every key word is somewhere in the coverage. */
function unansweredReason(q: Question, required: readonly ResolvedWord[], speaker: readonly ResolvedWord[]): string {
  if (q.kind === "definition") {
    return `The coverage doesn't say: it mentions ${andList(required.map((w) => w.word))} but never says who or what that is.`;
  }
  if (q.kind === "speech" && speaker.length > 0) {
    const topic = required.filter((w) => w.role === "key").map((w) => w.word);
    const who = speaker.map((w) => w.word).join(" ");
    return topic.length > 0
      ? `The coverage doesn't say: it never quotes ${who} on ${andList(topic)}.`
      : `The coverage doesn't say: it never quotes ${who}.`;
  }
  return `The coverage doesn't say: no passage brings together ${andList(required.map((w) => w.word))}.`;
}
