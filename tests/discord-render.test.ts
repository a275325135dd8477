/** Discord rendering: escaping, truncation at sentence boundaries, and every message limit. */
import { describe, expect, test } from "vitest";
import type { AskResult } from "../src/answer/types.js";
import type { Citation } from "../src/citation/citation.js";
import type { QuoteOccurrence, QuoteResult } from "../src/quotes/types.js";
import { blockQuote, escapeMarkdown, fitText, safeUrl } from "../src/render/discord-text.js";
import { supportLine } from "../src/render/support.js";
import {
  DISCORD_LIMITS,
  fitAnswer,
  QUOTED_ABOVE,
  renderAskPages,
  renderNotCovered,
  renderQuotePages,
  renderSourcesPages,
  speakerChoices,
  type MessagePage,
} from "../src/render/discord.js";
import { messageViolations } from "./fake-discord/index.js";

function citation(n: number, excerpt: string, over: Partial<Citation> = {}): Citation {
  return {
    n,
    articleId: `a${n}`,
    title: `Headline ${n}`,
    outlet: `Outlet ${n}`,
    url: `https://example.org/news/${n}`,
    published: "2024-03-0" + ((n % 9) + 1),
    excerpt,
    start: 0,
    end: excerpt.length,
    link: `https://example.org/news/${n}#:~:text=${encodeURIComponent(excerpt.slice(0, 10))}`,
    sameAs: null,
    ...over,
  };
}

function askResult(question: string, citations: Citation[], support = citations.length): AskResult {
  return { question, answer: `${citations[0]!.excerpt} [1]`, citations, notFound: [], reason: null, support };
}

/** A long text made of sentences, so truncation has boundaries to choose from. */
function sentences(count: number, words = 18): string {
  return Array.from({ length: count }, (_, i) => `Sentence ${i + 1} ` + "word ".repeat(words).trim() + ".").join(" ");
}

function expectWithinLimits(pages: MessagePage[]): void {
  for (const page of pages) {
    expect(messageViolations({ content: page.content, embeds: page.embeds }, { requireBody: true })).toEqual([]);
  }
}

describe("escapeMarkdown", () => {
  test("neutralises inline markdown, links, mentions and code", () => {
    expect(escapeMarkdown("**bold** _it_ ~~s~~ `code` ||spoiler|| [x](https://e.vil) <@123> <t:1:R> a\\b")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[x\\](https\\://e.vil) \\<@123> \\<t:1:R> a\\\\b",
    );
  });

  test("neutralises line-start syntax: quotes, headings, subtext, lists", () => {
    expect(escapeMarkdown("> q\n# h\n-# small\n- item\n+ item\n1. first\n  2. second")).toBe(
      "\\> q\n\\# h\n\\-# small\n\\- item\n\\+ item\n1\\. first\n  2\\. second",
    );
  });

  test("leaves ordinary prose alone", () => {
    const prose = "Putin said on Monday (in Moscow) that 2 + 2 = 4; it's 50% - or so.";
    expect(escapeMarkdown(prose)).toBe(prose);
  });

  test("block quotes keep every line inside the quote", () => {
    expect(blockQuote("one\n> two\nthree")).toBe("> one\n> \\> two\n> three");
  });
});

describe("safeUrl", () => {
  test("keeps http(s), encodes what would end a markdown link, refuses other schemes", () => {
    expect(safeUrl("https://example.org/a_(b)?q=1 2")).toBe("https://example.org/a_%28b%29?q=1%202");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("file:///etc/passwd")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe("fitText", () => {
  test("returns the text unchanged when it fits", () => {
    expect(fitText("Short. Text.", 100)).toBe("Short. Text.");
  });

  test("cuts at the last sentence boundary that fits, with an ellipsis", () => {
    const text = "First sentence here. Second sentence here. Third sentence is much longer than the others.";
    expect(fitText(text, 50)).toBe("First sentence here. Second sentence here. …");
    expect(fitText(text, 30)).toBe("First sentence here. …");
  });

  test("does not cut after an abbreviation", () => {
    expect(fitText("The U.S. Senate met. It voted on a very long bill today.", 30)).toBe("The U.S. Senate met. …");
  });

  test("falls back to a word boundary when the first sentence is too long", () => {
    expect(fitText("one two three four five six seven", 16)).toBe("one two three …");
  });

  test("never splits a surrogate pair", () => {
    const out = fitText("😀".repeat(50), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).toBe("😀".repeat(4) + " …");
  });

  test("measures the rendered (escaped) text, and the kept part is a verbatim prefix", () => {
    const raw = "A *b* c. " + "Then _x_ again. ".repeat(20);
    const out = fitText(raw, 40);
    expect(out).toBe("A \\*b\\* c. Then \\_x\\_ again. …");
    expect(raw.startsWith(out.slice(0, -2).replace(/\\(.)/g, "$1"))).toBe(true);
  });
});

describe("fitAnswer", () => {
  test("keeps [n] markers unescaped and escapes the text", () => {
    expect(fitAnswer("Rates *rose* [1][3] and fell [2]", 100)).toBe("Rates \\*rose\\* [1][3] and fell [2]");
  });

  test("a parenthesis after a marker cannot form a link", () => {
    expect(fitAnswer("Text [1](https://evil.example)", 100)).toBe("Text [1]\\(https\\://evil.example)");
  });

  test("cuts at a sentence boundary and keeps the marker of what is kept", () => {
    const answer = `${sentences(40)} [1]`;
    const out = fitAnswer(answer, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.endsWith(". … [1]")).toBe(true);
  });
});

describe("renderAskPages", () => {
  test("an answer: the lead once with its markers, [1]'s source under it, other excerpts as block quotes with outlet, date and link, support in the footer", () => {
    const result = askResult("what *happened*?", [
      citation(1, "The council approved the plan."),
      citation(2, "Critics called it rushed.", { url: null, link: null, outlet: null, published: null }),
    ]);
    expect(renderAskPages(result)).toEqual([
      {
        embeds: [
          {
            title: "what \\*happened\\*?",
            description: "The council approved the plan. [1]",
            color: 0x3b82f6,
            fields: [
              // The lead is the description: its field says where it is from, without quoting it again.
              { name: "[1] Outlet 1 · 2024-03-02", value: "[Headline 1](https://example.org/news/1#:~:text=The%20counci)" },
              // No outlet and no URL: labelled by its headline, which is not repeated under it.
              { name: "[2] Headline 2 · undated", value: "> Critics called it rushed." },
            ],
            footer: { text: "1 of 2 articles reports this" },
          },
        ],
      },
    ]);
  });

  test("the lead is shown once, in the description with its markers, never again in [1] (issue 14 reply fix 4)", () => {
    const lead = "The council approved the plan after a night of debate.";
    const result = askResult("what happened", [citation(1, lead), citation(2, "The council has approved the plan.", { sameAs: 1 }), citation(3, "Critics called it rushed.")]);
    result.answer = `${lead} [1][2]`;
    const page = renderAskPages({ ...result, disagreements: [{ kind: "count", values: [{ text: "12", citations: [1] }, { text: "14", citations: [2] }] }] })[0]!;
    const embed = page.embeds[0]!;
    expect(embed.description).toBe(`${lead} [1][2]`);
    // Once in the whole reply: the field of [1] names its source, its repeat and the flag, and quotes nothing.
    expect(JSON.stringify(page).split("night of debate").length - 1).toBe(1);
    expect(embed.fields![0]).toEqual({
      name: "[1] Outlet 1 · 2024-03-02",
      value:
        "[Headline 1](https://example.org/news/1#:~:text=The%20counci)\n" +
        "Same report: [2] [Outlet 2](https://example.org/news/2#:~:text=The%20counci)\n" +
        // Escaped like all text from the articles.
        'Outlets differ: count: "12" \\[1\\] · "14" \\[2\\]',
    });
    expect(embed.fields![1]!.value.startsWith("> Critics called it rushed.")).toBe(true);
    // A lead with no headline line to show (no outlet, no URL: the label is the headline) still gets a value.
    const bare = askResult("q", [citation(1, lead, { outlet: null, url: null, link: null, title: "Council votes" })]);
    expect(renderAskPages(bare)[0]!.embeds[0]!.fields).toEqual([{ name: "[1] Council votes · 2024-03-02", value: QUOTED_ABOVE }]);
    // An answer that does not lead with [1]'s words (not one the engine makes) quotes [1] as before.
    const other = askResult("q", [citation(1, lead)]);
    other.answer = "Something else entirely. [1]";
    expect(renderAskPages(other)[0]!.embeds[0]!.fields![0]!.value.startsWith(`> ${lead}`)).toBe(true);
  });

  test("the lead's field stays within Discord's limits however much is said under it (long headline and link, many repeats, a long flag)", () => {
    const url = `https://example.org/${"very-long-path/".repeat(25)}`;
    const lead = citation(1, "The council approved the plan.", { title: "A headline that goes on ".repeat(12), url, link: `${url}#:~:text=x` });
    const repeats = Array.from({ length: 20 }, (_, i) => citation(i + 2, "The council has approved the plan.", { sameAs: 1, outlet: `An outlet with a long name ${i}`, url, link: `${url}#${i}` }));
    const flag = { kind: "count" as const, values: Array.from({ length: 12 }, (_, i) => ({ text: `${i} people and a long description`, citations: [i + 1] })) };
    const pages = renderAskPages({ ...askResult("q", [lead, ...repeats]), disagreements: [flag] });
    expectWithinLimits(pages);
    const value = pages[0]!.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    expect(value).toMatch(/^\[A headline that goes on/);
    expect(value).toMatch(/\nSame report: 20 outlets\nOutlets differ: /);
  });

  test("a report repeated by other outlets is shown once, the others listed under [1] with their links", () => {
    const result = askResult("what happened", [
      citation(1, "The council approved the plan."),
      citation(2, "The council has approved the plan.", { sameAs: 1 }),
      citation(3, "The council approved its plan.", { sameAs: 1, url: null, link: null, outlet: null }),
      citation(4, "Critics called it rushed."),
    ]);
    result.answer = "The council approved the plan. [1][2][3]";
    const embed = renderAskPages(result)[0]!.embeds[0]!;
    expect(embed.description).toBe("The council approved the plan. [1][2][3]");
    expect(embed.fields).toEqual([
      {
        name: "[1] Outlet 1 · 2024-03-02",
        value:
          "[Headline 1](https://example.org/news/1#:~:text=The%20counci)\n" +
          "Same report: [2] [Outlet 2](https://example.org/news/2#:~:text=The%20counci) · [3] *Headline 3*",
      },
      { name: "[4] Outlet 4 · 2024-03-05", value: "> Critics called it rushed.\n[Headline 4](https://example.org/news/4#:~:text=Critics%20ca)" },
    ]);
  });

  test("not covered: one short friendly line, nothing cited", () => {
    const result: AskResult = { question: "q", answer: null, citations: [], notFound: ["zebras"], reason: 'The coverage doesn\'t mention "zebras".', support: 0 };
    const pages = renderAskPages(result);
    expect(pages).toEqual([renderNotCovered(result)]);
    expect(pages[0]!.embeds).toEqual([]);
    expect(pages[0]!.content).toBe(
      'The coverage doesn\'t mention "zebras". I only answer from the coverage, so I won\'t guess. Try other words, or see what it covers with /sources.',
    );
  });

  test("the footer counts articles and says so: the lead's and those repeating it, of all cited (issue 14 item 2)", () => {
    const three = [citation(1, "A."), citation(2, "B.", { sameAs: 1 }), citation(3, "C."), citation(4, "D.", { outlet: "Outlet 3" })];
    expect(supportLine(askResult("q", three, 2))).toBe("2 of 4 articles report this");
    expect(supportLine(askResult("q", three.slice(0, 2), 2))).toBe("All 2 articles cited report this");
    expect(supportLine(askResult("q", [citation(1, "A.")], 1))).toBe("From 1 article");
    // Articles without a named outlet are articles like any other: no "outlets" claimed for them.
    const unnamed = [citation(1, "A.", { outlet: null }), citation(2, "B.", { outlet: null })];
    expect(supportLine(askResult("q", unnamed, 1))).toBe("1 of 2 articles reports this");
    // Two excerpts of one article count once.
    expect(supportLine(askResult("q", [citation(1, "A."), citation(2, "B.", { articleId: "a1" }), citation(3, "C.")], 1))).toBe("1 of 2 articles reports this");
    expect(renderAskPages(askResult("q", three, 2))[0]!.embeds[0]!.footer!.text).toBe("2 of 4 articles report this");
  });

  test("an article without a manifest outlet is labelled by its URL's site, or by its headline, never 'Unknown outlet' (issue 14 item 1)", () => {
    const result = askResult("q", [
      citation(1, "A.", { outlet: null, url: "https://www.example.net/story", link: "https://www.example.net/story#:~:text=A." }),
      citation(2, "B.", { outlet: null, url: null, link: null, title: "Mayor resigns" }),
    ]);
    const fields = renderAskPages(result)[0]!.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(["[1] example.net · 2024-03-02", "[2] Mayor resigns · 2024-03-03"]);
    expect(fields[0]!.value).toBe("[Headline 1](https://www.example.net/story#:~:text=A.)");
    expect(fields[1]!.value).toBe("> B.");
    expect(JSON.stringify(renderAskPages(result))).not.toMatch(/Unknown outlet|no link/);
  });

  test("over-long excerpts are cut at sentence boundaries and spread over pages within every limit", () => {
    const long = sentences(60);
    const result = askResult("x".repeat(400), [1, 2, 3, 4, 5, 6, 7].map((n) => citation(n, long)));
    result.answer = `${long} [1]`;
    const pages = renderAskPages(result);
    expect(pages.length).toBeGreaterThan(1);
    expectWithinLimits(pages);
    const embeds = pages.flatMap((p) => p.embeds);
    const fields = embeds.flatMap((e) => e.fields ?? []);
    expect(fields.map((f) => f.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `[${n}] Outlet ${n} · 2024-03-0${n + 1}`));
    // The lead: once, in the first page's description, cut at a sentence boundary with its marker; [1] quotes nothing.
    expect(embeds[0]!.description!.endsWith(". … [1]")).toBe(true);
    expect(long.startsWith(embeds[0]!.description!.slice(0, -6))).toBe(true);
    expect(fields[0]!.value).toBe("[Headline 1](https://example.org/news/1#:~:text=Sentence%201)");
    for (const field of fields.slice(1)) {
      const quoted = field.value.split("\n")[0]!;
      expect(quoted.endsWith(". …")).toBe(true);
      expect(long.startsWith(quoted.slice(2, -2))).toBe(true);
    }
    expect(embeds.slice(1).every((e) => e.description === undefined)).toBe(true);
    expect(embeds.map((e) => e.footer?.text)).toEqual(embeds.map((_, i) => `1 of 7 articles reports this · Page ${i + 1} of ${embeds.length}`));
  });
});

describe("renderSourcesPages", () => {
  test("lists outlet, date, headline and link; an unsafe URL is not linked", () => {
    const pages = renderSourcesPages([
      { articleId: "a", title: "Budget [draft] passes", outlet: "The Ledger", url: "https://ledger.example/budget", published: "2024-01-02" },
      { articleId: "b", title: "Rumour mill", outlet: null, url: "javascript:alert(1)", published: null },
    ]);
    expect(pages).toEqual([
      {
        embeds: [
          {
            title: "Sources: 2 articles",
            description:
              "**1.** [Budget \\[draft\\] passes](https://ledger.example/budget)\nThe Ledger · 2024-01-02\n\n**2.** *Rumour mill*\nundated",
            color: 0x10b981,
          },
        ],
      },
    ]);
  });

  test("many long entries page at ten or fewer, each page within limits", () => {
    const sources = Array.from({ length: 37 }, (_, i) => ({
      articleId: `a${i}`,
      title: `Headline ${i} ` + "very long words ".repeat(30),
      outlet: "Outlet",
      url: `https://example.org/${"path/".repeat(60)}${i}`,
      published: "2024-01-01",
    }));
    const pages = renderSourcesPages(sources);
    expectWithinLimits(pages);
    const count = pages.reduce((n, p) => n + (p.embeds[0]!.description!.match(/^\*\*\d+\.\*\*/gm)?.length ?? 0), 0);
    expect(count).toBe(37);
    expect(pages.at(-1)!.embeds[0]!.footer).toEqual({ text: `Page ${pages.length} of ${pages.length}` });
  });
});

function occurrence(group: string, articleId: string, text: string, over: Partial<QuoteOccurrence> = {}): QuoteOccurrence {
  return {
    text,
    speaker: "Ana Ruiz",
    group,
    articleId,
    title: `Story ${articleId}`,
    outlet: `Outlet ${articleId}`,
    url: `https://example.org/${articleId}`,
    published: "2024-05-01",
    context: text,
    start: 0,
    end: text.length,
    contextStart: 0,
    contextEnd: text.length,
    link: null,
    kind: "statement",
    parts: [{ start: 0, end: text.length }],
    ...over,
  };
}

describe("renderQuotePages", () => {
  test("one field per statement in the first outlet's wording, then who else reported it", () => {
    const result: QuoteResult = {
      query: "ruiz",
      speaker: { name: "Ana Ruiz", aliases: ["Ruiz", "the mayor"] },
      quotes: [
        occurrence("g1", "x", "We will rebuild the bridge."),
        occurrence("g1", "y", "We will rebuild that bridge.", { url: null }),
        occurrence("g2", "y", "No comment.", { url: null }),
      ],
      mentionedIn: 2,
    };
    expect(renderQuotePages(result)).toEqual([
      {
        embeds: [
          {
            title: "Quotes from Ana Ruiz",
            description: "Also known in the coverage as: Ruiz, the mayor",
            color: 0x8b5cf6,
            fields: [
              {
                name: "1. Outlet x · 2024-05-01",
                value: "> We will rebuild the bridge.\n[Story x](https://example.org/x)\nAlso reported by *Outlet y*",
              },
              { name: "2. Outlet y · 2024-05-01", value: "> No comment.\n*Story y*" },
            ],
            footer: { text: "2 statements in 3 reports" },
          },
        ],
      },
    ]);
  });

  test("no quotes: says whether the name is mentioned at all", () => {
    expect(renderQuotePages({ query: "Zed", speaker: null, quotes: [], mentionedIn: 2 })).toEqual([
      { content: "Zed is mentioned in 2 articles but not quoted.", embeds: [] },
    ]);
    expect(renderQuotePages({ query: "**Zed**", speaker: null, quotes: [], mentionedIn: 0 })[0]!.content).toBe(
      "I found no quotes from \\*\\*Zed\\*\\* in the coverage. Start typing in the speaker option to see who is quoted.",
    );
  });

  test("many long statements with many outlets stay within every limit", () => {
    const quotes: QuoteOccurrence[] = [];
    for (let g = 0; g < 30; g++) {
      for (let a = 0; a < 12; a++) quotes.push(occurrence(`g${g}`, `art${a}-${"z".repeat(40)}`, sentences(40)));
    }
    const pages = renderQuotePages({ query: "ruiz", speaker: { name: "Ana Ruiz", aliases: [] }, quotes, mentionedIn: 12 });
    expectWithinLimits(pages);
    expect(pages.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []))).toHaveLength(30);
    expect(pages[0]!.embeds[0]!.fields![0]!.value).toMatch(/and \d+ other outlets$/);
  });
});

describe("speakerChoices", () => {
  test("at most 25 choices, names and values within 100 characters", () => {
    const speakers = Array.from({ length: 40 }, (_, i) => ({ name: `Speaker ${i} ${"n".repeat(120)}`, aliases: [], statements: i, quotes: i }));
    const choices = speakerChoices(speakers);
    expect(choices).toHaveLength(DISCORD_LIMITS.choices);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(speakerChoices([{ name: "Ana Ruiz", aliases: [], statements: 1, quotes: 2 }])).toEqual([{ name: "Ana Ruiz · 1 statement", value: "Ana Ruiz" }]);
  });
});
