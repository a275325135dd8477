import { describe, expect, it } from "vitest";
import { ask } from "../src/answer/ask.js";
import { encodeTextDirectiveTerm, textDirective, textFragmentLink } from "../src/citation/fragment.js";
import type { Citation } from "../src/citation/citation.js";
import { Engine } from "../src/engine.js";
import { supportLine } from "../src/render/support.js";
import { renderAsk } from "../src/render/terminal.js";
import { storyArticles, storyIndex } from "./helpers/ask-story.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const seeds = Engine.fromDir(SEEDS_DIR);
const story = storyIndex();
const storyArts = storyArticles();

/** Where a browser following the text directive would start and end the highlight (a regular expression, as an independent check). */
function highlighted(text: string, link: string): { start: number; end: number } {
  const directive = link.slice(link.indexOf(":~:text=") + ":~:text=".length);
  const [start, end] = directive.split(",").map(decodeURIComponent) as [string, string | undefined];
  const find = (needle: string, from: number) => {
    // The directive matches whole words only (the spec checks word boundaries at both ends).
    const words = needle.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, "iu");
    const m = re.exec(text.slice(from));
    return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
  };
  const s = find(start, 0)!;
  if (end === undefined) return s;
  return { start: s.start, end: find(end, s.end)!.end };
}

function expectLinksTo(c: Citation, text: string): void {
  expect(c.link!.startsWith(`${c.url}#:~:text=`)).toBe(true);
  expect(highlighted(text, c.link!)).toEqual({ start: c.start, end: c.end });
}

describe("text fragment links", () => {
  it("percent-encodes the directive's own syntax characters: '-', ',' and '&'", () => {
    expect(encodeTextDirectiveTerm("state-by-state, then A & B")).toBe("state%2Dby%2Dstate%2C%20then%20A%20%26%20B");
    expect(encodeTextDirectiveTerm("“quoted”")).toBe("%E2%80%9Cquoted%E2%80%9D");
  });

  it("links a short sentence whole and a long one by its first and last words", () => {
    const text = "Title\n\nThe bridge is shut. Engineers found hairline cracks in two steel supports during a routine survey in March.";
    const short = { start: text.indexOf("The bridge"), end: text.indexOf("shut.") + 5 };
    expect(textDirective(text, short)).toBe("The%20bridge%20is%20shut.");
    const long = { start: text.indexOf("Engineers"), end: text.length };
    expect(textDirective(text, long)).toBe("Engineers%20found%20hairline,survey%20in%20March.");
  });

  it("lengthens the start until it cannot match an earlier place on the page", () => {
    const text = "T\n\nPeskov said the talks were over. Later that day he left for Minsk.\n\nPeskov said the vote would be held again in every district next spring.";
    const span = { start: text.lastIndexOf("Peskov said"), end: text.length };
    const link = textFragmentLink("https://x.example/a", text, span)!;
    expect(highlighted(text, link)).toEqual(span);
    expect(link).toContain("#:~:text=Peskov%20said%20the%20vote");
  });

  it("counts as an earlier place what a browser would: any case, any white space, not inside a longer word", () => {
    const target = "Peskov said the vote would be held again in every district next spring.";
    const decoys = [
      "“PESKOV SAID THE\nvote was fair,” a reporter wrote.", // other case, a line break, after a quote mark
      "Peskov  said   the talks were over.", // runs of spaces
      "Peskovsky said the vote was fair, and ExPeskov said the rest.", // inside longer words only
    ];
    for (const decoy of decoys) {
      const text = `T\n\n${decoy}\n\n${target}`;
      const span = { start: text.lastIndexOf(target), end: text.length };
      const link = textFragmentLink("https://x.example/a", text, span)!;
      expect(highlighted(text, link), decoy).toEqual(span);
    }
    // The decoys that match force a longer start than the one that only sits inside longer words.
    const start = (decoy: string) => {
      const text = `T\n\n${decoy}\n\n${target}`;
      return decodeURIComponent(textDirective(text, { start: text.lastIndexOf(target), end: text.length }).split(",")[0]!);
    };
    expect(start(decoys[0]!)).toBe("Peskov said the vote would");
    expect(start(decoys[1]!)).toBe("Peskov said the vote");
    expect(start(decoys[2]!)).toBe("Peskov said the");
  });

  it("keeps a URL's own fragment and query", () => {
    const text = "T\n\nA short line here.";
    const span = { start: 3, end: text.length };
    expect(textFragmentLink("https://x.example/a?b=1&c=2#top", text, span)).toBe("https://x.example/a?b=1&c=2#top:~:text=A%20short%20line%20here.");
    expect(textFragmentLink(null, text, span)).toBeNull();
  });

  it("every citation of the seeds links to its own sentence, or has no link when the article has no URL", () => {
    const byId = new Map(seeds.articles.map((a) => [a.id, a]));
    for (const q of ["why did Putin wait", "Who congratulated Biden on his victory?", "What did Peskov say about the 2016 election?"]) {
      for (const c of seeds.ask(q).citations) {
        if (c.url === null) expect(c.link).toBeNull();
        else expectLinksTo(c, byId.get(c.articleId)!.text);
      }
    }
  });

  it("and so does every citation of the invented story", () => {
    const byId = new Map(storyArts.map((a) => [a.id, a]));
    const r = ask(story, "Was the reopening of the Larkspur Bridge postponed?");
    for (const c of r.citations) {
      if (c.url === null) expect(c.link).toBeNull();
      else expectLinksTo(c, byId.get(c.articleId)!.text);
    }
    expect(r.citations.some((c) => c.url === null)).toBe(true);
    const costly = ask(story, "How much will the repairs cost?").citations[0]!;
    expect(costly.link).toMatch(/^https:\/\/coastal\.example\/larkspur-repairs-cost\?id=7&src=wire#:~:text=/);
  });
});

describe("readable answer", () => {
  it("prints the answer once with its markers, the support, the lead's sources under it, and repeats as 'same report'", () => {
    const r = ask(story, "Was the reopening of the Larkspur Bridge postponed?");
    const out = renderAsk(r);
    const lines = out.split("\n");
    expect(lines[0]).toBe(r.answer);
    expect(out).toContain(`\n${supportLine(r)}.\n`);
    expect(supportLine(r)).toMatch(/^(?:All 3 articles cited report this|3 of \d+ articles report this)$/);
    const lead = r.citations[0]!;
    expect(out.split(lead.excerpt).length - 1).toBe(1); // in the answer only: [1] lists its source
    for (const c of r.citations.filter((x) => x.sameAs !== null)) {
      expect(out).toContain(`[${c.n}] same report: ${c.outlet ?? c.title}`);
      expect(out).not.toContain(`"${c.excerpt}"`);
    }
    expect(out).not.toMatch(/no link|Unknown outlet/);
  });
});
