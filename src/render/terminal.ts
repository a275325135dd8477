/** Plain-text rendering of engine results for the terminal. */
import type { AskResult, Citation } from "../answer/types.js";
import type { SourceInfo } from "../engine.js";

function sourceLine(c: Pick<Citation, "outlet" | "published" | "title" | "articleId">): string {
  const who = c.outlet ?? "Unknown outlet";
  const when = c.published ?? "undated";
  return `${who}, ${when}: ${c.title}`;
}

/**
 * The answer, how many outlets back it, then each excerpt once with its source and link. An
 * outlet that carries the same report in near-identical words is listed under the excerpt it
 * repeats, with its own link, instead of printing the same sentence again.
 */
export function renderAsk(result: AskResult): string {
  if (result.answer === null) {
    return `${result.reason ?? "The coverage doesn't answer that."} Nothing cited.\n`;
  }
  const lines = [result.answer, ""];
  lines.push(result.support === 1 ? "Support: 1 outlet reports this." : `Support: ${result.support} outlets report this alike.`, "");
  for (const c of result.citations) {
    if (c.sameAs !== null) continue;
    lines.push(`[${c.n}] "${c.excerpt}"`);
    lines.push(`    ${sourceLine(c)}`);
    lines.push(`    ${c.link ?? "(no link: the article has no URL)"}`);
    for (const same of result.citations.filter((o) => o.sameAs === c.n)) {
      lines.push(`  [${same.n}] same report: ${sourceLine(same)}`);
      lines.push(`    ${same.link ?? "(no link: the article has no URL)"}`);
    }
  }
  return lines.join("\n") + "\n";
}

export function renderSources(sources: SourceInfo[]): string {
  return (
    sources
      .map((s, i) => `${i + 1}. ${sourceLine(s)}\n   ${s.url ?? "(no URL)"}`)
      .join("\n") + "\n"
  );
}
