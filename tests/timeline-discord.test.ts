/**
 * /timeline in Discord: the same paging, limits, escaping and privacy option as /ask, through the
 * real discord.js client against the fake Discord, and the rendering on its own.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Citation } from "../src/citation/citation.js";
import { renderTimelinePages } from "../src/render/discord.js";
import type { TimelineEvent, TimelineResult } from "../src/timeline/timeline.js";
import { messageViolations } from "./fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "./fake-discord/with-bot.js";
import { HOSTILE_INPUTS } from "./fixtures/hostile-inputs.js";

function citation(n: number, excerpt: string): Citation {
  return { n, articleId: `a${n}`, title: `**Headline** ${n}`, outlet: `Outlet ${n}`, url: `https://example.org/${n}`, published: "2024-03-12", excerpt, start: 0, end: excerpt.length, link: `https://example.org/${n}#:~:text=x`, sameAs: null };
}

describe("renderTimelinePages", () => {
  test("a long timeline comes in pages that each fit every Discord limit, excerpts escaped", () => {
    const long = "The **council** voted <@123> on Monday to close the _old_ library, ".repeat(40) + "and left.";
    const events: TimelineEvent[] = Array.from({ length: 23 }, (_, i) => ({
      date: `2024-03-${String((i % 28) + 1).padStart(2, "0")}`,
      precision: "day",
      read_as: i % 2 ? "from 'on Monday', article of 12 Mar 2024" : null,
      citations: [citation(1, long), citation(2, "A short one."), citation(3, "Another.")],
      disagreements: i % 3 ? [] : [{ kind: "count", values: [{ text: "14 **people**", citations: [1] }, { text: "12 people", citations: [2, 3] }] }],
    }));
    const result: TimelineResult = { topic: "council `vote`", events, notFound: [], reason: null };
    const pages = renderTimelinePages(result);
    expect(pages.length).toBe(5);
    for (const page of pages) {
      expect(messageViolations({ content: page.content, embeds: page.embeds }, { requireBody: true })).toEqual([]);
      for (const f of page.embeds[0]!.fields!) {
        expect(f.value).not.toMatch(/(?<!\\)\*\*council/);
        expect(f.value).not.toMatch(/(?<!\\)<@123>/);
      }
    }
    const first = pages[0]!.embeds[0]!;
    expect(first.title).toBe("Timeline: council \\`vote\\`");
    expect(first.fields![0]!.name).toBe("Fri 1 Mar 2024");
    expect(first.fields![0]!.value).toContain("Outlets differ: count:");
    expect(first.fields![1]!.name).toBe("Sat 2 Mar 2024 · from 'on Monday', article of 12 Mar 2024");
    expect(first.footer!.text).toBe("23 dated events from 3 articles · Page 1 of 5");
  });

  test("no events is a short note that cites nothing", () => {
    const [page] = renderTimelinePages({ topic: "zqxwv", events: [], notFound: ["zqxwv"], reason: 'The coverage doesn\'t say: no article mentions "zqxwv".' });
    expect(page!.embeds).toEqual([]);
    expect(page!.content).toMatch(/no article mentions "zqxwv"/);
  });
});

describe("/timeline through the fake Discord", () => {
  let h: BotWithFake;
  beforeAll(async () => {
    h = await startBotWithFake();
  });
  afterAll(async () => {
    await h.stop();
  });

  test("replies with the first page, paging buttons, and pings nobody; private answers only the user", async () => {
    const ix = h.fake.sendCommand("timeline");
    const body = (await ix.response()) as unknown as { type: number; data: { embeds: unknown[]; components: { components: { custom_id: string }[] }[]; allowed_mentions: unknown; flags?: number } };
    const pages = renderTimelinePages(h.engine.timeline(null));
    expect(pages.length).toBeGreaterThan(1);
    expect(body.type).toBe(4);
    expect(body.data.embeds).toEqual(pages[0]!.embeds);
    expect(body.data.components[0]!.components.map((c) => c.custom_id.split(":")[0])).toEqual(["page", "page"]);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(messageViolations(body.data)).toEqual([]);

    const mine = h.fake.sendCommand("timeline", { topic: "Peskov", private: true });
    const privateBody = (await mine.response()) as unknown as { data: { embeds: unknown[]; flags?: number } };
    expect(privateBody.data.embeds).toEqual(renderTimelinePages(h.engine.timeline("Peskov"))[0]!.embeds);
    expect(privateBody.data.flags! & 64).toBe(64);
  });

  test("hostile topics are answered once each, within every limit, pinging nobody", async () => {
    for (const input of HOSTILE_INPUTS.slice(0, 12)) {
      const ix = h.fake.sendCommand("timeline", { topic: input.text.slice(0, 100) || "x" });
      const body = (await ix.response()) as unknown as { data: { content?: string; embeds?: unknown[]; allowed_mentions?: unknown; flags?: number } };
      expect(body.data.allowed_mentions, input.label).toEqual({ parse: [] });
      expect(messageViolations(body.data), input.label).toEqual([]);
      expect(ix.message?.mention_everyone ?? false).toBe(false);
    }
  });
});
