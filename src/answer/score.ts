/**
 * Scoring one sentence against one question: how much of the question it covers (IDF-weighted,
 * nearby sentences counting for less), whether it carries what the question asks for, how close
 * together the question's words stand, and whether it may answer at all (every name present,
 * the speaker really speaking...).
 */
import type { Article } from "../corpus/types.js";
import { asksStatementTime, changeCue, countCue, countsNoun, definitionCue, mannerCue, durationCue, hasQuotation, otherNames, peopleCue, refersBack, placeCue, reasonCue, speechCue, timeCue, eventTimeCue } from "./cues.js";
import { fold, terms } from "../search/analyzer.js";
import { alternation } from "../text/lexicon.js";
import type { VectorTable } from "../text/vectors.js";
import { emptyFeatures, type CandidateFeature, type Features } from "./model.js";
import type { Settings } from "./options.js";
import { isNumeral, type Question, type QuestionKind } from "./question.js";
import { allowedMissing, matchIn, type ResolvedWord } from "./resolve.js";
import { contextOf, nextInParagraph, titleTerms, type SentenceView } from "./sentence-view.js";

/** How much a stated date answers "when", by its precision (the hand cues weighed a bare year 0.3 too). */
const DATE_EVIDENCE = { day: 1, month: 0.6, year: 0.3 } as const;

/** Most that matching every filler word can add to coverage. */
const SOFT_BONUS = 0.1;
/** Bonus for the question's words standing close together in the sentence (at most this). */
const PROXIMITY_BONUS = 0.3;
/** What a sentence that reports a question ("asked why ...") loses as an answer to another kind. */
const INDIRECT_PENALTY = 0.15;

const REPORTED_QUESTION = new RegExp(`\\b(?:${alternation("speechVerbs.asking")})\\s+(?:\\p{L}+\\s+){0,3}?(why|when|whether|if|how many|how much|how|who|where|what)\\b`, "iu");
const REPORTED_KIND: Record<string, QuestionKind> = { why: "reason", when: "time", whether: "yesno", if: "yesno", "how many": "count", "how much": "count", who: "person", where: "place", how: "manner" };

/** The kind of question a sentence reports being asked ("asked why ..." -> reason), or null. */
export function reportedQuestion(view: SentenceView): QuestionKind | "other" | null {
  // A plain substring test first (parts of the asking verbs): the Unicode pattern is costly on every sentence scored.
  if (!/ask|onder|uestion/i.test(view.text)) return null;
  const m = REPORTED_QUESTION.exec(view.text);
  if (!m) return null;
  return REPORTED_KIND[m[1]!.toLowerCase().replace(/\s+/g, " ")] ?? "other";
}

const ASKS_CHANGE = /^\s*by how (?:much|many)\b|\bby\s*[?.!]*\s*$/i;

/** A small preference for sentences from better-ranked passages, to break ties. */
const RANK_BONUS = 0.03;

export interface Candidate {
  view: SentenceView;
  /** Passage rank the sentence came from (0 = best). */
  rank: number;
  /** Share of the question's weight covered (filler words may add a little above 1). */
  coverage: number;
  /** 0..1: how well it carries what the question's kind asks for. */
  fit: number;
  /** May lead or be shown: every name present, few key words missing, the right speaker... */
  eligible: boolean;
  score: number;
  /** The named features the answer model scores (model.ts). */
  features: Features;
}

/** Which fit feature carries a kind's answer-type evidence: each kind has its own weight. */
const FIT_FEATURE: Record<QuestionKind, CandidateFeature> = {
  reason: "fitReason",
  time: "fitTime",
  count: "fitCount",
  person: "fitPerson",
  speech: "fitSpeech",
  definition: "fitOther",
  place: "fitOther",
  manner: "fitOther",
  yesno: "fitOther",
  general: "fitOther",
};

/** Does the sentence hold the word only through a term reached by word meaning? */
function softIn(terms: ReadonlySet<string>, w: ResolvedWord): boolean {
  let exact = false;
  let soft = false;
  for (const t of w.reach.keys()) {
    if (!terms.has(t)) continue;
    if (w.soft.has(t)) soft = true;
    else exact = true;
  }
  return soft && !exact;
}

export class SentenceScorer {
  readonly required: ResolvedWord[];
  readonly soft: ResolvedWord[];
  /** The speaker's name, word by word, each with the terms that stand for it. */
  readonly speaker: ReadonlySet<string>[];
  /** Every index term the question reaches: cues ignore what the question already says. */
  readonly questionTerms: Set<string>;
  /** What the question says was done ("who congratulated..."): its first key word that is no name. */
  readonly actionTerms: Set<string>;
  private readonly totalWeight: number;
  /** "How long...?": a stretch of time, not a point in it. */
  private readonly asksDuration: boolean;
  /** "When was it announced?": a time right after "said" dates what is asked about. */
  private readonly statementAsked: boolean;
  /** "How much did X rise by?", "By how much...": the size of a change. */
  private readonly asksChange: boolean;
  /** Every required word is somewhere in the coverage (none forgiven as unknown). */
  private readonly allKnown: boolean;
  private readonly subjectTerms: Set<string>;
  private readonly speechCues = new Map<SentenceView, number>();

  constructor(
    readonly question: Question,
    words: readonly ResolvedWord[],
    private readonly settings: Settings,
    /** Word vectors for graded word alignment; null: words align only exactly. */
    private readonly vectors: VectorTable | null = null,
  ) {
    this.required = words.filter((w) => w.role !== "soft");
    this.soft = words.filter((w) => w.role === "soft" && w.reach.size > 0);
    this.speaker = words.filter((w) => w.role === "speaker").map((w) => new Set(w.reach.keys()));
    this.questionTerms = new Set<string>();
    for (const w of words) {
      this.questionTerms.add(w.term);
      for (const t of w.reach.keys()) this.questionTerms.add(t);
    }
    const action = this.required.find((w) => !w.proper && w.role === "key");
    this.actionTerms = new Set(action ? action.reach.keys() : []);
    this.subjectTerms = new Set(this.required.filter((w) => w.proper).flatMap((w) => [...w.reach.keys()]));
    this.allKnown = this.required.every((w) => w.reach.size > 0);
    this.asksDuration = /^\s*how long\b/i.test(question.text);
    this.asksChange = question.kind === "count" && ASKS_CHANGE.test(question.text);
    this.statementAsked = asksStatementTime(new Set(words.filter((w) => w.role !== "soft").map((w) => w.term)));
    this.totalWeight = this.required.reduce((sum, w) => sum + w.weight, 0) || 1;
  }

  /** `bm25`: the passage's score as a share of the best passage's (0 for sentences found otherwise). */
  score(view: SentenceView, rank: number, bm25 = 0): Candidate {
    const { question: q, settings: s } = this;
    const context = s.use.context ? contextOf(view) : [];
    const names = this.required.filter((w) => w.proper && w.role === "key" && !isNumeral(w.word));
    const nameInSentence = names.some((w) => matchIn(view.terms, w) > 0);
    // A name the sentence lacks may be implied by its title or neighbours only when the sentence
    // names nobody else: asked about Merkel and Putin, "Biden was congratulated by Merkel" is about
    // Biden, whatever its article's title or the sentence before says about Putin. A number the
    // sentence lacks may not be implied when it carries another year ("2020" asked about 2016).
    // Computed only when a name is missing from the sentence (most sentences scored lack none).
    let othersMemo: { names: boolean; years: boolean } | null = null;
    const others = () => (othersMemo ??= otherNames(view, this.questionTerms));
    const impliedName = () => names.length < 2 || !others().names;
    // With names asked about together, a neighbour naming one of them is not the pairing asked
    // about ("Marsh congratulated Kowal." before "Brightwater said ..."): the sentence must refer
    // back to someone ("he", "the Russian President") for a neighbour to say who.
    const nameFromContext = () => names.length < 2 || (impliedName() && refersBack(view));
    // A headline that states what a why-question asks about ("Kremlin refuses to recognize Biden's
    // victory") makes its article's reasons the answer, though they rarely repeat the headline:
    // a sentence giving a reason there borrows the headline's words as it would a neighbour's.
    const title = titleTerms(view.article);
    const fit = this.fit(view);
    const headlineStates = q.kind === "reason" && fit === 1 && this.headlineStates(view.article);
    let covered = 0;
    let predicates = 0;
    let predicatesFound = 0;
    let absent = 0;
    let absentWeight = 0;
    let onlyNearby = 0;
    let nameMissing = false;
    let topics = 0;
    let topicsAbsent = 0;
    let speakerAbsent = false;
    let exactWeight = 0;
    let softWeight = 0;
    let contextWeight = 0;
    let headlineWeight = 0;
    let predicateWeight = 0;
    let predicateFoundWeight = 0;
    for (const w of this.required) {
      let m = matchIn(view.terms, w);
      if (m > 0) {
        if (softIn(view.terms, w)) softWeight += w.weight;
        else if (m >= 1) exactWeight += w.weight;
      }
      if (!w.proper) {
        predicateWeight += w.weight;
        if (m > 0) predicateFoundWeight += w.weight * m;
      }
      if (matchIn(title, w) > 0) headlineWeight += w.weight;
      const name = w.proper && w.role === "key";
      if (m === 0 && !w.corrected) {
        // Context counts for less, and names least: a name only nearby is often someone else's.
        m = (name && !isNumeral(w.word) ? 0.25 : 0.5) * Math.max(0, ...context.map((c) => matchIn(c.terms, w)));
        if (m > 0 && name && !(isNumeral(w.word) ? !others().years : nameFromContext() && impliedName())) m = 0;
        // With two names asked about and one in the sentence, the other may be the article's
        // subject, named in its title and called "the winner" in the sentence.
        // Not for a yes/no question: "did Merkel congratulate Putin?" is not answered by Merkel
        // congratulating someone in an article about Putin.
        const fromTitle = q.kind !== "yesno" && names.length >= 2 && nameInSentence;
        if (m === 0 && name && fromTitle && matchIn(title, w) > 0 && impliedName()) m = 0.25;
        if (m === 0 && headlineStates && matchIn(title, w) > 0) m = 0.5;
        if (m > 0 && !name) onlyNearby++;
        if (m > 0) contextWeight += w.weight;
      }
      if (!w.proper) {
        predicates++;
        if (m > 0) predicatesFound++;
      }
      if (w.role === "key") {
        topics++;
        // A speaker's topic must be there in some form of its own: a related word ("started" for
        // "cause") is the speaker talking of something else.
        if (m === 0 || softIn(view.terms, w)) topicsAbsent++;
      }
      if (w.role === "speaker" && m === 0) speakerAbsent = true;
      if (m === 0) {
        absent++;
        absentWeight += w.weight;
        if (w.proper) nameMissing = true;
      }
      covered += w.weight * m;
    }
    // Filler words that match add a little, never enough to outweigh a key word.
    let softMatched = 0;
    for (const w of this.soft) softMatched += matchIn(view.terms, w);
    const coverage = covered / this.totalWeight + (this.soft.length > 0 ? (SOFT_BONUS * softMatched) / this.soft.length : 0);
    // A yes/no question asks whether one statement holds: every word of it must be there, and
    // only as many found just nearby as a wh-question may lack altogether.
    const tolerated = allowedMissing(this.required.length);
    // A count of the question's own noun ("2.3 million customers") may leave out one more word,
    // what happened to them ("affected"), which is rarely repeated next to the number.
    // Not when a word of the question is nowhere in the coverage: that one was already forgiven as
    // possible wording, and forgiving a second would leave too little of the question.
    const countSlack = q.kind === "count" && fit === 1 && absent > tolerated && this.allKnown && countsNoun(view, this.questionTerms) ? 1 : 0;
    const complete = q.kind === "yesno" ? absent === 0 && onlyNearby <= tolerated : absent <= tolerated + countSlack;
    // Names meeting are not yet an answer: "when did Ferreira meet Quintero?" needs the meeting,
    // so a sentence that has the names but none of the question's other words may not answer.
    const saysSomething = predicates === 0 || predicatesFound > 0;
    // ...and is judged on how much of the rest it covers.
    const judged = countSlack > 0 ? covered / Math.max(1e-9, this.totalWeight - absentWeight) : coverage;
    // The answer checks, each kept apart so the model can weigh it (model.ts: "check*"), and
    // together as `eligible`, which the model may use as a gate.
    const checkName = nameMissing;
    const checkWords = !complete || !saysSomething || judged < s.minCoverage;
    // "What did X say about Y?" asks for X's words on Y: X speaking of something else ("said it
    // was cooperating with the inquiry" asked about the cause) does not answer, so the topic may
    // lack no more words than a question of its own length may.
    // And every word of who X is must be there or nearby: "the bank said" is not "Stenvik Bank".
    const checkSpeaker = q.kind === "speech" && (this.speechCue(view) < 0.8 || topicsAbsent > allowedMissing(topics) || speakerAbsent);
    const checkKind =
      // "Who is X?" is answered by a sentence that says what X is, not by any mention of X.
      (q.kind === "definition" && fit === 0) ||
      // "How many?" is answered by a number: in the sentence, or in the next one, which is then cited with it.
      (q.kind === "count" && fit === 0 && !this.nextCounts(view)) ||
      // A why-question with a word the coverage lacks was forgiven that word as possible wording:
      // then only an outright reason ("because", "due to") may answer it, not a hint ("blamed").
      (q.kind === "reason" && !this.allKnown && fit < 1) ||
      // "How long?" is answered by a stretch of time (or a time), here or in the next sentence.
      // "When?" too, by a date the date reader finds there; without the reader's dates, not: the
      // hand-written cues miss too many shapes of a point in time to demand one.
      (q.kind === "time" && (this.asksDuration || this.readsDates(view)) && fit === 0 && !this.nextFits(view));
    const eligible = !checkName && !checkWords && !checkSpeaker && !checkKind;
    // A question in the coverage ("Since when does...?") rarely answers one.
    // Nor does a reported one ("asked why in 2016 Putin had ..."): what it mentions is what was
    // asked about, unless it asks what the question asks ("asked why" for a why-question), in
    // which case the reply follows in the same sentence.
    const reported = reportedQuestion(view);
    const indirect = reported !== null && reported !== q.kind ? INDIRECT_PENALTY : 0;
    const quality = (/\?\W*$/.test(view.text) && !hasQuotation(view) ? -0.2 : 0) + (view.tokens.length < 6 ? -0.1 : 0) - indirect;
    const near = s.use.proximity ? PROXIMITY_BONUS * this.proximity(view) : 0;
    const score = coverage + s.kindWeight * fit + near + quality + RANK_BONUS / (rank + 1);
    const total = this.totalWeight;
    const features = emptyFeatures();
    features.coverage = coverage;
    features.exact = exactWeight / total;
    features.soft = softWeight / total;
    features.missing = absentWeight / total;
    features.context = contextWeight / total;
    features.headline = headlineWeight / total;
    features.predicates = predicateWeight > 0 ? predicateFoundWeight / predicateWeight : 1;
    features.proximity = this.proximity(view);
    features.align = this.alignment(view);
    features.meaning = this.meanCosine(view);
    features.novelty = this.novelty(view);
    const next = nextInParagraph(view);
    features.nextAlign = next ? this.alignment(next) : 0;
    features.rank = 1 / (rank + 1);
    features.bm25 = bm25;
    features.position = 1 / (view.sentence.index + 1);
    features[FIT_FEATURE[q.kind]] = fit;
    features.nextFit = q.kind === "general" || q.kind === "yesno" ? 0 : this.nextFits(view) ? 1 : 0;
    features.question = (/\?\W*$/.test(view.text) && !hasQuotation(view)) || indirect > 0 ? 1 : 0;
    features.short = view.tokens.length < 6 ? 1 : 0;
    features.eligible = eligible ? 1 : 0;
    features.checkName = checkName ? 1 : 0;
    features.checkWords = checkWords ? 1 : 0;
    features.checkSpeaker = checkSpeaker ? 1 : 0;
    features.checkKind = checkKind ? 1 : 0;
    features.fitAlign = fit * features.align;
    features.exactNear = features.exact * features.proximity;
    return { view, rank, coverage, fit, eligible, score, features };
  }

  /**
   * Does the article's title state what the question is about: every name the question asks
   * about and most of its other words?
   */
  headlineStates(article: Article): boolean {
    const title = titleTerms(article);
    const names = this.required.filter((w) => w.proper);
    return names.every((w) => matchIn(title, w) > 0) && this.required.filter((w) => matchIn(title, w) > 0).length * 2 > this.required.length;
  }

  /** The speaker cue, read once per sentence: both eligibility and fit ask for it. */
  private speechCue(view: SentenceView): number {
    let cue = this.speechCues.get(view);
    if (cue === undefined) this.speechCues.set(view, (cue = speechCue(view, this.speaker)));
    return cue;
  }

  private nextFits(view: SentenceView): boolean {
    const next = nextInParagraph(view);
    return next !== null && this.fit(next) > 0;
  }

  private nextCounts(view: SentenceView): boolean {
    const next = nextInParagraph(view);
    return next !== null && countCue(next, this.questionTerms) > 0;
  }

  /** 0..1: how well the sentence carries what the question's kind asks for. */
  fit(view: SentenceView): number {
    switch (this.question.kind) {
      case "reason":
        return reasonCue(view);
      case "time":
        // "How long" asks for a stretch of time, "when" for a point in it.
        return this.asksDuration ? durationCue(view, this.questionTerms) : this.timeFit(view);
      case "count":
        // "How much did they raise rates by?" asks the size of the change, not any number.
        return this.asksChange && changeCue(view) ? 1 : countCue(view, this.questionTerms);
      case "person":
        return peopleCue(view, this.questionTerms, this.actionTerms);
      case "definition":
        return definitionCue(view, this.subjectTerms);
      case "place":
        return placeCue(view, this.questionTerms);
      case "manner":
        return mannerCue(view);
      case "speech":
        return 0.6 * this.speechCue(view) + 0.4 * (hasQuotation(view) ? 1 : 0);
      default:
        return 0;
    }
  }

  /** Are the sentence's dates the date reader's (it has them for this article)? */
  private readsDates(view: SentenceView): boolean {
    return (this.settings.datesIn?.(view.article, view.sentence.index) ?? null) !== null;
  }

  /**
   * A when-question's evidence: a time tied to an event ("after the vote", which no date reader
   * reads), or a date the sentence states, as the date reader found it, by how
   * exactly it dates (a day 1, a month less, a year alone least: "his 2020 election victory"
   * names a year without dating anything), or one that only says when something was said (0.4,
   * unless the question asks when it was said). A date the question already names ("in 2016") is
   * not news to the asker.
   */
  private timeFit(view: SentenceView): number {
    const stated = this.settings.datesIn?.(view.article, view.sentence.index) ?? null;
    if (stated === null) return timeCue(view, this.questionTerms, this.statementAsked);
    let best = eventTimeCue(view, this.questionTerms);
    for (const d of stated) {
      const stated = terms(d.text);
      if (stated.length > 0 && stated.every((t) => this.questionTerms.has(t))) continue;
      best = Math.max(best, d.attribution && !this.statementAsked ? 0.4 : DATE_EVIDENCE[d.precision]);
    }
    return best;
  }

  /**
   * Cosine between the mean vectors of the question's words and the sentence's content words:
   * what the two are about as a whole, beyond word-for-word matches ("out there" and "working on
   * the fire").
   */
  meanCosine(view: SentenceView): number {
    if (!this.vectors) return 0;
    const q = (this.questionMean ??= this.meanOf(this.required.map((w) => fold(w.word))));
    if (!q) return 0;
    const rows = this.tokenRows(view);
    if (rows.length === 0) return 0;
    const sv = new Float64Array(this.vectors.dims);
    for (const r of rows) this.vectors.addRow(r, sv);
    let dot = 0;
    let nq = 0;
    let ns = 0;
    for (let k = 0; k < q.length; k++) {
      dot += q[k]! * sv[k]!;
      nq += q[k]! * q[k]!;
      ns += sv[k]! * sv[k]!;
    }
    return nq > 0 && ns > 0 ? dot / Math.sqrt(nq * ns) : 0;
  }

  private questionMean: Float64Array | null | undefined;

  private meanOf(words: readonly string[]): Float64Array | null {
    const sum = new Float64Array(this.vectors!.dims);
    let n = 0;
    for (const w of words) if (this.vectors!.addTo(w, sum)) n++;
    return n > 0 ? sum : null;
  }

  /**
   * Share of the sentence's content words that are not the question's: an answer adds something
   * to what was asked; a sentence that only restates the question adds nothing.
   */
  novelty(view: SentenceView): number {
    let content = 0;
    let fresh = 0;
    for (const t of view.tokens) {
      if (!t.term) continue;
      content++;
      if (!this.questionTerms.has(t.term)) fresh++;
    }
    return content > 0 ? fresh / content : 0;
  }

  /**
   * How closely the sentence's words mean the question's, IDF-weighted: each question word scores
   * its best match in the sentence, 1 for the word itself (or a form of it), otherwise the cosine
   * of the nearest word by vector (names only exactly: one name is not another).
   */
  alignment(view: SentenceView): number {
    let sum = 0;
    const rows = this.vectors ? this.tokenRows(view) : null;
    this.requiredRows ??= this.required.map((w) => (this.vectors && !w.proper ? this.vectors.rowOf(fold(w.word)) : -1));
    this.required.forEach((w, k) => {
      let best = matchIn(view.terms, w);
      const row = this.requiredRows![k]!;
      if (best < 1 && row >= 0 && rows) {
        for (const r of rows) {
          const sim = this.vectors!.rowSimilarity(row, r);
          if (sim > best) best = sim;
        }
      }
      sum += w.weight * Math.max(0, Math.min(1, best));
    });
    return sum / this.totalWeight;
  }

  private requiredRows: number[] | null = null;
  private readonly rowsByView = new Map<SentenceView, number[]>();

  /** Vector rows of a sentence's content words (those with vectors), found once per sentence. */
  private tokenRows(view: SentenceView): number[] {
    let rows = this.rowsByView.get(view);
    if (!rows) {
      rows = [];
      for (const t of view.tokens) {
        if (!t.term) continue;
        const r = this.vectors!.rowOf(fold(t.word));
        if (r >= 0) rows.push(r);
      }
      this.rowsByView.set(view, rows);
    }
    return rows;
  }

  /**
   * How tightly the question's words sit together in the sentence: the share of them present,
   * times how densely they fill the stretch of content words from the first to the last (1 when
   * adjacent). Zero for fewer than two.
   */
  proximity(view: SentenceView): number {
    const positions: number[] = [];
    let matched = 0;
    for (const w of this.required) {
      let found = false;
      let ordinal = -1;
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
    return (matched / this.required.length) * Math.min(1, matched / width);
  }
}
