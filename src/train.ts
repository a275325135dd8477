/**
 * `npm run train`: fits the answer model (src/answer/model.ts) on the labelled question sets in
 * tests/fixtures and writes src/answer/model.json. Deterministic: the same sets give the same file.
 *
 * Each question's candidates come from the engine's own stages (gather, then corroboration), so
 * the features trained on are exactly those scored at run time. A candidate is labelled right when
 * its cited span contains one of the question's gold spans. The objective is a softmax over the
 * question's candidates plus one abstain option: an answerable question wants its right
 * candidates, an unanswerable one wants abstain. L2-regularised, fitted by full-batch Adam.
 *
 * Reports leave-one-story-out cross-validation (fit on every other story, score the one left out)
 * for both ways of treating the answer checks (gate or feature), and keeps the better.
 *
 * Blind sets (tests/fixtures/ask-blind) are never read here.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { gather, markCorroboration } from "./answer/ask.js";
import { ABSTAIN_FEATURES, CANDIDATE_FEATURES, MODEL_FILE, type AnswerModel } from "./answer/model.js";
import { excerptSpan } from "./answer/select.js";
import { Engine } from "./engine.js";
import { DEFAULT_CACHE_DIR } from "./search/persist.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
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

/** A question as the fit sees it: feature rows of its candidates, which are right, and the abstain row. */
interface Example {
  story: string;
  answerable: boolean;
  rows: number[][];
  eligible: boolean[];
  /** Some cited text (`eligible` or not) contains a gold span. */
  right: boolean[];
  abstain: number[];
}

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** The zero model: gather runs in model mode (evidence decides refusals) without prior weights. */
function blankModel(gate: boolean): AnswerModel {
  return {
    about: "blank",
    gate,
    candidate: Object.fromEntries(CANDIDATE_FEATURES.map((f) => [f, 0])) as AnswerModel["candidate"],
    abstain: Object.fromEntries(ABSTAIN_FEATURES.map((f) => [f, 0])) as AnswerModel["abstain"],
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
      const g = gather(engine.index, item.q, { model: blankModel(gate) });
      const answerable = item.answer !== null;
      const spans = (item.answer ?? []).map(norm);
      if (!("candidates" in g)) {
        // Refused before any candidate (an unknown name): nothing to learn from it.
        out.push({ story: set.story, answerable, rows: [], eligible: [], right: [], abstain: [] });
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
      out.push({ story: set.story, answerable, rows, eligible, right, abstain: ABSTAIN_FEATURES.map((f) => g.question[f]) });
    }
  }
  return out;
}

export interface Weights {
  w: number[];
  v: number[];
  /** Hidden units: each a row of input weights, a bias, and its output weight. */
  hidden: { in: number[]; bias: number; out: number }[];
}

const L2 = Number(process.env.TRAIN_L2 ?? 0.01);
const STEPS = Number(process.env.TRAIN_STEPS ?? 1500);
const RATE = 0.05;
/** Hidden units of the scorer (0: plain logistic scoring). Chosen by cross-validation. */
const HIDDEN = Number(process.env.TRAIN_HIDDEN ?? 0);

/** A candidate's score under `weights`, and the hidden activations. */
export function scoreRow(weights: Weights, row: readonly number[]): { score: number; act: number[] } {
  let score = 0;
  for (let j = 0; j < row.length; j++) score += weights.w[j]! * row[j]!;
  const act = weights.hidden.map((h) => {
    let z = h.bias;
    for (let j = 0; j < row.length; j++) z += h.in[j]! * row[j]!;
    return Math.tanh(z);
  });
  weights.hidden.forEach((h, k) => (score += h.out * act[k]!));
  return { score, act };
}

/** Fits weights on `data` by Adam on the mean negative log-likelihood plus L2. Deterministic. */
export function fit(data: readonly Example[], hidden = HIDDEN): Weights {
  const nw = CANDIDATE_FEATURES.length;
  const nv = ABSTAIN_FEATURES.length;
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.2;
  const weights: Weights = {
    w: new Array<number>(nw).fill(0),
    v: new Array<number>(nv).fill(0),
    hidden: Array.from({ length: hidden }, () => ({ in: Array.from({ length: nw }, random), bias: random(), out: 0 })),
  };
  // Flat views of every parameter, for Adam.
  const params = () => [...weights.w, ...weights.v, ...weights.hidden.flatMap((h) => [...h.in, h.bias, h.out])];
  const assign = (flat: Float64Array) => {
    let i = 0;
    for (let j = 0; j < nw; j++) weights.w[j] = flat[i++]!;
    for (let j = 0; j < nv; j++) weights.v[j] = flat[i++]!;
    for (const h of weights.hidden) {
      for (let j = 0; j < nw; j++) h.in[j] = flat[i++]!;
      h.bias = flat[i++]!;
      h.out = flat[i++]!;
    }
  };
  const theta = Float64Array.from(params());
  const n = theta.length;
  const m = new Float64Array(n);
  const s2 = new Float64Array(n);
  const hOffset = nw + nv;
  const usable = data.filter((e) => e.abstain.length > 0 && (!e.answerable || e.right.some((r, i) => r && e.eligible[i])));
  for (let step = 1; step <= STEPS; step++) {
    const grad = new Float64Array(n);
    for (const e of usable) {
      const idx = e.rows.map((_, i) => i).filter((i) => e.eligible[i]);
      const scored = idx.map((i) => scoreRow(weights, e.rows[i]!));
      const a = e.abstain.reduce((t, x, j) => t + weights.v[j]! * x, 0);
      const max = Math.max(a, ...scored.map((x) => x.score));
      const ex = scored.map((x) => Math.exp(x.score - max));
      const ea = Math.exp(a - max);
      const z = ex.reduce((t, x) => t + x, ea);
      // Target: the right candidates (in proportion to their probability), or abstain.
      const target = idx.map((i, k) => (e.answerable && e.right[i] ? ex[k]! : 0));
      const zt = target.reduce((t, x) => t + x, 0);
      idx.forEach((i, k) => {
        const g = ex[k]! / z - (e.answerable ? target[k]! / zt : 0);
        if (g === 0) return;
        const row = e.rows[i]!;
        for (let j = 0; j < nw; j++) grad[j]! += g * row[j]!;
        const act = scored[k]!.act;
        weights.hidden.forEach((h, u) => {
          const base = hOffset + u * (nw + 2);
          const back = g * h.out * (1 - act[u]! * act[u]!);
          for (let j = 0; j < nw; j++) grad[base + j]! += back * row[j]!;
          grad[base + nw]! += back;
          grad[base + nw + 1]! += g * act[u]!;
        });
      });
      const ga = ea / z - (e.answerable ? 0 : 1);
      for (let j = 0; j < nv; j++) grad[nw + j]! += ga * e.abstain[j]!;
    }
    for (let j = 0; j < n; j++) {
      const g = grad[j]! / Math.max(1, usable.length) + L2 * theta[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * g;
      s2[j] = 0.999 * s2[j]! + 0.001 * g * g;
      theta[j]! -= (RATE * (m[j]! / (1 - 0.9 ** step))) / (Math.sqrt(s2[j]! / (1 - 0.999 ** step)) + 1e-8);
    }
    assign(theta);
  }
  return weights;
}

export interface Score {
  answerable: number;
  hit: number;
  unanswerable: number;
  refused: number;
}

/** hit@1 on answerable questions and refusals on unanswerable ones, as the engine would decide. */
export function evaluate(data: readonly Example[], weights: Weights): Score {
  const r: Score = { answerable: 0, hit: 0, unanswerable: 0, refused: 0 };
  for (const e of data) {
    let best = -Infinity;
    let bestRight = false;
    e.rows.forEach((row, i) => {
      if (!e.eligible[i]) return;
      const sc = scoreRow(weights, row).score;
      if (sc > best) {
        best = sc;
        bestRight = e.right[i]!;
      }
    });
    const abstain = e.abstain.length > 0 ? e.abstain.reduce((t, x, j) => t + weights.v[j]! * x, 0) : Infinity;
    const answers = best > abstain;
    if (e.answerable) {
      r.answerable++;
      if (answers && bestRight) r.hit++;
    } else {
      r.unanswerable++;
      if (!answers) r.refused++;
    }
  }
  return r;
}

function crossValidate(data: readonly Example[]): { total: Score; byStory: Record<string, Score> } {
  const stories = [...new Set(data.map((e) => e.story))];
  const total: Score = { answerable: 0, hit: 0, unanswerable: 0, refused: 0 };
  const byStory: Record<string, Score> = {};
  for (const story of stories) {
    const weights = fit(data.filter((e) => e.story !== story));
    const sc = evaluate(
      data.filter((e) => e.story === story),
      weights,
    );
    byStory[story] = sc;
    for (const k of Object.keys(total) as (keyof Score)[]) total[k] += sc[k];
  }
  return { total, byStory };
}

const pct = (a: number, b: number) => `${b ? Math.round((100 * a) / b) : 0}%`;
const line = (s: Score) => `hit@1 ${s.hit}/${s.answerable} (${pct(s.hit, s.answerable)}), refusals ${s.refused}/${s.unanswerable} (${pct(s.refused, s.unanswerable)})`;

function main(): void {
  const sets = trainingSets();
  const results: { gate: boolean; cv: ReturnType<typeof crossValidate>; data: Example[] }[] = [];
  for (const gate of [true, false]) {
    const data = examples(sets, gate);
    const cv = crossValidate(data);
    console.log(`answer checks as ${gate ? "a gate" : "a feature"}: leave-one-story-out ${line(cv.total)}`);
    results.push({ gate, cv, data });
  }
  const rate = (s: Score) => s.hit / Math.max(1, s.answerable) + s.refused / Math.max(1, s.unanswerable);
  const chosen = results.reduce((a, b) => (rate(b.cv.total) > rate(a.cv.total) ? b : a));
  for (const [story, sc] of Object.entries(chosen.cv.byStory)) console.log(`  ${story.padEnd(26)} ${line(sc)}`);
  const weights = fit(chosen.data);
  // The engine scores with the linear weights only: hidden units (TRAIN_HIDDEN) are for measuring.
  if (weights.hidden.length > 0) throw new Error("TRAIN_HIDDEN is for cross-validation only; the model file holds linear weights");
  const inSample = evaluate(chosen.data, weights);
  console.log(`fitted on all ${chosen.data.length} questions (${new Set(chosen.data.map((e) => e.story)).size} stories): in-sample ${line(inSample)}`);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const model: AnswerModel = {
    about: "Answer model fitted by `npm run train` (src/train.ts) on tests/fixtures ask sets; do not edit by hand.",
    gate: chosen.gate,
    candidate: Object.fromEntries(CANDIDATE_FEATURES.map((f, i) => [f, round(weights.w[i]!)])) as AnswerModel["candidate"],
    abstain: Object.fromEntries(ABSTAIN_FEATURES.map((f, i) => [f, round(weights.v[i]!)])) as AnswerModel["abstain"],
    training: {
      questions: chosen.data.length,
      stories: [...new Set(chosen.data.map((e) => e.story))],
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
