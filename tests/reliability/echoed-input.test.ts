/**
 * Issue 13 item 4: a reply that echoes what a user typed never shows a link preview (an invite card
 * under the bot's name) and never turns the typed text into a link. Every reply without embeds of
 * its own is sent with SUPPRESS_EMBEDS, and a URL in echoed text is escaped so Discord does not
 * auto-link it.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startBotWithFake, type BotWithFake } from "../fake-discord/with-bot.js";
import { payloadProblems } from "../helpers/discord-checks.js";

const SUPPRESS_EMBEDS = 1 << 2;
/** A URL Discord would auto-link: a scheme and "//" not broken by an escape. */
const LIVE_URL = /(?<!\\)https?:\/\//i;

let h: BotWithFake;
beforeAll(async () => {
  h = await startBotWithFake();
});
afterAll(async () => {
  await h.stop();
});

describe("user input echoed in a reply", () => {
  test.each([
    ["quote", { speaker: "https://discord.gg/abcdef" }],
    ["quote", { speaker: "see http://evil.example/x please" }],
    ["ask", { question: "what did https://discord.gg/abcdef say" }],
    ["ask", { question: "https://evil.example/phish" }],
  ] as const)("/%s %j: no preview, no live link", async (command, options) => {
    const reply = await h.fake.sendCommand(command, { ...options }).response();
    const data = reply.data as { content?: string; embeds?: unknown[]; flags?: number };
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toBeTruthy();
    // /quote names who it looked for; /ask's reason names words it looked for, which a URL is not.
    if (command === "quote") expect(data.content).toMatch(/https?\\:\/\//);
    expect(data.content).not.toMatch(LIVE_URL);
    expect((data.flags ?? 0) & SUPPRESS_EMBEDS).toBe(SUPPRESS_EMBEDS);
    expect(payloadProblems(data)).toEqual([]);
  });
});
