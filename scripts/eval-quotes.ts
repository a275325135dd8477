/**
 * `npm run eval:quotes [-- --seeds] [-- --misses] [-- --json]`: the quote pipeline's precision and
 * recall stage by stage (quote span, attribution, end to end, and /quote lookups) on the invented
 * quote sets, one row per set and one for all of them (counts summed). `--seeds` adds the seed
 * articles' held-out gold (real articles, not invented: reported, not tested); `--misses` lists
 * every miss; `--json` prints the counts. How each figure is counted: scripts/quote-stages.ts.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { evaluateSet, figures, QUOTE_SETS, sumCounts, table, type StageCounts } from "./quote-stages.js";

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { seeds: { type: "boolean", default: false }, misses: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  const started = performance.now();
  const rows: { name: string; counts: StageCounts }[] = QUOTE_SETS.filter((s) => s.invented).map((s) => ({ name: s.name, counts: evaluateSet(s) }));
  rows.push({ name: "**invented, all**", counts: sumCounts(rows.map((r) => r.counts)) });
  if (values.seeds) for (const s of QUOTE_SETS.filter((x) => !x.invented)) rows.push({ name: `${s.name} (real)`, counts: evaluateSet(s) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows.map((r) => ({ name: r.name, figures: figures(r.counts), counts: { ...r.counts, misses: undefined } })), null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${table(rows)}\n`);
  if (values.misses) {
    for (const r of rows.filter((x) => !x.name.startsWith("**"))) {
      if (r.counts.misses.length === 0) continue;
      process.stdout.write(`\n${r.name}:\n${r.counts.misses.map((m) => `  ${m}`).join("\n")}\n`);
    }
  }
  process.stdout.write(`\n${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
