/**
 * The hostile-input battery through the real bot and discord.js against the fake Discord: every
 * input to /ask and /quote (and typed into /quote's autocomplete) gets exactly one reply Discord would accept, that pings nobody, whose markdown is
 * not broken by the input, and that carries no control or bidi characters from it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../fixtures/hostile-inputs.js";
import { autocompleteViolations, messageViolations, type FakeInteraction } from "../fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "../fake-discord/with-bot.js";
import { loadCommands } from "../../src/bot/commands.js";
import { payloadProblems } from "../helpers/discord-checks.js";

let h: BotWithFake;
const latencies: Record<"ask" | "quote" | "autocomplete", number[]> = { ask: [], quote: [], autocomplete: [] };

/** One accepted reply message that pings nobody and whose markdown the input did not break. */
async function expectSafeReply(ix: FakeInteraction): Promise<void> {
  const response = await ix.response();
  expect(response.type).toBe(4);
  expect(messageViolations(response.data)).toEqual([]);
  expect(response.data!.allowed_mentions).toEqual({ parse: [] });
  expect(ix.message).toMatchObject({ mention_everyone: false, mentions: [], mention_roles: [] });
  expect(payloadProblems(response.data)).toEqual([]);
  // Exactly one reply, and nothing the fake refused.
  expect(ix.callbacks.map((c) => c.status)).toEqual([204]);
}

beforeAll(async () => {
  h = await startBotWithFake();
});

afterAll(async () => {
  await h.stop();
});

describe("battery through Discord", () => {
  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("/ask %s", async (_label, input) => {
    const ix = h.fake.sendCommand("ask", { question: input.text });
    await expectSafeReply(ix);
    latencies.ask.push(ix.latencyMs!);
  });

  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("/quote %s", async (_label, input) => {
    const ix = h.fake.sendCommand("quote", { speaker: input.text });
    await expectSafeReply(ix);
    latencies.quote.push(ix.latencyMs!);
  });

  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("/quote autocomplete %s", async (_label, input) => {
    const ix = h.fake.sendAutocomplete("quote", { speaker: input.text }, "speaker");
    const response = await ix.response();
    expect(response.type).toBe(8);
    expect(autocompleteViolations(response.data)).toEqual([]);
    for (const choice of (response.data!.choices as { name: string; value: string }[])) expect(choice.name.length).toBeGreaterThan(0);
    expect(ix.callbacks.map((c) => c.status)).toEqual([204]);
    latencies.autocomplete.push(ix.latencyMs!);
  });

  it("nothing was logged as an error, and every input was answered", () => {
    for (const times of Object.values(latencies)) expect(times).toHaveLength(HOSTILE_INPUTS.length);
    expect(h.logs.filter((l) => / (ERROR|WARN) /.test(l))).toEqual([]);
    // Reported, not asserted: dispatch-to-reply time depends on the machine.
    const report = Object.entries(latencies).map(([what, times]) => `${what} max ${Math.max(...times).toFixed(1)} ms`);
    console.info(`Discord battery: ${HOSTILE_INPUTS.length} inputs each; dispatch-to-reply ${report.join(", ")}`);
  });
});

describe("option lengths are enforced in the command definitions", () => {
  it("every string option a user types has a minimum and a maximum length", async () => {
    const commands = await loadCommands();
    const strings = [...commands.values()].flatMap((c) => {
      const json = c.data.toJSON() as { name: string; options?: { name: string; type: number; min_length?: number; max_length?: number }[] };
      return (json.options ?? []).filter((o) => o.type === 3).map((o) => ({ command: json.name, ...o }));
    });
    expect(strings.map((o) => `${o.command}.${o.name}`)).toEqual(expect.arrayContaining(["ask.question", "quote.speaker"]));
    for (const o of strings) {
      expect(o.min_length, `${o.command}.${o.name}`).toBeGreaterThanOrEqual(1);
      expect(o.max_length, `${o.command}.${o.name}`).toBeGreaterThan(0);
      expect(o.max_length!, `${o.command}.${o.name}`).toBeLessThanOrEqual(300);
    }
  });
});
