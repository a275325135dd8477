/**
 * A sentence as the answer layer sees it: its text, its words with their index terms, and its
 * neighbours. Built on demand for the few sentences a question touches and cached per article,
 * so repeated questions never re-analyse the same sentence.
 */
import type { Article, Sentence } from "../corpus/types.js";
import { term, words } from "../search/analyzer.js";

export interface SentenceToken {
  word: string;
  /** Index term, or null for stop words. */
  term: string | null;
  /** Offset of the word inside the sentence text. */
  start: number;
}

export interface SentenceView {
  article: Article;
  sentence: Sentence;
  text: string;
  tokens: SentenceToken[];
  terms: Set<string>;
}

const cache = new WeakMap<Article, (SentenceView | undefined)[]>();
const titles = new WeakMap<Article, Set<string>>();
const contexts = new WeakMap<SentenceView, readonly SentenceView[]>();

/** The index terms of an article's title: what the whole article is about. */
export function titleTerms(article: Article): Set<string> {
  let t = titles.get(article);
  if (!t) titles.set(article, (t = new Set(words(article.title).map((w) => term(w.word)).filter((x): x is string => x !== null))));
  return t;
}

export function viewOf(article: Article, index: number): SentenceView {
  let views = cache.get(article);
  if (!views) cache.set(article, (views = []));
  const cached = views[index];
  if (cached) return cached;
  const sentence = article.sentences[index]!;
  const text = article.text.slice(sentence.start, sentence.end);
  const tokens = words(text).map((w) => ({ word: w.word, term: term(w.word), start: w.start }));
  const terms = new Set<string>();
  for (const t of tokens) if (t.term) terms.add(t.term);
  const view = { article, sentence, text, tokens, terms };
  views[index] = view;
  return view;
}

/** The sentence before, in the same article (it may sit in the previous paragraph). */
export function previousOf(view: SentenceView): SentenceView | null {
  const i = view.sentence.index;
  return i > 0 ? viewOf(view.article, i - 1) : null;
}

/** The sentence after, only within the same paragraph. */
export function nextInParagraph(view: SentenceView): SentenceView | null {
  const next = view.article.sentences[view.sentence.index + 1];
  return next && next.paragraph === view.sentence.paragraph ? viewOf(view.article, next.index) : null;
}

/** How far, in sentences, context reaches inside a paragraph (a speech may be one long paragraph). */
export const CONTEXT_REACH = 3;

/**
 * What a reader has in mind at a sentence: the nearby sentences of its paragraph, plus the
 * sentence just before it when that one closes the previous paragraph.
 */
export function contextOf(view: SentenceView): readonly SentenceView[] {
  const cached = contexts.get(view);
  if (cached) return cached;
  const { article, sentence } = view;
  const out: SentenceView[] = [];
  const prev = previousOf(view);
  if (prev && prev.sentence.paragraph !== sentence.paragraph) out.push(prev);
  for (const i of article.paragraphs[sentence.paragraph]!.sentences) {
    if (i !== sentence.index && Math.abs(i - sentence.index) <= CONTEXT_REACH) out.push(viewOf(article, i));
  }
  contexts.set(view, out);
  return out;
}
