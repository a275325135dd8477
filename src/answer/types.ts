/** Plain results of the engine: no Discord or terminal types, ready for any renderer. */
import type { Citation } from "../citation/citation.js";

export interface AskResult {
  question: string;
  /** One or two sentences with [n] markers, or null when the coverage does not answer. */
  answer: string | null;
  citations: Citation[];
  /** When `answer` is null: the question's words the coverage does not contain (may be empty). */
  notFound: string[];
  /** When `answer` is null: why, in a sentence a user can read. */
  reason: string | null;
  /** How many distinct outlets (or articles, where the outlet is unknown) support the lead. */
  support: number;
  /** What kind of answer the question asked for (reason, time, count, person, speech...). */
  kind?: string;
  /** The answer model's probability that the lead answers (absent when no model scored it). */
  confidence?: number;
}
