/** Issue 14, "Replies a reader understands": the terminal side of each fix, on the seeds and on made-up results. */
import { describe, expect, it } from "vitest";
import type { AskResult } from "../src/answer/types.js";
import type { Citation } from "../src/citation/citation.js";
import { Engine } from "../src/engine.js";
import { renderAsk, renderAskHelp, renderQuotes, renderSources, renderTimeline } from "../src/render/terminal.js";
import { supportLine } from "../src/render/support.js";
import { renderAskPages, renderQuotePages } from "../src/render/discord.js";
import { isGreetingOrHelp } from "../src/text/greeting.js";
import { runCli } from "./helpers/run-cli.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const seeds = Engine.fromDir(SEEDS_DIR);

function citation(n: number, excerpt: string, over: Partial<Citation> = {}): Citation {
  return {
    n,
    articleId: `a${n}`,
    title: `Headline ${n}`,
    outlet: `Outlet ${n}`,
    url: `https://example.org/news/${n}`,
    published: "2024-03-02",
    excerpt,
    start: 0,
    end: excerpt.length,
    link: `https://example.org/news/${n}#:~:text=x`,
    sameAs: null,
    ...over,
  };
}

function result(citations: Citation[]): AskResult {
  return { question: "q", answer: `${citations[0]!.excerpt} [1]`, citations, notFound: [], reason: null, support: 1 };
}

describe("1. sources without a manifest outlet", () => {
  it("are labelled by their headline on the seeds, never 'Unknown outlet' or '(no link…)'", () => {
    const outputs = [
      renderAsk(seeds.ask("Did Trump admit defeat?")),
      renderAsk(seeds.ask("why did Putin wait")),
      renderQuotes(seeds.quote("Peskov")),
      renderTimeline(seeds.timeline()),
      renderSources(seeds.sources()),
    ];
    for (const out of outputs) expect(out).not.toMatch(/Unknown outlet|no link: the article has no URL/);
    expect(renderAsk(seeds.ask("Did Trump admit defeat?"))).toContain(
      "[1] Russia’s President Putin waiting for official results to congratulate the winner of US election, 2020-11-09\n",
    );
  });

  it("are named by the URL's site when there is one", () => {
    const out = renderAsk(result([citation(1, "A."), citation(2, "B.", { outlet: null, url: "https://www.example.net/x", link: "https://www.example.net/x#:~:text=B." })]));
    expect(out).toContain("[2] \"B.\"\n    example.net, 2024-03-02: Headline 2\n    https://www.example.net/x#:~:text=B.\n");
  });
});

describe("2. the support line", () => {
  it("says it counts articles, the same line in the terminal and in Discord", () => {
    const r = result([citation(1, "A."), citation(2, "A!", { sameAs: 1 }), citation(3, "C."), citation(4, "D."), citation(5, "E.")]);
    expect(supportLine(r)).toBe("2 of 5 articles report this");
    expect(renderAsk(r)).toContain("\n2 of 5 articles report this.\n");
    expect(renderAskPages(r)[0]!.embeds[0]!.footer!.text).toBe("2 of 5 articles report this");
    const why = seeds.ask("why did Putin wait");
    expect(renderAsk(why)).toContain("\nAll 3 articles cited report this.\n");
  });
});

describe("3. quote marks", () => {
  it("an excerpt that is itself a quotation keeps its own marks, never doubled", () => {
    const tweet = '"Congratulations to the Americans on the new leadership, and thank you for Sunday."';
    const out = renderAsk(result([citation(1, "A."), citation(2, tweet), citation(3, 'He said it was "within the results."')]));
    expect(out).toContain(`[2] ${tweet}\n`);
    expect(out).toContain('[3] He said it was "within the results."\n');
    expect(out).not.toMatch(/""|“"|"“|”"|"”/);
    expect(out).toContain('[1] Outlet 1, 2024-03-02: Headline 1\n');
  });

  it("nothing the seeds print has doubled marks", () => {
    for (const q of ["why did Putin wait", "how did Putin congratulate Biden", "what did Zelensky tweet", "who congratulated Biden"]) {
      expect(renderAsk(seeds.ask(q))).not.toMatch(/""|“"|"“|”"|"”/);
    }
    expect(renderTimeline(seeds.timeline())).not.toMatch(/""|“"|"“|”"|"”/);
  });
});

describe("4. the lead", () => {
  it("is printed once, with its markers, and its sources under it", () => {
    const r = seeds.ask("why did Putin wait");
    const out = renderAsk(r);
    const lead = r.citations[0]!.excerpt;
    expect(out.split(lead).length - 1).toBe(1);
    expect(out.startsWith(`${r.answer}\n`)).toBe(true);
    expect(r.answer).toMatch(/\[1\]\[2\]\[3\]$/);
    expect(out).toMatch(/\n\[1\] [^\n"]+, 2020-12-15\n {2}\[2\] same report: Kashmir Observer/);
  });
});

describe("5. a greeting or a bare 'help'", () => {
  it("is recognised, and a question is not", () => {
    for (const t of ["hi", "Hi!", "hello", "Hello there", "hey", "help", "HELP?", "?", " ?? "]) expect(isGreetingOrHelp(t)).toBe(true);
    for (const t of ["who helped Biden", "hi-tech exports", "why did Putin wait", "help for Ukraine?", "Hillary"]) expect(isGreetingOrHelp(t)).toBe(false);
  });

  it("gets a short help reply in the CLI, not a refusal; --json stays the engine's answer", () => {
    for (const q of ["hi", "help", "?"]) {
      const r = runCli(["ask", q]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(renderAskHelp());
      expect(r.stdout).toContain('npm run ask -- "');
      expect(r.stdout).not.toMatch(/no article mentions|Nothing cited/);
    }
    const json = JSON.parse(runCli(["ask", "--json", "hi"]).stdout) as AskResult;
    expect(json).toEqual(JSON.parse(JSON.stringify(seeds.ask("hi"))));
  });
});

describe("6. --help", () => {
  it("shows the commands as a user types them, and lists npm run index and npm run train", () => {
    const r = runCli(["--help"]);
    expect(r.status).toBe(0);
    for (const typed of ['npm run ask -- "QUESTION"', 'npm run cli -- quote "NAME"', "npm run cli -- timeline [TOPIC]", "npm run cli -- sources", "npm run index", "npm run train"]) {
      expect(r.stdout).toContain(typed);
    }
    expect(r.stdout).not.toMatch(/^usage: cli /m);
  });
});

describe("7. /quote shows each statement once", () => {
  const peskov = seeds.quote("Peskov");
  const groupOf = (article: string, words: string) => peskov.quotes.find((q) => q.articleId.startsWith(article) && q.text.includes(words))!.group;

  it("one outlet's single sentence joins the statement another quotes at length", () => {
    expect(groupOf("003", "We believe it's correct to wait")).toBe(groupOf("001", "We consider it correct to wait"));
  });

  it("a fragment is grouped with the statement that contains it, and not listed again", () => {
    expect(groupOf("003", "normalize our bilateral relations.")).toBe(groupOf("003", "In any case, we hope"));
    const out = renderQuotes(peskov);
    expect(out).not.toMatch(/(?:^\d+\. |^ {3}- )"normalize our bilateral relations\."/m);
    expect(out).toMatch(/^8 statements in 5 articles\.$/m);
    const discord = renderQuotePages(peskov).flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    expect(discord.length).toBe(8);
    expect(discord.some((f) => f.value.startsWith("> normalize our bilateral relations."))).toBe(false);
  });

  it("a quotation over two paragraphs keeps its break and loses the mark that reopens it", () => {
    const out = renderQuotes(peskov);
    expect(out).toContain("with the next U.S. president.\n      A significant part of these bilateral relations");
    expect(out).not.toContain('president. "A significant');
    const q = peskov.quotes.find((o) => o.text.startsWith("In any case"))!;
    const field = renderQuotePages({ ...peskov, quotes: [q] })[0]!.embeds[0]!.fields![0]!;
    expect(field.value).toContain("president.\n> \n> A significant part");
    expect(field.value).not.toContain('"A significant');
  });
});
