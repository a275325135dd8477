import { examples, fitRanker, trainingSets } from "./train.js";
import { readFileSync } from "node:fs";
import { Engine } from "./engine.js";
import { gather, markCorroboration } from "./answer/ask.js";
import { DEFAULT_CACHE_DIR } from "./search/persist.js";
import { CANDIDATE_FEATURES, answerModel } from "./answer/model.js";
const sets = trainingSets();
const story = process.argv[2]!;
const data = examples(sets, false);
const w = fitRanker(data.filter((e) => e.story !== story));
const qs: { q: string; corpus: string }[] = [];
for (const s of sets) for (const q of JSON.parse(readFileSync(s.gold, "utf8")).questions) qs.push({ q: q.q, corpus: s.corpus });
const m = answerModel();
data.forEach((e, i) => {
  if (e.story !== story || !e.answerable) return;
  const sc = e.rows.map((r) => r.reduce((t, x, j) => t + x * w[j]!, 0));
  const order = sc.map((_, k) => k).filter((k) => e.eligible[k]).sort((a, b) => sc[b]! - sc[a]!);
  if (order.length && e.right[order[0]!]) return;
  const eng = Engine.fromDir(qs[i]!.corpus, { cacheDir: DEFAULT_CACHE_DIR });
  const g = gather(eng.index, qs[i]!.q, { model: { ...m, gate: false } });
  if (!("candidates" in g)) { console.log("Q:", qs[i]!.q, "REFUSED EARLY"); return; }
  markCorroboration(g.candidates, g.idf, true);
  const r = order.findIndex((k) => e.right[k]);
  const show = (k: number | undefined) => k === undefined ? "-" : g.candidates[k]!.view.text.slice(0, 100) + "  {" + CANDIDATE_FEATURES.map((f, j) => e.rows[k]![j] ? `${f}:${e.rows[k]![j]!.toFixed(2)}` : "").filter(Boolean).join(" ") + "}";
  console.log(`Q: ${qs[i]!.q} [${g.q.kind}] words=${g.required.map((x) => x.word + (x.reach.size === 0 ? "?" : [...x.reach.keys()].every((t) => x.soft.has(t)) ? "~" : "")).join(",")} rightRank=${r}/${order.length}\n  top:   ${show(order[0])}\n  right: ${show(order[r] ?? e.right.findIndex((x) => x))}`);
});
