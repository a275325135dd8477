/**
 * Extractive question answering: rank passages, then score the sentences inside the best ones by
 * how much of the question's content they cover (IDF-weighted), and answer with the best sentence,
 * verbatim. A question whose content words the coverage lacks gets no answer at all.
 */
import type { Article, Sentence } from "../corpus/types.js";
import { term, terms, words } from "../search/analyzer.js";
import type { PassageIndex } from "../search/passage-index.js";
import { citeSpan } from "./citation.js";
import type { AskResult, Citation } from "./types.js";

/** Verbs that frame a question ("what did X say") without naming its topic. */
const QUESTION_FRAME = new Set(["say", "tell", "think", "happen", "know", "mean"].map((w) => term(w)!));

export interface AskOptions {
  /** Passages whose sentences are scored. */
  passages?: number;
  /** Excerpts in the reply, the lead included. */
  maxCitations?: number;
  /** Share of the question's IDF weight the lead sentence must cover. */
  minCoverage?: number;
}

const DEFAULTS: Required<AskOptions> = { passages: 8, maxCitations: 3, minCoverage: 0.5 };

interface ScoredSentence {
  article: Article;
  sentence: Sentence;
  score: number;
  coverage: number;
  terms: Set<string>;
}

function refuse(question: string, reason: string, notFound: string[] = []): AskResult {
  return { question, answer: null, citations: [], notFound, reason, support: 0 };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

export function ask(index: PassageIndex, question: string, options: AskOptions = {}): AskResult {
  const opts = { ...DEFAULTS, ...options };
  const q = question.trim();
  const content: { word: string; term: string }[] = [];
  for (const w of words(q)) {
    const t = term(w.word);
    if (t && !QUESTION_FRAME.has(t) && !content.some((c) => c.term === t)) content.push({ word: w.word, term: t });
  }
  if (content.length === 0) return refuse(q, "Please ask a question with at least one topic word.");

  const reach = new Map<string, string[]>();
  const notFound: string[] = [];
  for (const c of content) {
    const expanded = index.expand(c.term);
    if (expanded.length === 0) notFound.push(c.word);
    reach.set(c.term, expanded);
  }
  if (notFound.length > 0) {
    return refuse(q, `The coverage doesn't mention ${notFound.map((w) => `"${w}"`).join(", ")}.`, notFound);
  }

  const weight = (qt: string) => Math.max(...reach.get(qt)!.map((t) => index.idf(t)), 0);
  const totalWeight = content.reduce((sum, c) => sum + weight(c.term), 0);
  const hits = index.search(
    content.map((c) => c.term),
    opts.passages,
  );
  const scored: ScoredSentence[] = [];
  hits.forEach((hit, rank) => {
    const { article, paragraph } = hit.passage;
    for (const si of paragraph.sentences) {
      const sentence = article.sentences[si]!;
      const sentenceTerms = new Set(terms(article.text.slice(sentence.start, sentence.end)));
      let covered = 0;
      for (const c of content) if (reach.get(c.term)!.some((t) => sentenceTerms.has(t))) covered += weight(c.term);
      const coverage = totalWeight > 0 ? covered / totalWeight : 0;
      scored.push({ article, sentence, coverage, terms: sentenceTerms, score: coverage + 0.15 / (rank + 1) });
    }
  });
  scored.sort((a, b) => b.score - a.score);
  const lead = scored[0];
  if (!lead || lead.coverage < opts.minCoverage) {
    return refuse(q, "The coverage doesn't answer that.");
  }

  const chosen: ScoredSentence[] = [lead];
  for (const s of scored.slice(1)) {
    if (chosen.length >= opts.maxCitations) break;
    if (s.coverage < opts.minCoverage) continue;
    if (chosen.some((c) => overlap(c.terms, s.terms) > 0.6)) continue;
    chosen.push(s);
  }
  const citations: Citation[] = chosen.map((s, i) => citeSpan(i + 1, s.article, s.sentence));
  return {
    question: q,
    answer: `${citations[0]!.excerpt} [1]`,
    citations,
    notFound: [],
    reason: null,
    support: 1,
  };
}
