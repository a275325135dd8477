/**
 * Issue 13 item 5: bracketed numbers in article text (Wikipedia-style footnotes) never pass for the
 * bot's own citation markers. The answer and every excerpt shown as prose drop them; the JSON
 * `excerpt` of each citation stays the verbatim slice of the article.
 */
import { describe, expect, test } from "vitest";
import { Engine } from "../../src/engine.js";
import { renderAskPages } from "../../src/render/discord.js";
import { renderAsk } from "../../src/render/terminal.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

const ARTICLE = `Harbour board votes to restore the old lighthouse

The harbour board voted on Thursday to restore the Kellan Point lighthouse,[2] which has been dark since a storm in 1998.[3]

The repairs will cost about 400,000 euros [12] and take two years.
`;

/** Bracketed numbers as a reader sees them: not escaped with a backslash. */
function shownMarkers(text: string): number[] {
  return [...text.matchAll(/(?<!\\)\[(\d+)\](?!\()/g)].map((m) => Number(m[1]));
}

describe("citation markers", () => {
  const engine = Engine.fromDir(writeCorpus({ "lighthouse.txt": ARTICLE, "sources.json": JSON.stringify({ lighthouse: { url: "https://harbour.example/lighthouse" } }) }));

  test.each(["when did the harbour board vote to restore the lighthouse", "how much will the repairs cost"])("%s: only the bot's markers, once each, after the answer", (question) => {
    const result = engine.ask(question);
    expect(result.answer).not.toBeNull();
    const numbers = result.citations.map((c) => c.n);
    // The engine's answer: its markers are exactly the citations', at its end.
    expect(shownMarkers(result.answer!)).toEqual(numbers.filter((n) => result.answer!.endsWith(`[${n}]`) || result.answer!.includes(`[${n}][`)));
    expect(result.answer).toMatch(/ (\[\d+\])+$/);
    expect(shownMarkers(result.answer!.replace(/ (\[\d+\])+$/, ""))).toEqual([]);
    // Discord: the lead answer and the block-quoted excerpts show no other bracketed numbers.
    const [page] = renderAskPages(result);
    const embed = page!.embeds[0]!;
    expect(shownMarkers(embed.description!).every((n) => numbers.includes(n))).toBe(true);
    expect(shownMarkers(embed.description!)).toHaveLength(new Set(shownMarkers(embed.description!)).size);
    for (const field of embed.fields!) expect(field.value).not.toMatch(/\\?\[\d+\\?\]/);
    // The terminal: "[n]" only where the bot numbers its sources.
    const lines = renderAsk(result).split("\n");
    expect(shownMarkers(lines[0]!.replace(/ (\[\d+\])+$/, ""))).toEqual([]);
    for (const line of lines.slice(1)) expect(line.replace(/^\s*\[\d+\] /, "")).not.toMatch(/\[\d+\]/);
    // The citation itself stays verbatim.
    for (const c of result.citations) expect(ARTICLE).toContain(c.excerpt);
    expect(result.citations.some((c) => /\[\d+\]/.test(c.excerpt))).toBe(true);
  });
});
