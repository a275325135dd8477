/**
 * End to end: the real discord.js Client, the real commands and engine, against the fake Discord on
 * 127.0.0.1. Assertions are on the exact payloads the bot sent over HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { Command } from "../src/bot/command.js";
import { loadCommands } from "../src/bot/commands.js";
import { PageStore } from "../src/bot/paging.js";
import { NOTES } from "../src/bot/replies.js";
import { Engine } from "../src/engine.js";
import { supportLine } from "../src/render/support.js";
import { renderAskHelp, renderAskPages, renderNotCovered, renderQuotePages, renderSourcesPages, speakerChoices, type MessagePage } from "../src/render/discord.js";
import { messageViolations, resolvePings, type ApiMessage, type FakeInteraction } from "./fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "./fake-discord/with-bot.js";
import { writeCorpus } from "./helpers/temp-corpus.js";

const NO_PINGS = { parse: [] };

/**
 * The exact callback body discord.js sends for `interaction.reply(page)`. A reply of text alone
 * goes without link previews (SUPPRESS_EMBEDS, 4): it may echo what the user typed.
 */
function replyBody(page: MessagePage, { components = [] as unknown[], ephemeral = false } = {}) {
  const flags = (ephemeral ? 64 : 0) | (page.embeds.length === 0 ? 4 : 0);
  return {
    type: 4,
    data: {
      ...(page.content !== undefined ? { content: page.content } : {}),
      tts: false,
      enforce_nonce: false,
      embeds: page.embeds,
      components,
      allowed_mentions: NO_PINGS,
      ...(flags ? { flags } : {}),
    },
  };
}

/** The exact body of an ephemeral note (apology, paging notes). */
function noteBody(content: string) {
  return { type: 4, data: { content, tts: false, enforce_nonce: false, allowed_mentions: NO_PINGS, flags: 64 } };
}

function pagingRow(key: string, owner: string, page: number, total: number) {
  return [
    {
      type: 1,
      components: [
        { type: 2, style: 2, label: "Previous", custom_id: `page:${key}:${owner}:${Math.max(0, page - 1)}`, disabled: page === 0 },
        { type: 2, style: 2, label: "Next", custom_id: `page:${key}:${owner}:${page + 1}`, disabled: page >= total - 1 },
      ],
    },
  ];
}

/** Every payload the fake received from the bot is one Discord would accept, and it accepted all. */
function expectAllAccepted(h: BotWithFake): void {
  for (const call of h.fake.calls) {
    if (call.route === "/interactions/:id/:token/callback") {
      const body = call.body as { type: number; data?: unknown };
      if (body.type === 4 || body.type === 7) expect(messageViolations(body.data)).toEqual([]);
      expect(body.type === 4 || body.type === 7 || body.type === 8).toBe(true);
    }
    expect(call.status, `${call.method} ${call.path} -> ${JSON.stringify(call.response)}`).toBeLessThan(300);
  }
}

/** A small invented story in two outlets, with a manifest. */
function bridgeCorpus(): string {
  return writeCorpus({
    "bridge-1.txt": [
      "Harbour Bridge Reopens After Storm Repairs",
      "",
      "The Lindqvist harbour bridge reopened on Tuesday after three weeks of storm repairs, the port authority said.",
      "",
      "Engineers replaced twelve damaged cables because salt water had corroded the steel anchors.",
      "",
      '"We will not reopen anything until it is safe," port director Mara Okafor told reporters.',
      "",
    ].join("\n"),
    "bridge-2.txt": [
      "Ferry Timetable Returns to Normal",
      "",
      "Ferries across the Lindqvist harbour returned to their usual timetable once the bridge reopened.",
      "",
      'Port director Mara Okafor said: "We will not reopen anything until it is safe."',
      "",
      '"The ferries carried twice their usual load," Okafor added.',
      "",
    ].join("\n"),
    "sources.json": JSON.stringify({
      "bridge-1": { url: "https://gazette.example/bridge-reopens", outlet: "Harbour Gazette", published: "2024-04-02" },
      "bridge-2": { url: null, outlet: "Coast Radio", published: "2024-04-03" },
    }),
  });
}

describe("with the seed corpus", () => {
  let h: BotWithFake;
  beforeAll(async () => {
    h = await startBotWithFake();
  });
  afterAll(async () => {
    await h.stop();
  });
  afterEach(() => {
    expectAllAccepted(h);
    expect(h.logs.join("\n")).not.toContain(h.token);
  });

  test("/ask answers with the lead once (its [n] markers), its source under it, other excerpts quoted and linked, pinging nobody", async () => {
    const question = "why did Putin wait";
    const ix = h.fake.sendCommand("ask", { question });
    const result = h.engine.ask(question);
    const expected = renderAskPages(result);
    expect(expected).toHaveLength(1);
    expect(await ix.response()).toEqual(replyBody(expected[0]!));

    const embed = expected[0]!.embeds[0]!;
    expect(embed.title).toBe(question);
    expect(embed.description).toMatch(/\[1\]/);
    // One field per excerpt shown in its own right; repeats of the same report are listed under it.
    const shown = result.citations.filter((c) => c.sameAs === null);
    expect(embed.fields!.map((f) => f.name.slice(0, f.name.indexOf(" ")))).toEqual(shown.map((c) => `[${c.n}]`));
    embed.fields!.forEach((f, i) => {
      // The lead is the description; [1] gives its source without quoting it again (issue 14 reply fix 4).
      if (i === 0) expect(f.value).not.toContain(shown[0]!.excerpt.slice(0, 40));
      else expect(f.value.startsWith(`> ${shown[i]!.excerpt.slice(0, 20)}`)).toBe(true);
      for (const same of result.citations.filter((c) => c.sameAs === shown[i]!.n)) expect(f.value).toContain(`[${same.n}] `);
    });
    expect(embed.description!.startsWith(shown[0]!.excerpt.slice(0, 40))).toBe(true);
    expect(JSON.stringify(embed).split(shown[0]!.excerpt.slice(0, 40)).length - 1).toBe(1);
    expect(embed.footer!.text).toBe(supportLine(result));
    expect(embed.footer!.text).toMatch(/^(?:From 1 article|All \d+ articles cited report this|\d+ of \d+ articles reports? this)$/);
    expect(ix.message!.mention_everyone).toBe(false);
  });

  test("/ask that the coverage does not answer gets a short friendly reply and cites nothing", async () => {
    const question = "what did the zqxwv committee decide";
    const result = h.engine.ask(question);
    expect(result.answer).toBeNull();
    const ix = h.fake.sendCommand("ask", { question });
    const body = await ix.response();
    expect(body).toEqual(replyBody(renderNotCovered(result)));
    expect(body.data!.content).toContain("zqxwv");
    expect(body.data!.content).toContain("won't guess");
    expect(body.data!.embeds).toEqual([]);
  });

  test("/ask with a greeting or a bare 'help' gets the short help reply, not a refusal (issue 14 item 5)", async () => {
    for (const question of ["hi", "Hello!", "help", "?"]) {
      const ix = h.fake.sendCommand("ask", { question });
      const body = await ix.response();
      expect(body).toEqual(replyBody(renderAskHelp()));
      expect(body.data!.content).toContain("/ask");
      expect(body.data!.content).not.toMatch(/no article mentions|won't guess/);
    }
  });

  test("/ask private:true answers ephemerally", async () => {
    const ix = h.fake.sendCommand("ask", { question: "why did Putin wait", private: true });
    expect(await ix.response()).toEqual(replyBody(renderAskPages(h.engine.ask("why did Putin wait"))[0]!, { ephemeral: true }));
    expect(ix.message!.flags & 64).toBe(64);
  });

  test("an @everyone question pings no one, answered or not", async () => {
    for (const question of ["@everyone why did Putin wait", "@here <@123456789012345678> <@&223456789012345678> zqxwv"]) {
      const ix = h.fake.sendCommand("ask", { question });
      const body = await ix.response();
      expect(body.data!.allowed_mentions).toEqual({ parse: [] });
      expect(ix.message!.mention_everyone).toBe(false);
      expect(ix.message!.mentions).toEqual([]);
      expect(ix.message!.mention_roles).toEqual([]);
    }
    // The same content without allowed_mentions would have pinged: the check above can fail.
    expect(resolvePings("@here <@123456789012345678>", undefined)).toEqual({ everyone: true, users: ["123456789012345678"], roles: [] });
  });

  test("/sources lists the articles", async () => {
    const ix = h.fake.sendCommand("sources");
    expect(await ix.response()).toEqual(replyBody(renderSourcesPages(h.engine.sources())[0]!));
  });

  test("a handler that throws: logged with the interaction, the user gets an apology, the next command works", async () => {
    const spy = vi.spyOn(h.engine, "ask").mockImplementationOnce(() => {
      throw new Error("engine exploded");
    });
    const failed = h.fake.sendCommand("ask", { question: "why did Putin wait" });
    expect(await failed.response()).toEqual(noteBody(NOTES.apology));
    spy.mockRestore();

    const log = h.logs.find((l) => l.includes("interaction failed"))!;
    expect(log).toContain("engine exploded");
    expect(log).toContain(`"id":"${failed.id}"`);
    expect(log).toContain('"command":"ask"');
    expect(log).toContain('"question":"why did Putin wait"');
    expect(log).not.toContain(failed.token);

    const next = h.fake.sendCommand("ask", { question: "why did Putin wait" });
    expect(await next.response()).toEqual(replyBody(renderAskPages(h.engine.ask("why did Putin wait"))[0]!));
  });
});

describe("with an invented corpus", () => {
  test("/ask quotes the article verbatim, with outlet, date and link; /sources lists both articles exactly", async () => {
    const h = await startBotWithFake({ corpusDir: bridgeCorpus() });
    try {
      const ask = h.fake.sendCommand("ask", { question: "why were the cables replaced" });
      const body = await ask.response();
      expect(body).toEqual(replyBody(renderAskPages(h.engine.ask("why were the cables replaced"))[0]!));
      const embed = (body.data!.embeds as { description: string; fields: { name: string; value: string }[] }[])[0]!;
      const lead = "Engineers replaced twelve damaged cables because salt water had corroded the steel anchors.";
      expect(embed.description).toBe(`${lead} [1]`);
      expect(embed.fields[0]!.name).toBe("[1] Harbour Gazette · 2024-04-02");
      // The lead once, above; [1] is its source: the headline linked to the sentence in the article.
      expect(embed.fields[0]!.value.startsWith("[Harbour Bridge Reopens After Storm Repairs](https://gazette.example/bridge-reopens")).toBe(true);
      expect(embed.fields[0]!.value).not.toContain("twelve damaged cables");

      const sources = h.fake.sendCommand("sources");
      expect(await sources.response()).toEqual({
        type: 4,
        data: {
          tts: false,
          enforce_nonce: false,
          embeds: [
            {
              title: "Sources: 2 articles",
              description:
                "**1.** [Harbour Bridge Reopens After Storm Repairs](https://gazette.example/bridge-reopens)\nHarbour Gazette · 2024-04-02\n\n" +
                "**2.** *Ferry Timetable Returns to Normal*\nCoast Radio · 2024-04-03",
              color: 0x10b981,
            },
          ],
          components: [],
          allowed_mentions: { parse: [] },
        },
      });
      expectAllAccepted(h);
    } finally {
      await h.stop();
    }
  });

  test("/quote with autocomplete: suggestions as the user types, then each statement once with every outlet", async () => {
    const h = await startBotWithFake({ corpusDir: bridgeCorpus() });
    try {
      const typing = h.fake.sendAutocomplete("quote", { speaker: "oka" }, "speaker");
      expect(await typing.response()).toEqual({ type: 8, data: { choices: speakerChoices(h.engine.suggestSpeakers("oka", 25)) } });
      const choices = ((await typing.response()).data!.choices as { name: string; value: string }[]);
      expect(choices[0]).toEqual({ name: "Mara Okafor · 2 statements", value: "Mara Okafor" });

      const empty = h.fake.sendAutocomplete("quote", { speaker: "" }, "speaker");
      expect(await empty.response()).toEqual({ type: 8, data: { choices: speakerChoices(h.engine.speakers()) } });

      const ix = h.fake.sendCommand("quote", { speaker: choices[0]!.value });
      expect(await ix.response()).toEqual(replyBody(renderQuotePages(h.engine.quote("Mara Okafor"))[0]!));
      const embed = (ix.message!.embeds as { title: string; fields: { name: string; value: string }[] }[])[0]!;
      expect(embed.title).toBe("Quotes from Mara Okafor");
      expect(embed.fields).toHaveLength(2);
      expect(embed.fields[0]).toEqual({
        name: "1. Harbour Gazette · 2024-04-02",
        value: "> We will not reopen anything until it is safe,\n[Harbour Bridge Reopens After Storm Repairs](" +
          embed.fields[0]!.value.split("](")[1]!.split(")")[0]! + ")\nAlso reported by *Coast Radio*",
      });
      expect(embed.fields[0]!.value).toContain("](https://gazette.example/bridge-reopens");
      expect(embed.fields[1]!.value.startsWith("> The ferries carried twice their usual load,\n*Ferry Timetable Returns to Normal*")).toBe(true);

      const nobody = h.fake.sendCommand("quote", { speaker: "Zebulon Quarrington" });
      expect((await nobody.response()).data!.content).toMatch(/^I found no quotes from Zebulon Quarrington/);
      expectAllAccepted(h);
    } finally {
      await h.stop();
    }
  });

  test("paging buttons: Next and Previous turn pages; foreign and stale clicks get a polite note", async () => {
    const files: Record<string, string> = {};
    const manifest: Record<string, unknown> = {};
    for (let i = 1; i <= 23; i++) {
      const id = `story-${String(i).padStart(2, "0")}`;
      files[`${id}.txt`] = `Market Report Number ${i}\n\nTraders in the invented town of Velmora bought ${i} crates of pears on market day.\n`;
      manifest[id] = { url: `https://velmora.example/${id}`, outlet: `Velmora Post`, published: "2024-02-01" };
    }
    files["sources.json"] = JSON.stringify(manifest);
    let clock = 1_000_000;
    const pages = new PageStore({ ttlMs: 60_000, now: () => clock });
    const h = await startBotWithFake({ corpusDir: writeCorpus(files), pages });
    try {
      const rendered = renderSourcesPages(h.engine.sources());
      expect(rendered).toHaveLength(3);
      const owner = h.fake.defaultUser.id;
      const ix = h.fake.sendCommand("sources");
      const first = await ix.response();
      const components = first.data!.components as { components: { custom_id: string }[] }[];
      const key = components[0]!.components[0]!.custom_id.split(":")[1]!;
      expect(first).toEqual(replyBody(rendered[0]!, { components: pagingRow(key, owner, 0, 3) }));
      const message = ix.message!;

      const next = h.fake.clickButton(message, "Next");
      const updateBody = (page: number) => ({
        type: 7,
        data: {
          content: "",
          tts: false,
          enforce_nonce: false,
          embeds: rendered[page]!.embeds,
          components: pagingRow(key, owner, page, 3),
          allowed_mentions: NO_PINGS,
        },
      });
      expect(await next.response()).toEqual(updateBody(1));
      expect(h.fake.messages.get(message.id)!.embeds).toEqual(rendered[1]!.embeds);

      expect(await h.fake.clickButton(message, "Next").response()).toEqual(updateBody(2));
      expect(() => h.fake.clickButton(message, "Next")).toThrow(/disabled/);
      expect(await h.fake.clickButton(message, "Previous").response()).toEqual(updateBody(1));

      const stranger = h.fake.user("stranger");
      const foreign = h.fake.clickButton(message, "Next", { user: stranger });
      expect(await foreign.response()).toEqual(noteBody(NOTES.foreignPage));
      expect(h.fake.messages.get(message.id)!.embeds).toEqual(rendered[1]!.embeds);

      const forged = h.fake.sendComponent(`page:ffffff0:${owner}:1`, message);
      expect(await forged.response()).toEqual(noteBody(NOTES.stalePage));
      const unknown = h.fake.sendComponent("something-else", message);
      expect(await unknown.response()).toEqual(noteBody(NOTES.unknownButton));

      clock += 61_000;
      const stale = h.fake.clickButton(message, "Previous");
      expect(await stale.response()).toEqual(noteBody(NOTES.stalePage));
      expectAllAccepted(h);
    } finally {
      await h.stop();
    }
  });

  test("an over-long result is cut at sentence boundaries and paged, every message within Discord's limits", async () => {
    // Invented words, different in every article, so the engine sees distinct excerpts, not repeats.
    const syllables = ["ka", "lo", "mi", "ve", "ru", "sa", "ne", "to", "pi", "da"];
    const word = (n: number) => [...String(n)].map((d) => syllables[Number(d)]).join("");
    const files: Record<string, string> = {};
    const manifest: Record<string, unknown> = {};
    for (let a = 1; a <= 26; a++) {
      const id = `tower-${String(a).padStart(2, "0")}`;
      const filler = Array.from({ length: 500 }, (_, i) => (i % 25 === 0 ? `*${word(a * 1000 + i)}*` : word(a * 1000 + i)));
      // One sentence longer than any field, and than the description, allows: it can only be cut at a word boundary.
      const sentence = `The glass tower of Orlin leaned because its foundation shifted, ${filler.join(" ")}, the _engineers_ wrote.`;
      const said = `"${filler.slice(0, 200).join(" ")} and that is why the tower of Orlin leans," engineer Tove Lindahl said.`;
      files[`${id}.txt`] = `${"The Leaning Glass Tower of Orlin and the Spring Floods ".repeat(4)}${a}\n\n${sentence}\n\n${said}\n`;
      manifest[id] = { url: `https://orlin.example/${"long/".repeat(40)}${id}`, outlet: `Orlin Outlet ${a}`, published: "2024-06-01" };
    }
    files["sources.json"] = JSON.stringify(manifest);
    const h = await startBotWithFake({ corpusDir: writeCorpus(files) });
    try {
      const question = "why did the glass tower of Orlin lean";
      const result = h.engine.ask(question);
      expect(result.answer).not.toBeNull();
      expect(result.answer!.length + result.citations.reduce((n, c) => n + c.excerpt.length, 0)).toBeGreaterThan(6000);
      const askPages = renderAskPages(result);
      expect(askPages.length).toBeGreaterThan(1);
      const ask = h.fake.sendCommand("ask", { question });
      const body = await ask.response();
      expect(body.type).toBe(4);
      expect(body.data!.embeds).toEqual(askPages[0]!.embeds);
      const fields = askPages.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
      expect(fields).toHaveLength(result.citations.length);
      // The lead, cut, once: in the first page's description with its marker; [1] names its source only.
      const description = askPages[0]!.embeds[0]!.description!;
      expect(description).toMatch(/ … \[1\]$/);
      expect(result.citations[0]!.excerpt.startsWith(description.slice(0, -6).replace(/\\(.)/g, "$1"))).toBe(true);
      expect(fields[0]!.value).toMatch(/^\[The Leaning Glass Tower of Orlin/);
      expect(fields[0]!.value).not.toContain("> ");
      fields.slice(1).forEach((field, i) => {
        const quoted = field.value.split("\n")[0]!;
        expect(quoted.endsWith(" …")).toBe(true);
        expect(result.citations[i + 1]!.excerpt.startsWith(quoted.slice(2, -2).replace(/\\(.)/g, "$1"))).toBe(true);
      });
      const row = (body.data!.components as { components: { label: string }[] }[])[0]!;
      expect(row.components.map((c) => c.label)).toEqual(["Previous", "Next"]);
      const second = h.fake.clickButton(ask.message!, "Next");
      expect((await second.response()).data!.embeds).toEqual(askPages[1]!.embeds);

      const sources = h.fake.sendCommand("sources");
      const sourcePages = renderSourcesPages(h.engine.sources());
      expect(sourcePages.length).toBeGreaterThan(2);
      await sources.response();
      let message: ApiMessage = sources.message!;
      const clicks: FakeInteraction[] = [];
      for (let page = 1; page < sourcePages.length; page++) {
        const click = h.fake.clickButton(message, "Next");
        await click.response();
        clicks.push(click);
        message = h.fake.messages.get(message.id)!;
        expect(message.embeds).toEqual(sourcePages[page]!.embeds);
      }
      expect(clicks).toHaveLength(sourcePages.length - 1);

      const quoteResult = h.engine.quote("Tove Lindahl");
      expect(quoteResult.quotes.length).toBe(26);
      const quotePages = renderQuotePages(quoteResult);
      expect(quotePages.length).toBeGreaterThan(1);
      const quote = h.fake.sendCommand("quote", { speaker: "Tove Lindahl" });
      expect((await quote.response()).data!.embeds).toEqual(quotePages[0]!.embeds);
      let quoteMessage = quote.message!;
      for (let page = 1; page < quotePages.length; page++) {
        await h.fake.clickButton(quoteMessage, "Next").response();
        quoteMessage = h.fake.messages.get(quoteMessage.id)!;
        expect(quoteMessage.embeds).toEqual(quotePages[page]!.embeds);
      }
      expectAllAccepted(h);
    } finally {
      await h.stop();
    }
  });
});

describe("errors and odd interactions", () => {
  test("a handler that throws after replying gets its apology as a follow-up; unknown commands get a note", async () => {
    const flaky: Command = {
      data: new SlashCommandBuilder().setName("flaky").setDescription("replies, then fails"),
      async execute(interaction: ChatInputCommandInteraction) {
        await interaction.reply({ content: "Working on it", allowedMentions: NO_PINGS });
        throw new Error("failed after replying");
      },
    };
    const commands = new Map([...(await loadCommands()), ["flaky", flaky]]);
    const h = await startBotWithFake({ engine: Engine.fromDir(bridgeCorpus()), commands });
    try {
      const ix = h.fake.sendCommand("flaky");
      expect((await ix.response()).data!.content).toBe("Working on it");
      const followup = await ix.untilFollowup();
      expect(followup.content).toBe(NOTES.apology);
      expect(followup.flags & 64).toBe(64);
      expect(ix.calls.at(-1)!.body).toEqual({ content: NOTES.apology, tts: false, enforce_nonce: false, allowed_mentions: NO_PINGS, flags: 64 });

      const unknown = h.fake.sendCommand("retired-command");
      expect(await unknown.response()).toEqual(noteBody(NOTES.unknownCommand));

      const after = h.fake.sendCommand("sources");
      expect((await after.response()).type).toBe(4);
      expectAllAccepted(h);
    } finally {
      await h.stop();
    }
  });

  test("stopping the bot closes its gateway connection", async () => {
    const h = await startBotWithFake({ corpusDir: bridgeCorpus() });
    expect(h.fake.gateway.live).toBe(true);
    await h.bot.stop();
    await h.fake.gateway.until(() => h.fake.gateway.live === false || undefined, "the connection to close");
    await h.fake.close();
  });
});
