/**
 * Extractive question answering, verbatim and cited:
 *  1. read the question: what kind of answer it wants, which words are key and which are filler
 *     (question.ts);
 *  2. find each word in the coverage (exactly, as a derivation, or as a likely typo), and refuse,
 *     naming the words, when a key word is nowhere in it (resolve.ts);
 *  3. rank passages (BM25) and score only the sentences inside the top ones (score.ts);
 *  4. lead with the best sentence, cite every outlet that reports it in near-identical words
 *     together, then add excerpts that say something new (select.ts, corroborate.ts).
 * Nothing is rewritten: every excerpt is a span of an article.
 */
import { dropFootnoteMarks } from "../text/footnotes.js";
import type { PassageIndex } from "../search/passage-index.js";
import { citeSpan, type Citation } from "../citation/citation.js";
import { settings as settingsFrom, type AskOptions, type Settings } from "./options.js";
import { analyzeQuestion, type Question } from "./question.js";
import { allowedMissing, matchIn, resolveWord, STRENGTH, type ResolvedWord } from "./resolve.js";
import { roleHolder } from "./role-holder.js";
import { SentenceScorer, type Candidate } from "./score.js";
import { selectExcerpts } from "./select.js";
import { reportComparer, sourceKey } from "./corroborate.js";
import { candidateScore, confidence, type AnswerModel, type QuestionFeatures } from "./model.js";
import { viewOf } from "./sentence-view.js";
import type { AskResult } from "./types.js";

export type { AskOptions, Techniques } from "./options.js";

/** Articles whose headline states a why-question's event, and how many of their first sentences, scored beyond the top passages. */
const HEADLINE_ARTICLES = 3;
const HEADLINE_SENTENCES = 40;

/** A question read and its candidate sentences scored, before the model and selection. */
export interface Gathered {
  q: Question;
  required: ResolvedWord[];
  /** Required words the coverage lacks in any form (none of them a name). */
  unknown: ResolvedWord[];
  scorer: SentenceScorer;
  candidates: Candidate[];
  seen: Set<string>;
  settings: Settings;
  idf: (t: string) => number;
  question: QuestionFeatures;
}

/**
 * Stages 1-4 of `ask`: read the question, expand its words (exactly, as derivations and typos,
 * through word meaning), retrieve passages and featurize their sentences. Returns a refusal
 * instead when the question cannot be looked up at all: no topic words, or a name (or number) the
 * coverage lacks in every form.
 */
export function gather(index: PassageIndex, question: string, options: AskOptions = {}): Gathered | AskResult {
  const settings = settingsFrom(options);
  const { use } = settings;
  const q = analyzeQuestion(question);
  if (!use.kinds) q.kind = "general";
  if (!use.keyWords) for (const w of q.words) if (w.role === "soft") w.role = "key";
  if (q.words.length === 0) return refuse(q, "Please ask a question with at least one topic word.");

  // A word typed in lower case that the coverage only ever writes as a name is one ("merkel").
  const typedNames = new Set(q.words.filter((w) => w.proper).map((w) => w.term));
  if (use.kinds) for (const w of q.words) if (!w.proper && w.role !== "soft" && index.knows(w.term) && index.writesAsName(w.term)) w.proper = true;
  if (q.kind === "person" && q.copula !== null && q.copula.every((t) => q.words.some((w) => w.term === t && w.proper))) q.kind = "definition";
  const words = q.words.map((w) => resolveWord(index, w, use, q.kind === "yesno"));
  const required = words.filter((w) => w.role !== "soft");
  if (required.length === 0) return refuse(q, "The question names no topic to look up in the coverage.");
  const unknown = required.filter((w) => w.reach.size === 0);
  // A name (or number) the coverage lacks in every form: the question is about something else.
  // An ordinary word it lacks may be only wording; the evidence decides (the model's confidence).
  // A date repeats nothing of the event it dates, and a what-question's focus ("margin") is the
  // answer's own word: either missing in every form, beside fewer than three found words, leaves
  // nothing to tie an answer to. Any other ordinary word the coverage lacks may be only wording.
  const strict = q.kind === "time" || unknown.some((w) => w.term === q.focus);
  const tolerable = unknown.length <= allowedMissing(strict ? required.length - unknown.length : required.length) && unknown.every((w) => !w.proper && w.role === "key");
  if (settings.model === null || strict) {
    if (unknown.length > 0 && (!tolerable || !use.keyWords)) return refuseUnknown(q, unknown);
  } else if (unknown.some((w) => w.proper || w.role === "speaker")) {
    return refuseUnknown(q, unknown.filter((w) => w.proper || w.role === "speaker"));
  }
  // An unknown word is as specific as a word can be: it weighs like a term found in one passage.
  for (const w of unknown) w.weight = index.idf1();
  // IDF alone would make the story's main names (in every passage) nearly free to leave out;
  // adding the mean IDF to every word keeps each of them worth something.
  const meanIdf = required.reduce((sum, w) => sum + w.weight, 0) / required.length;
  for (const w of required) w.weight += meanIdf;
  // Asked about an office ("venezuela's president"), the holder's name stands for every word of it.
  if (q.kind === "speech" && use.kinds) {
    const holder = roleHolder(index, required.filter((w) => w.role === "speaker"), typedNames);
    if (holder !== null) for (const w of required) if (w.role === "speaker") w.reach.set(holder, STRENGTH.exact);
  }
  const scorer = new SentenceScorer(q, words, settings, use.meaning ? (index.meaning?.vectors ?? null) : null);

  // Retrieval: passages by BM25 over the required words' terms; sentences are scored only there,
  // plus the opening sentence of the paragraph after each hit (it often carries on: "he said").
  const queryTerms = [...new Set(required.flatMap((w) => [...w.reach.keys()]))];
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const hits = index.search(queryTerms, settings.passages);
  const best = hits[0]?.score || 1;
  hits.forEach((hit, rank) => {
    const { article, paragraph } = hit.passage;
    const following = article.paragraphs[paragraph.index + 1]?.sentences[0];
    for (const si of following === undefined ? paragraph.sentences : [...paragraph.sentences, following]) {
      const key = `${article.id}#${si}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(scorer.score(viewOf(article, si), rank, hit.score / best));
    }
  });

  // A why-question whose event an article's headline states is answered by that article's
  // reasons, which seldom repeat the headline's words and so rank low: score the opening
  // sentences of such articles among the hits too (bounded, so a long speech costs no more).
  if (q.kind === "reason" && use.kinds) {
    const stating = new Set(candidates.map((c) => c.view.article).filter((a) => scorer.headlineStates(a)));
    for (const article of [...stating].slice(0, HEADLINE_ARTICLES)) {
      for (let si = 0; si < Math.min(article.sentences.length, HEADLINE_SENTENCES); si++) {
        const key = `${article.id}#${si}`;
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push(scorer.score(viewOf(article, si), settings.passages));
      }
    }
  }

  if (q.kind === "speech" && settings.quotesBy) addAttributed(index, question, required, candidates, seen, scorer, settings);

  const idfs = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfs.get(t);
    if (v === undefined) idfs.set(t, (v = index.idf(t)));
    return v;
  };
  return { q, required, unknown, scorer, candidates, seen, settings, idf, question: questionFeatures(q, required, unknown) };
}

/** Quotations of one speaker read for a speech question, at most. */
const ATTRIBUTED_MAX = 60;

/**
 * A speech question reads the quote index: the sentences holding the asked speaker's quotations
 * (as /quote attributes them) become candidates, marked `attributed`, and pass the speaker check.
 */
function addAttributed(index: PassageIndex, question: string, required: readonly ResolvedWord[], candidates: Candidate[], seen: Set<string>, scorer: SentenceScorer, settings: Settings): void {
  const words = required.filter((w) => w.role === "speaker").map((w) => w.word);
  if (words.length === 0) return;
  // The name as typed ("Lindgren-Osei", "Ministry of Health"), which the words alone lose.
  const typed = typedSpan(question, words);
  const spans = settings.quotesBy!(typed) ?? (typed === words.join(" ") ? null : settings.quotesBy!(words.join(" ")));
  if (!spans || spans.length === 0) return;
  // The quote index has said who speaks: the speaker's name need not stand in the sentence ("he
  // said"), and a question with no topic beside the speaker asks for any of their words. Other
  // names the question gives ("about the 2016 election") must still be there.
  const topics = required.filter((w) => w.role === "key");
  const topicless = topics.length === 0;
  const others = required.filter((w) => w.proper && w.role !== "speaker");
  const attributed = new Set<string>();
  for (const span of spans.slice(0, ATTRIBUTED_MAX)) {
    const article = index.article(span.articleId);
    if (!article) continue;
    for (const s of article.sentences) {
      if (s.end <= span.start || s.start >= span.end) continue;
      const key = `${article.id}#${s.index}`;
      attributed.add(key);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(scorer.score(viewOf(article, s.index), settings.passages));
    }
  }
  for (const c of candidates) {
    if (!attributed.has(`${c.view.article.id}#${c.view.sentence.index}`)) {
      // Asked only what they said, their quotations answer: another sentence naming them does not lead.
      if (topicless) {
        c.eligible = false;
        c.features.eligible = 0;
      }
      continue;
    }
    c.features.attributed = 1;
    // Who speaks is settled; what they speak of is still checked as for any speech question.
    const topicAbsent = topics.filter((w) => matchIn(c.view.terms, w) === 0).length;
    c.features.checkSpeaker = topicAbsent > allowedMissing(topics.length) ? 1 : 0;
    if (topicless) c.features.checkWords = 0;
    c.features.checkName = others.some((w) => matchIn(c.view.terms, w) === 0) ? 1 : 0;
    c.eligible = c.features.checkName === 0 && c.features.checkWords === 0 && c.features.checkSpeaker === 0 && c.features.checkKind === 0;
    c.features.eligible = c.eligible ? 1 : 0;
  }
}

/**
 * The stretch of the question from its first to its last given word, as typed: "what did Amara
 * Lindgren-Osei say" gives "Amara Lindgren-Osei". The words joined with spaces when they are not
 * found in order.
 */
export function typedSpan(text: string, words: readonly string[]): string {
  const lower = text.toLowerCase();
  const first = lower.indexOf(words[0]!.toLowerCase());
  if (first < 0) return words.join(" ");
  let end = first;
  for (const w of words) {
    const at = lower.indexOf(w.toLowerCase(), end);
    if (at < 0) return words.join(" ");
    end = at + w.length;
  }
  return text.slice(first, end);
}

/** The question's features for the confidence: how much of it the coverage holds, and its kind. */
export function questionFeatures(q: Question, required: readonly ResolvedWord[], unknown: readonly ResolvedWord[]): QuestionFeatures {
  const total = required.reduce((sum, w) => sum + w.weight, 0) || 1;
  const weightOf = (ws: readonly ResolvedWord[]) => ws.reduce((sum, w) => sum + w.weight, 0) / total;
  const softOnly = required.filter((w) => w.reach.size > 0 && [...w.reach.keys()].every((t) => w.soft.has(t)));
  return {
    bias: 1,
    unknown: weightOf(unknown),
    softOnly: weightOf(softOnly),
    length: Math.min(required.length, 10) / 5,
    // A date repeats nothing of the event it dates, so only the event's own words tie it to one.
    unknownFocus: unknown.some((w) => w.term === q.focus) || (q.kind === "time" && unknown.length > 0) ? 1 : 0,
    unknownSeveral: unknown.length > 1 ? 1 : 0,
    kindGeneral: q.kind === "general" ? 1 : 0,
    kindSpeech: q.kind === "speech" ? 1 : 0,
    kindYesNo: q.kind === "yesno" ? 1 : 0,
  };
}

export function ask(index: PassageIndex, question: string, options: AskOptions = {}): AskResult {
  const g = gather(index, question, options);
  if (!("candidates" in g)) return g;
  const { q, required, scorer, candidates, seen, settings, idf } = g;
  const model = settings.model;
  const logits = model ? scoreByModel(g, model) : null;
  const excerpts = selectExcerpts(candidates, { index, scorer, settings, idf, seen });
  // Words reached only through meaning are named too: the coverage has no form of them.
  const unmatched = required.filter((w) => [...w.reach.keys()].every((t) => w.soft.has(t)));
  const refusal = () => (unmatched.length > 0 ? refuseUnknown(q, unmatched) : refuse(q, unansweredReason(q, required)));
  if (excerpts.length === 0) return refusal();
  const lead = excerpts[0]!;
  let certainty: number | null = null;
  if (model && logits) {
    // The lead's margin over the best other candidate that may lead.
    const leadLogit = logits.get(lead.main) ?? 0;
    let runnerUp = -Infinity;
    for (const [c, l] of logits) if (c !== lead.main && c.eligible && l > runnerUp) runnerUp = l;
    certainty = confidence(model, g.question, lead.main.features, Number.isFinite(runnerUp) ? leadLogit - runnerUp : 5);
    if (certainty < model.threshold) return refusal();
  }

  const citations: Citation[] = [];
  let leadMarkers = "";
  for (const e of excerpts) {
    const n = citations.length + 1;
    citations.push(citeSpan(n, e.main.view.article, e.span));
    let markers = `[${n}]`;
    for (const o of e.others) {
      const m = citations.length + 1;
      citations.push(citeSpan(m, o.view.article, o.view.sentence, n));
      markers += `[${m}]`;
    }
    if (n === 1) leadMarkers = markers;
  }
  return {
    question: q.text,
    // Footnote marks in the excerpt ("[2]") would read as markers of ours: the answer drops them.
    answer: `${dropFootnoteMarks(citations[0]!.excerpt)} ${leadMarkers}`,
    citations,
    notFound: [],
    reason: null,
    support: new Set([lead.main, ...lead.others].map((c) => sourceKey(c.view))).size,
    kind: q.kind,
    ...(certainty === null ? {} : { confidence: Math.round(certainty * 1000) / 1000 }),
  };
}

/**
 * Stage 5: every candidate's score from the model's ranker. Corroboration (other outlets reporting
 * the same in near-identical words) is a feature too, counted for the best-covering candidates
 * only, which bounds its cost. Scores become each candidate's share against the best (1 for the
 * best), which is what selection compares; the raw scores are returned for the confidence.
 */
export function scoreByModel(g: Gathered, model: AnswerModel): Map<Candidate, number> {
  markCorroboration(g.candidates, g.idf, g.settings.use.corroboration);
  const logits = new Map<Candidate, number>();
  let best = -Infinity;
  for (const c of g.candidates) {
    if (!model.gate) c.eligible = c.eligible || c.features.exact + c.features.soft > 0;
    const l = candidateScore(model, c.features);
    logits.set(c, l);
    if (l > best) best = l;
  }
  for (const c of g.candidates) c.score = Math.exp(logits.get(c)! - best);
  return logits;
}

/** How many candidates, best covering first, are compared with the others for corroboration. */
const CORROBORATION_CHECKED = 12;

export function markCorroboration(candidates: readonly Candidate[], idf: (t: string) => number, on: boolean): void {
  if (!on) return;
  const compare = reportComparer(idf);
  const top = [...candidates].sort((a, b) => b.coverage - a.coverage).slice(0, CORROBORATION_CHECKED);
  for (const c of top) {
    const outlets = new Set(candidates.filter((o) => o.view.article !== c.view.article && compare(c.view, o.view)).map((o) => sourceKey(o.view)));
    outlets.delete(sourceKey(c.view));
    c.features.corroboration = Math.min(3, outlets.size) / 3;
  }
}

function refuse(question: Question, reason: string, notFound: string[] = []): AskResult {
  return { question: question.text, answer: null, citations: [], notFound, reason, support: 0, kind: question.kind };
}

function refuseUnknown(q: Question, unknown: readonly ResolvedWord[]): AskResult {
  const notFound = unknown.map((w) => w.word);
  return refuse(q, `The coverage doesn't say: no article mentions ${listOf(notFound, "or")}.`, notFound);
}

/** Longest word, and most words, a reason echoes back: a pasted blob must not fill the reply. */
const ECHO_WORD_MAX = 40;
const ECHO_WORDS_MAX = 6;

function listOf(ws: readonly string[], conjunction: "and" | "or"): string {
  const q = ws.slice(0, ECHO_WORDS_MAX).map((w) => `"${[...w].length > ECHO_WORD_MAX ? [...w].slice(0, ECHO_WORD_MAX - 1).join("") + "…" : w}"`);
  if (ws.length > ECHO_WORDS_MAX) q.push(`${ws.length - ECHO_WORDS_MAX} more`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} ${conjunction} ${q[q.length - 1]}`;
}

/** Why nothing answers although every key word is somewhere in the coverage. */
function unansweredReason(q: Question, required: readonly ResolvedWord[]): string {
  const all = required.map((w) => w.word);
  if (q.kind === "definition") return `The coverage doesn't say: it mentions ${listOf(all, "and")} but never says who or what that is.`;
  const speaker = required.filter((w) => w.role === "speaker");
  if (q.kind === "speech" && speaker.length > 0) {
    const topic = required.filter((w) => w.role === "key").map((w) => w.word);
    const who = speaker.map((w) => w.word).join(" ");
    return topic.length > 0
      ? `The coverage doesn't say: it never quotes ${who} on ${listOf(topic, "and")}.`
      : `The coverage doesn't say: it never quotes ${who}.`;
  }
  return `The coverage doesn't say: no passage brings together ${listOf(all, "and")}.`;
}
