/**
 * The hostile-input battery through the real bot and discord.js against the fake Discord: every
 * input to /ask gets exactly one reply Discord would accept, that pings nobody, whose markdown is
 * not broken by the input, and that carries no control or bidi characters from it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../fixtures/hostile-inputs.js";
import { messageViolations } from "../fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "../fake-discord/with-bot.js";
import { payloadProblems } from "../helpers/discord-checks.js";

let h: BotWithFake;
const latencies: number[] = [];

beforeAll(async () => {
  h = await startBotWithFake();
});

afterAll(async () => {
  await h.stop();
});

describe("/ask battery through Discord", () => {
  it.each(HOSTILE_INPUTS.map((i) => [i.label, i] as const))("%s", async (_label, input) => {
    const ix = h.fake.sendCommand("ask", { question: input.text });
    const response = await ix.response();
    expect(response.type).toBe(4);
    expect(messageViolations(response.data)).toEqual([]);
    expect(response.data!.allowed_mentions).toEqual({ parse: [] });
    expect(ix.message).toMatchObject({ mention_everyone: false, mentions: [], mention_roles: [] });
    expect(payloadProblems(response.data)).toEqual([]);
    // Exactly one reply, and nothing the fake refused.
    expect(ix.callbacks.map((c) => c.status)).toEqual([204]);
    latencies.push(ix.latencyMs!);
  });

  it("nothing was logged as an error, and every input was answered", () => {
    expect(latencies).toHaveLength(HOSTILE_INPUTS.length);
    expect(h.logs.filter((l) => / (ERROR|WARN) /.test(l))).toEqual([]);
    // Reported, not asserted: dispatch-to-reply time depends on the machine.
    console.info(`/ask battery: ${latencies.length} inputs, max dispatch-to-reply ${Math.max(...latencies).toFixed(1)} ms`);
  });
});
