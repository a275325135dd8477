/**
 * `npm run train`: fits the answer model (src/answer/model.ts) on the labelled question sets in
 * tests/fixtures and writes src/answer/model.json. Deterministic: the same sets give the same file.
 *
 * Each question's candidates come from the engine's own stages (gather, then corroboration), so
 * the features trained on are exactly those scored at run time. A candidate is labelled right when
 * its cited span contains one of the question's gold spans. Two heads, each L2-regularised and
 * fitted by full-batch Adam:
 *  - the ranker: a softmax over each answerable question's candidates, wanting its right ones;
 *  - the confidence: a logistic model, on every question, of "the ranker's lead is right", over
 *    the question's features, the lead's features and its margin. Its inputs come from rankers
 *    fitted without the question's story (cross-fitting over four story groups), as they would be
 *    on a new story.
 * The threshold maximises right decisions (right leads plus right refusals, over all questions)
 * on those cross-fitted confidences.
 *
 * Reports leave-one-story-out cross-validation (fit on every other story, score the one left out)
 * for both ways of treating the answer checks (gate or feature), and keeps the better.
 *
 * Blind sets (tests/fixtures/ask-blind) are never read here.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "./paths.js";
import { z } from "zod";
import { gather, markCorroboration } from "./answer/ask.js";
import { CANDIDATE_FEATURES, MARGIN_CAP, MODEL_FILE, QUESTION_FEATURES, type AnswerModel } from "./answer/model.js";
import { excerptSpan } from "./answer/select.js";
import { Engine } from "./engine.js";
import { goldText } from "./text/gold-text.js";
import { DEFAULT_CACHE_DIR } from "./search/persist.js";

const ROOT = PROJECT_ROOT;
const FIXTURES = join(ROOT, "tests", "fixtures");

const goldSchema = z.object({ questions: z.array(z.object({ q: z.string(), answer: z.array(z.string()).nullable() })) });

interface LabelledSet {
  story: string;
  corpus: string;
  gold: string;
}

/** Every training set: the held-out sets of earlier rounds (now training data) and ask-train. */
export function trainingSets(): LabelledSet[] {
  const out: LabelledSet[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    const story = /^ask-heldout-(story(?:-\d+)?)\.gold\.json$/.exec(name);
    if (story) out.push({ story: story[1]!, corpus: join(FIXTURES, `ask-heldout-${story[1]!}`), gold: join(FIXTURES, name) });
    if (/^ask-heldout-seeds(?:-\d+)?\.json$/.test(name)) out.push({ story: "seeds", corpus: join(ROOT, "seeds"), gold: join(FIXTURES, name) });
  }
  const train = join(FIXTURES, "ask-train");
  for (const name of readdirSync(train).sort()) {
    if (name.endsWith(".gold.json")) out.push({ story: basename(name, ".gold.json"), corpus: join(train, basename(name, ".gold.json")), gold: join(train, name) });
  }
  return out;
}

/** A question as the fit sees it: feature rows of its candidates, which are right, and its own features. */
interface Example {
  story: string;
  answerable: boolean;
  rows: number[][];
  eligible: boolean[];
  /** Some cited text (`eligible` or not) contains a gold span. */
  right: boolean[];
  /** The question's features (empty when it was refused before any candidate). */
  question: number[];
}

const norm = goldText;

const weightsRecord = <K extends string>(names: readonly K[], values: readonly number[]) =>
  Object.fromEntries(names.map((f, i) => [f, Math.round((values[i] ?? 0) * 10000) / 10000])) as Record<K, number>;

/** The zero model: gather runs in model mode (evidence decides refusals) without prior weights. */
function blankModel(gate: boolean): AnswerModel {
  return {
    about: "blank",
    gate,
    candidate: weightsRecord(CANDIDATE_FEATURES, []),
    confidence: { question: weightsRecord(QUESTION_FEATURES, []), lead: weightsRecord(CANDIDATE_FEATURES, []), margin: 0 },
    threshold: 0.5,
    training: {},
  };
}

/** Features left out (TRAIN_WITHOUT=a,b): for measuring what a feature adds, by cross-validation. */
const WITHOUT = new Set((process.env.TRAIN_WITHOUT ?? "").split(",").filter(Boolean));

export function examples(sets: readonly LabelledSet[], gate: boolean): Example[] {
  const engines = new Map<string, Engine>();
  const out: Example[] = [];
  for (const set of sets) {
    let engine = engines.get(set.corpus);
    if (!engine) engines.set(set.corpus, (engine = Engine.fromDir(set.corpus, { cacheDir: DEFAULT_CACHE_DIR })));
    const gold = goldSchema.parse(JSON.parse(readFileSync(set.gold, "utf8")));
    for (const item of gold.questions) {
      const speakers = engine;
      const g = gather(engine.index, item.q, { model: blankModel(gate), quotesBy: (name) => speakers.speakerQuotes(name), datesIn: engine.sentenceDates });
      const answerable = item.answer !== null;
      const spans = (item.answer ?? []).map(norm);
      if (!("candidates" in g)) {
        // Refused before any candidate (an unknown name): nothing to learn from it.
        out.push({ story: set.story, answerable, rows: [], eligible: [], right: [], question: [] });
        continue;
      }
      markCorroboration(g.candidates, g.idf, true);
      const rows: number[][] = [];
      const eligible: boolean[] = [];
      const right: boolean[] = [];
      for (const c of g.candidates) {
        rows.push(CANDIDATE_FEATURES.map((f) => (WITHOUT.has(f) ? 0 : c.features[f])));
        eligible.push(gate ? c.eligible : c.eligible || c.features.exact + c.features.soft > 0);
        const span = excerptSpan(c, g.q.kind);
        const text = norm(c.view.article.text.slice(span.start, span.end));
        right.push(spans.some((s) => text.includes(s)));
      }
      out.push({ story: set.story, answerable, rows, eligible, right, question: QUESTION_FEATURES.map((f) => g.question[f]) });
    }
  }
  return out;
}

const L2 = 0.01;
const STEPS = 1500;
const RATE = 0.05;

/** Full-batch Adam from zeros on a loss whose gradient `gradient` adds into its argument. */
function adam(n: number, gradient: (theta: Float64Array, grad: Float64Array) => number): Float64Array {
  const theta = new Float64Array(n);
  const m = new Float64Array(n);
  const s = new Float64Array(n);
  for (let step = 1; step <= STEPS; step++) {
    const grad = new Float64Array(n);
    const count = Math.max(1, gradient(theta, grad));
    for (let j = 0; j < n; j++) {
      const g = grad[j]! / count + L2 * theta[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * g;
      s[j] = 0.999 * s[j]! + 0.001 * g * g;
      theta[j]! -= (RATE * (m[j]! / (1 - 0.9 ** step))) / (Math.sqrt(s[j]! / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return theta;
}

function dot(w: ArrayLike<number>, row: readonly number[], offset = 0): number {
  let t = 0;
  for (let j = 0; j < row.length; j++) t += w[offset + j]! * row[j]!;
  return t;
}

/** The ranker: softmax over each answerable question's eligible candidates, wanting the right ones. */
export function fitRanker(data: readonly Example[]): number[] {
  const usable = data.filter((e) => e.answerable && e.right.some((r, i) => r && e.eligible[i]));
  const theta = adam(CANDIDATE_FEATURES.length, (w, grad) => {
    for (const e of usable) {
      const idx = e.rows.map((_, i) => i).filter((i) => e.eligible[i]);
      const scores = idx.map((i) => dot(w, e.rows[i]!));
      const max = Math.max(...scores);
      const ex = scores.map((x) => Math.exp(x - max));
      const z = ex.reduce((t, x) => t + x, 0);
      const zt = idx.reduce((t, i, k) => t + (e.right[i] ? ex[k]! : 0), 0);
      idx.forEach((i, k) => {
        const g = ex[k]! / z - (e.right[i] ? ex[k]! / zt : 0);
        const row = e.rows[i]!;
        for (let j = 0; j < row.length; j++) grad[j]! += g * row[j]!;
      });
    }
    return usable.length;
  });
  return [...theta];
}

/** What the confidence sees of a question under a ranker: its inputs, and whether the lead is right. */
interface Decision {
  answerable: boolean;
  /** Null: no candidate may lead (refused whatever the confidence). */
  inputs: number[] | null;
  leadRight: boolean;
}

export function decide(e: Example, ranker: readonly number[]): Decision {
  let best = -1;
  let bestScore = -Infinity;
  let second = -Infinity;
  e.rows.forEach((row, i) => {
    if (!e.eligible[i]) return;
    const s = dot(ranker, row);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = i;
    } else if (s > second) second = s;
  });
  if (best < 0 || e.question.length === 0) return { answerable: e.answerable, inputs: null, leadRight: false };
  const margin = Math.min(MARGIN_CAP, Number.isFinite(second) ? bestScore - second : MARGIN_CAP);
  return { answerable: e.answerable, inputs: [...e.question, ...e.rows[best]!, margin], leadRight: e.right[best]! };
}

/** The confidence head: logistic regression of "answerable and the lead is right". */
export function fitConfidence(decisions: readonly Decision[]): number[] {
  const usable = decisions.filter((d) => d.inputs !== null);
  const n = QUESTION_FEATURES.length + CANDIDATE_FEATURES.length + 1;
  const theta = adam(n, (w, grad) => {
    for (const d of usable) {
      const p = 1 / (1 + Math.exp(-dot(w, d.inputs!)));
      const g = p - (d.answerable && d.leadRight ? 1 : 0);
      for (let j = 0; j < n; j++) grad[j]! += g * d.inputs![j]!;
    }
    return usable.length;
  });
  return [...theta];
}

const probability = (conf: readonly number[], d: Decision) => (d.inputs === null ? 0 : 1 / (1 + Math.exp(-dot(conf, d.inputs))));

export interface Score {
  answerable: number;
  hit: number;
  unanswerable: number;
  refused: number;
}

function tally(decisions: readonly Decision[], conf: readonly number[], threshold: number): Score {
  const r: Score = { answerable: 0, hit: 0, unanswerable: 0, refused: 0 };
  for (const d of decisions) {
    const answers = probability(conf, d) >= threshold;
    if (d.answerable) {
      r.answerable++;
      if (answers && d.leadRight) r.hit++;
    } else {
      r.unanswerable++;
      if (!answers) r.refused++;
    }
  }
  return r;
}

/** Right decisions over all questions: a right lead, or a refusal where the coverage has no answer. */
const balance = (s: Score) => (s.hit + s.refused) / Math.max(1, s.answerable + s.unanswerable);

/** The threshold (in steps of 0.02) with the most right decisions. */
function bestThreshold(decisions: readonly Decision[], conf: readonly number[]): number {
  let best = 0.5;
  let bestValue = -Infinity;
  for (let t = 0.1; t <= 0.9 + 1e-9; t += 0.02) {
    const v = balance(tally(decisions, conf, t));
    if (v > bestValue + 1e-9) {
      bestValue = v;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

interface Fitted {
  ranker: number[];
  confidence: number[];
  threshold: number;
}

/** Story groups for cross-fitting the confidence's inputs (stories dealt round-robin). */
const CROSS_FIT_GROUPS = 4;

/** Both heads on `data`, the confidence on cross-fitted rankers (each blind to its group's stories). */
export function fitModel(data: readonly Example[]): Fitted {
  const ranker = fitRanker(data);
  const stories = [...new Set(data.map((e) => e.story))];
  const groupOf = new Map(stories.map((s, i) => [s, i % CROSS_FIT_GROUPS]));
  const decisions: Decision[] = [];
  for (let g = 0; g < Math.min(CROSS_FIT_GROUPS, stories.length); g++) {
    const fold = stories.length > 1 ? fitRanker(data.filter((e) => groupOf.get(e.story) !== g)) : ranker;
    for (const e of data.filter((x) => groupOf.get(x.story) === g)) decisions.push(decide(e, fold));
  }
  const confidence = fitConfidence(decisions);
  return { ranker, confidence, threshold: bestThreshold(decisions, confidence) };
}

export function evaluate(data: readonly Example[], fitted: Fitted): Score {
  return tally(
    data.map((e) => decide(e, fitted.ranker)),
    fitted.confidence,
    fitted.threshold,
  );
}

/**
 * Leave-one-story-out: both heads (and the threshold) fitted on the other stories, scored on the
 * one left out. The inner cross-fitting makes this nested and slow; TRAIN_QUICK=1 fits the
 * confidence in-sample inside each fold instead (for quick comparisons only).
 */
function crossValidate(data: readonly Example[]): { total: Score; byStory: Record<string, Score>; curve: string[] } {
  const stories = [...new Set(data.map((e) => e.story))];
  const total: Score = { answerable: 0, hit: 0, unanswerable: 0, refused: 0 };
  const byStory: Record<string, Score> = {};
  /** Each left-out question's decision and confidence, for the threshold curve. */
  const outOfFold: { d: Decision; conf: number[] }[] = [];
  for (const story of stories) {
    const train = data.filter((e) => e.story !== story);
    let fitted: Fitted;
    if (process.env.TRAIN_QUICK === "1") {
      const ranker = fitRanker(train);
      const decisions = train.map((e) => decide(e, ranker));
      const confidence = fitConfidence(decisions);
      fitted = { ranker, confidence, threshold: bestThreshold(decisions, confidence) };
    } else fitted = fitModel(train);
    const held = data.filter((e) => e.story === story);
    const sc = evaluate(held, fitted);
    for (const e of held) outOfFold.push({ d: decide(e, fitted.ranker), conf: fitted.confidence });
    byStory[story] = sc;
    for (const k of Object.keys(total) as (keyof Score)[]) total[k] += sc[k];
  }
  // What a fixed threshold would give across the left-out stories (each with its fold's weights).
  const curve = [0.3, 0.4, 0.5, 0.6, 0.7].map((t) => {
    const sc: Score = { answerable: 0, hit: 0, unanswerable: 0, refused: 0 };
    for (const { d, conf } of outOfFold) {
      const one = tally([d], conf, t);
      for (const k of Object.keys(sc) as (keyof Score)[]) sc[k] += one[k];
    }
    return `threshold ${t}: ${line(sc)}`;
  });
  return { total, byStory, curve };
}

const pct = (a: number, b: number) => `${b ? Math.round((100 * a) / b) : 0}%`;
const line = (s: Score) => `hit@1 ${s.hit}/${s.answerable} (${pct(s.hit, s.answerable)}), refusals ${s.refused}/${s.unanswerable} (${pct(s.refused, s.unanswerable)})`;

function main(): void {
  const sets = trainingSets();
  const results: { gate: boolean; cv: ReturnType<typeof crossValidate>; data: Example[] }[] = [];
  for (const gate of [true, false]) {
    const data = examples(sets, gate);
    const cv = crossValidate(data);
    console.log(`answer checks as ${gate ? "a gate" : "features"}: leave-one-story-out ${line(cv.total)}`);
    results.push({ gate, cv, data });
  }
  const chosen = results.reduce((a, b) => (balance(b.cv.total) > balance(a.cv.total) ? b : a));
  for (const [story, sc] of Object.entries(chosen.cv.byStory)) console.log(`  ${story.padEnd(26)} ${line(sc)}`);
  for (const c of chosen.cv.curve) console.log(`  ${c}`);
  const fitted = fitModel(chosen.data);
  const inSample = evaluate(chosen.data, fitted);
  const stories = [...new Set(chosen.data.map((e) => e.story))];
  console.log(`fitted on all ${chosen.data.length} questions (${stories.length} stories): in-sample ${line(inSample)}, threshold ${fitted.threshold}`);
  const nq = QUESTION_FEATURES.length;
  const nc = CANDIDATE_FEATURES.length;
  const model: AnswerModel = {
    about: "Answer model fitted by `npm run train` (src/train.ts) on tests/fixtures ask sets; do not edit by hand.",
    gate: chosen.gate,
    candidate: weightsRecord(CANDIDATE_FEATURES, fitted.ranker),
    confidence: {
      question: weightsRecord(QUESTION_FEATURES, fitted.confidence.slice(0, nq)),
      lead: weightsRecord(CANDIDATE_FEATURES, fitted.confidence.slice(nq, nq + nc)),
      margin: Math.round(fitted.confidence[nq + nc]! * 10000) / 10000,
    },
    threshold: fitted.threshold,
    training: {
      questions: chosen.data.length,
      stories,
      l2: L2,
      steps: STEPS,
      crossValidated: { ...chosen.cv.total, summary: line(chosen.cv.total) },
      inSample: { ...inSample, summary: line(inSample) },
    },
  };
  writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(MODEL_FILE)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
