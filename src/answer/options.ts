import type { Article } from "../corpus/types.js";
import { answerModel, type AnswerModel } from "./model.js";
/** Tuning knobs of `ask`, and switches that turn each technique off for measuring what it adds. */

export interface AskOptions {
  /** Passages whose sentences are scored. */
  passages?: number;
  /** Excerpts shown in their own right, the lead included (corroborating citations come on top). */
  maxExcerpts?: number;
  /** Share of the question's weight the lead (with its context) must cover. */
  minCoverage?: number;
  /** How much fitting the question's kind (a reason for "why"...) weighs against coverage. */
  kindWeight?: number;
  /**
   * Where the quote index says a speaker's quotations are (null: it knows no such speaker), so a
   * speech question reads the same attributions as /quote. Without it, speech cues in the
   * sentence decide alone.
   */
  quotesBy?: SpeakerQuotes | null;
  /**
   * The dates a sentence gives, as the date reader (chrono-node, src/dates/) found them, so a
   * when-question is answered by a sentence that states a time. Without it, hand-written time
   * cues stand in (src/answer/cues.ts).
   */
  datesIn?: SentenceDates | null;
  /** The answer model that scores candidates and decides refusals; null: hand-set weights. */
  model?: AnswerModel | null;
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
  /** News-English synonyms (CEO / chief executive, hurt / injured). */
  synonyms: boolean;
  /** Nearby sentences count (at half weight or less) as context. */
  context: boolean;
  /** Near-identical reports across outlets cited together. */
  corroboration: boolean;
  /** Filler words never cause a refusal, and missing key words do. */
  keyWords: boolean;
  /** Sentences where the question's words stand close together score higher. */
  proximity: boolean;
  /** Word meaning (vectors, WordNet) for ordinary words the coverage lacks. */
  meaning: boolean;
}

export type SpeakerQuotes = (speaker: string) => readonly { articleId: string; start: number; end: number }[] | null;

/** A date as the answer side sees it: its words, and whether it only says when something was said ("said on Monday"). */
export interface StatedDate {
  text: string;
  attribution: boolean;
  /** How exactly it dates: a day, a month or only a year. */
  precision: "year" | "month" | "day";
}

/**
 * The dates stated in one sentence of an article (by its index), in order; null when the reader
 * cannot read the article's relative dates (it has no date of its own: "on Monday" is then no
 * date to it, though it still answers "when").
 */
export type SentenceDates = (article: Article, sentence: number) => readonly StatedDate[] | null;

export type Settings = Required<Omit<AskOptions, "use" | "model" | "quotesBy" | "datesIn">> & { use: Techniques; model: AnswerModel | null; quotesBy: SpeakerQuotes | null; datesIn: SentenceDates | null };

export const DEFAULTS: Settings = {
  passages: 20,
  maxExcerpts: 3,
  minCoverage: 0.5,
  model: null,
  quotesBy: null,
  datesIn: null,
  kindWeight: 0.35,
  use: { kinds: true, typos: true, relatives: true, synonyms: true, context: true, corroboration: true, keyWords: true, proximity: true, meaning: true },
};

export function settings(options: AskOptions = {}): Settings {
  const { use, model, quotesBy, datesIn, ...rest } = options;
  return { ...DEFAULTS, ...rest, model: model === undefined ? answerModel() : model, quotesBy: quotesBy ?? null, datesIn: datesIn ?? null, use: { ...DEFAULTS.use, ...use } };
}
