/**
 * The answer model: one small conditional-logit model that both ranks a question's candidate
 * sentences and decides whether the coverage answers at all.
 *
 * Two linear heads over named features: a ranker (a candidate's score is `w · features`, fitted as
 * a softmax over each question's candidates) and a confidence (a logistic model over the question,
 * the lead's features and its margin over the runner-up) that the lead answers. The bot answers
 * when the confidence reaches a threshold fitted with the weights. So refusal is a calibrated
 * judgement over the evidence (how much of the question the best sentence covers, exactly or
 * through word meaning, whether it carries the kind of answer asked for), not one missing word.
 *
 * The weights are data: `scripts/train.ts` fits them on labelled question sets (cross-validated
 * by story) and writes `model.json`, validated here at load. A feature is code with a unit test;
 * its weight comes from the data.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { ZodNumber } from "zod";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { projectPath } from "../paths.js";
import { hasExactly, isBoolean, isRecord, isString } from "../search/shape.js";

/** Features of one candidate sentence, each a number, mostly in 0..1. */
export const CANDIDATE_FEATURES = [
  /** Share of the question's weight the sentence covers, neighbours and headline counting less. */
  "coverage",
  /** Share covered by the sentence's own words, exactly. */
  "exact",
  /** Share covered only through word meaning (a vector or WordNet neighbour). */
  "soft",
  /** Share of the question's weight the sentence and its context lack. */
  "missing",
  /** Share found only in neighbouring sentences. */
  "context",
  /**
   * Share of the question's words other than names that the sentence itself holds (1 when all
   * are names): the names can be there while what the question says happened is not.
   */
  "predicates",
  /** Share found in the article's headline. */
  "headline",
  /** How tightly the question's words stand together. */
  "proximity",
  /** Graded meaning match of the question's words in the sentence (word vectors). */
  "align",
  /** The same for the next sentence of the paragraph (an intro, then the content). */
  "nextAlign",
  /** Cosine of the question's and the sentence's mean word vectors. */
  "meaning",
  /** Share of the sentence's content words the question does not have (what an answer adds). */
  "novelty",
  /** 1 / (passage rank + 1). */
  "rank",
  /** The passage's BM25 score as a share of the best passage's. */
  "bm25",
  /** 1 / (sentence index + 1): how near the top of its article. */
  "position",
  /** Answer-type evidence, by the kind asked: a cause clause for why, a date for when... */
  "fitReason",
  "fitTime",
  "fitCount",
  "fitPerson",
  "fitSpeech",
  "fitOther",
  /** The next sentence carries the kind of answer asked for (a two-sentence lead). */
  "nextFit",
  /** The sentence is itself a question, or reports one being asked of another kind. */
  "question",
  /** Under six words. */
  "short",
  /** The candidate passes the answer checks (every name there, the speaker speaking...). */
  "eligible",
  /** Each check failed, apart: a name of the question missing from the sentence and its context; */
  "checkName",
  /** too little of the question's other words (or none of what it says happened); */
  "checkWords",
  /** a speech question whose speaker is not the one speaking, or speaks of another topic; */
  "checkSpeaker",
  /** no answer of the kind asked (no number for how many, no reason for a forgiven why...). */
  "checkKind",
  /** The quote index attributes a quotation in the sentence to the speaker asked about. */
  "attributed",
  /** Other outlets reporting it in near-identical words (up to 3, as a share of 3). */
  "corroboration",
  /** Answer-type evidence of any kind times the meaning match: the two together, not either alone. */
  "fitAlign",
  /** Exact coverage times proximity: the question's words, together, in this sentence. */
  "exactNear",
] as const;

/** Features of the question alone, for the confidence that the coverage answers it. */
export const QUESTION_FEATURES = [
  "bias",
  /** Share of the question's weight in words the coverage lacks in any form. */
  "unknown",
  /** Share reached only through word meaning. */
  "softOnly",
  /** Number of required words, over 5. */
  "length",
  /** The thing a what-question asks for, or any word of a when-question's event, is nowhere. */
  "unknownFocus",
  /** More than one required word is nowhere in the coverage. */
  "unknownSeveral",
  "kindGeneral",
  "kindSpeech",
  "kindYesNo",
] as const;

export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];
export type QuestionFeature = (typeof QUESTION_FEATURES)[number];
export type Features = Record<CandidateFeature, number>;
export type QuestionFeatures = Record<QuestionFeature, number>;

export interface AnswerModel {
  about: string;
  /** True: only candidates passing the answer checks may lead; false: the checks are features. */
  gate: boolean;
  /** The ranker: a candidate's score is these weights times its features. */
  candidate: Record<CandidateFeature, number>;
  /**
   * The confidence that the lead answers: a logistic model over the question's features, the
   * lead's own features and its margin over the next candidate.
   */
  confidence: { question: Record<QuestionFeature, number>; lead: Record<CandidateFeature, number>; margin: number };
  /** The bot answers when the confidence reaches this (fitted with the weights). */
  threshold: number;
  /** How the weights were fitted and what cross-validation measured, for the record. */
  training: Record<string, unknown>;
}

/** The model file's schema (zod, loaded on first use: only to say what is wrong with a model the check below refuses). */
export const modelSchema = lazily(() => {
  const z = zod();
  const weightsOf = <K extends string>(names: readonly K[]) => z.strictObject(Object.fromEntries(names.map((f) => [f, z.number().finite()])) as Record<K, ZodNumber>);
  return z.strictObject({
    about: z.string(),
    gate: z.boolean(),
    candidate: weightsOf(CANDIDATE_FEATURES),
    confidence: z.strictObject({ question: weightsOf(QUESTION_FEATURES), lead: weightsOf(CANDIDATE_FEATURES), margin: z.number().finite() }),
    threshold: z.number().min(0).max(1),
    training: z.record(z.string(), z.unknown()),
  });
});

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function isWeights<K extends string>(x: unknown, names: readonly K[]): x is Record<K, number> {
  return hasExactly(x, names) && names.every((n) => isFiniteNumber(x[n]));
}

/** A model as `modelSchema` states it, checked without zod (every answer reads the model; see shape.ts). */
export function isAnswerModel(x: unknown): x is AnswerModel {
  return (
    hasExactly(x, ["about", "gate", "candidate", "confidence", "threshold", "training"]) &&
    isString(x.about) &&
    isBoolean(x.gate) &&
    isWeights(x.candidate, CANDIDATE_FEATURES) &&
    hasExactly(x.confidence, ["question", "lead", "margin"]) &&
    isWeights(x.confidence.question, QUESTION_FEATURES) &&
    isWeights(x.confidence.lead, CANDIDATE_FEATURES) &&
    isFiniteNumber(x.confidence.margin) &&
    isFiniteNumber(x.threshold) &&
    x.threshold >= 0 &&
    x.threshold <= 1 &&
    isRecord(x.training)
  );
}

export function emptyFeatures(): Features {
  return Object.fromEntries(CANDIDATE_FEATURES.map((f) => [f, 0])) as Features;
}

export function candidateScore(model: AnswerModel, f: Features): number {
  let s = 0;
  for (const k of CANDIDATE_FEATURES) s += model.candidate[k] * f[k];
  return s;
}

/** The lead's margin over the next candidate counts up to this much. */
export const MARGIN_CAP = 5;

/** Probability that the lead answers the question. */
export function confidence(model: AnswerModel, question: QuestionFeatures, lead: Features, margin: number): number {
  let z = model.confidence.margin * Math.min(MARGIN_CAP, Math.max(0, margin));
  for (const k of QUESTION_FEATURES) z += model.confidence.question[k] * question[k];
  for (const k of CANDIDATE_FEATURES) z += model.confidence.lead[k] * lead[k];
  return 1 / (1 + Math.exp(-z));
}

/** The model as checked in (read from the sources, also when running the build). */
export const MODEL_FILE = pathToFileURL(projectPath("src", "answer", "model.json"));

let loaded: AnswerModel | null = null;

/** The checked-in model, validated; a broken file is an error naming it. */
export function answerModel(): AnswerModel {
  if (loaded) return loaded;
  const json: unknown = JSON.parse(readFileSync(MODEL_FILE, "utf8"));
  if (isAnswerModel(json)) return (loaded = json);
  // Refused: zod says where and why.
  const issue = modelSchema().safeParse(json).error?.issues[0];
  throw new Error(`${MODEL_FILE.pathname}: not a valid answer model (${issue ? `${issue.path.join(".")}: ${issue.message}` : "its shape does not match"})`);
}
