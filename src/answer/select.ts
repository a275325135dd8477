/**
 * From scored sentences to the excerpts of a reply: the lead (what several outlets report alike
 * counts a little extra), every other outlet that carries the lead's report in near-identical
 * words, then further excerpts that add a report not yet cited, preferring outlets not yet heard.
 */
import type { Span } from "../corpus/types.js";
import type { PassageIndex } from "../search/passage-index.js";
import { reportComparer, sourceKey } from "./corroborate.js";
import type { Settings } from "./options.js";
import type { QuestionKind } from "./question.js";
import { matchIn } from "./resolve.js";
import type { Candidate, SentenceScorer } from "./score.js";
import { nextInParagraph, viewOf, type SentenceView } from "./sentence-view.js";

/** Bonus per further outlet reporting the same thing, and its cap. */
const SUPPORT_BONUS = 0.06;
const SUPPORT_BONUS_MAX = 0.18;
/** Excerpts after the lead must score at least this share of the lead's score. */
const MIN_SHARE_OF_LEAD = 0.6;
/** Among excerpts after the lead, one from an outlet not yet cited counts this much extra. */
const NEW_OUTLET_BONUS = 0.1;
/**
 * A sentence carrying what the question's kind asks for (a reason, a means, a count) leads over a
 * better-matching one that lacks it, down to this share of its score.
 */
const KIND_FIT = 1;
/** A who-answer's fit when a full name stands as the doer (see peopleCue). */
const PERSON_FIT = 0.35;
const REASON_SHARE = 0.6;
/** How many of the lead's rarest terms look for outlets carrying it outside the top passages. */
const DISTINCTIVE_TERMS = 8;
const DISTINCTIVE_PASSAGES = 8;

export interface Excerpt {
  /** The sentence shown. */
  main: Candidate;
  /** What is cited: the sentence, or it and the next when the next carries what it lacks. */
  span: Span;
  /** Other outlets' near-identical versions of the same report, one per article. */
  others: Candidate[];
}

export interface Selection {
  index: PassageIndex;
  scorer: SentenceScorer;
  settings: Settings;
  idf: (t: string) => number;
  /** Sentences already scored, as "articleId#sentence", so none is scored twice. */
  seen: Set<string>;
}

/** The excerpts to show, lead first; empty when no sentence may answer. */
export function selectExcerpts(candidates: Candidate[], sel: Selection): Excerpt[] {
  const { index, scorer, settings, idf, seen } = sel;
  const use = settings.use;
  const compare = reportComparer(idf);
  const same = (a: SentenceView, b: SentenceView) => use.corroboration && compare(a, b);

  candidates.sort((a, b) => b.score - a.score);
  // With the answer model, corroboration and answer-type evidence are features it has weighed.
  const learned = settings.model !== null;
  if (use.corroboration && !learned) {
    // What several outlets report alike is the safer lead.
    for (const c of candidates.filter((x) => x.eligible).slice(0, 12)) {
      const outlets = new Set(candidates.filter((o) => o.view.article !== c.view.article && same(c.view, o.view)).map((o) => sourceKey(o.view)));
      outlets.delete(sourceKey(c.view));
      c.score += Math.min(SUPPORT_BONUS_MAX, SUPPORT_BONUS * outlets.size);
    }
    candidates.sort((a, b) => b.score - a.score);
  }
  const eligible = candidates.filter((c) => c.eligible);
  // A why-question wants the reason: a sentence that only restates the event ("the strike entered
  // its third day") gives way to one that gives a reason, if that one is nearly as good a match.
  // Likewise a how-question wants the means, a how-many the number of what it asks about, and a
  // who-question someone named as doing it.
  const kind = scorer.question.kind;
  // ("Which leaders...?" is not among them: "world leaders congratulated him" answers it as a group.)
  const asksWho = kind === "person" && /^\s*who\b/i.test(scorer.question.text);
  const decisive =
    kind === "reason" || asksWho ? eligible[0]?.fit === 0 : (kind === "manner" || kind === "count") && (eligible[0]?.fit ?? 1) < 1;
  const wanted = kind === "person" ? PERSON_FIT : KIND_FIT;
  if (use.kinds && decisive && eligible[0]) {
    const top = eligible[0];
    // ...and it must itself carry some of what the question says happened, not only a neighbour.
    const predicates = scorer.required.filter((w) => !w.proper);
    const statesEvent = (c: Candidate) => predicates.some((w) => matchIn(c.view.terms, w) > 0);
    const reasoned = eligible.findIndex((c) => c.fit >= wanted && c.score >= REASON_SHARE * top.score && statesEvent(c));
    if (reasoned > 0) eligible.unshift(...eligible.splice(reasoned, 1));
  }
  const lead = eligible[0];
  if (!lead) return [];

  // Outlets that carry the lead in near-identical words may sit outside the question's top
  // passages: look once more with the lead's own most distinctive terms.
  const pool = [...candidates];
  if (use.corroboration) {
    const distinctive = [...lead.view.terms].sort((a, b) => idf(b) - idf(a)).slice(0, DISTINCTIVE_TERMS);
    for (const hit of index.search(distinctive, DISTINCTIVE_PASSAGES)) {
      for (const si of hit.passage.paragraph.sentences) {
        const key = `${hit.passage.article.id}#${si}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pool.push(scorer.score(viewOf(hit.passage.article, si), settings.passages));
      }
    }
  }

  /** Other articles' versions of `c`'s report, the best-scored one per article. */
  const corroborators = (c: Candidate): Candidate[] => {
    const byArticle = new Map<string, Candidate>();
    for (const o of pool) {
      const id = o.view.article.id;
      if (id === c.view.article.id || byArticle.has(id)) continue;
      if (same(c.view, o.view)) byArticle.set(id, o);
    }
    return [...byArticle.values()];
  };

  const spanOf = (c: Candidate): Span => excerptSpan(c, scorer.question.kind);

  const shown: Excerpt[] = [];
  const used: Candidate[] = [];
  const citedSources = new Set<string>();
  const add = (main: Candidate) => {
    const others = corroborators(main);
    shown.push({ main, span: spanOf(main), others });
    used.push(main, ...others);
    for (const c of [main, ...others]) citedSources.add(sourceKey(c.view));
  };

  add(lead);
  // Then other reports, best first, an outlet not yet cited counting a little extra; never a
  // repeat of a report already cited, nor the span of an excerpt already shown.
  const rest = eligible.slice(1).filter((c) => c.score >= MIN_SHARE_OF_LEAD * lead.score);
  while (shown.length < settings.maxExcerpts) {
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
  return shown;
}

/** What is cited for a candidate: the sentence, joined with the next one when that one likely carries what it lacks. */
export function excerptSpan(c: Candidate, kind: QuestionKind): Span {
  const span = { start: c.view.sentence.start, end: c.view.sentence.end };
  const introduces = /:\s*$/.test(c.view.text);
  // An introduction ("the minister explained:") is followed by what it introduces, often as the
  // next paragraph's opening quotation: one exact slice over both.
  const next = nextInParagraph(c.view) ?? (introduces ? openingOfNextParagraph(c.view) : null);
  if (!next) return span;
  // A sentence that restates the question without what it asks for is usually followed by it.
  const needsNext = kind !== "general" && kind !== "yesno" && c.fit === 0;
  const tooShort = c.view.tokens.length < 8 || introduces;
  return needsNext || tooShort ? { start: span.start, end: next.sentence.end } : span;
}

/** The first sentence of the paragraph after the sentence's own, or null. */
function openingOfNextParagraph(view: SentenceView): SentenceView | null {
  const next = view.article.paragraphs[view.sentence.paragraph + 1];
  const first = next?.sentences[0];
  return first === undefined ? null : viewOf(view.article, first);
}
