/**
 * Discord misbehaving, with the real bot and discord.js against the fake Discord: the gateway
 * closing, asking to reconnect, invalidating the session or vanishing without a close frame; REST
 * answering 429, 500, 404 or too slowly. After each fault the bot keeps answering, each command is
 * answered at most once, and nothing retries in a loop. The token never shows up in what it logs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NOTES } from "../../src/bot/replies.js";
import type { FakeDiscord, FakeInteraction } from "../fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "../fake-discord/with-bot.js";
import { tokenSecretPart } from "../fixtures/fake-token.js";

const CALLBACK = "POST /interactions/:id/:token/callback";
const QUESTION = "why did Putin wait";

/** Sends /ask and returns the interaction once the fake has accepted its one reply. */
async function askAndAnswer(fake: FakeDiscord, question = QUESTION): Promise<FakeInteraction> {
  const ix = fake.sendCommand("ask", { question });
  const response = await ix.response(10_000);
  expect(response.type).toBe(4);
  expect((response.data!.embeds as { title?: string }[] | undefined)?.[0]?.title ?? response.data!.content).toBeTruthy();
  return ix;
}

/** Statuses of every callback the bot made for `ix`, in order (0: the client gave up waiting). */
function callbackStatuses(ix: FakeInteraction): number[] {
  return ix.callbacks.map((c) => (c.aborted ? 0 : c.status));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let h: BotWithFake;
beforeAll(async () => {
  h = await startBotWithFake();
});

afterAll(async () => {
  await h.stop();
});

describe("gateway faults: each followed by a command that must be answered", () => {
  it.each([
    ["close code 4000", "resume", (f: FakeDiscord) => f.gateway.close(4000)],
    ["close code 1000", "identify", (f: FakeDiscord) => f.gateway.close(1000)],
    ["op 7 RECONNECT", "resume", (f: FakeDiscord) => f.gateway.requestReconnect()],
    ["op 9 INVALID SESSION (not resumable)", "identify", (f: FakeDiscord) => f.gateway.invalidateSession(false)],
    ["op 9 INVALID SESSION (resumable)", "resume", (f: FakeDiscord) => f.gateway.invalidateSession(true)],
    ["a dropped TCP connection, no close frame", "resume", (f: FakeDiscord) => f.gateway.dropConnection()],
  ] as const)("%s (the client should %s)", async (_name, expected, fault) => {
    const { identifies, resumes } = h.fake.gateway;
    fault(h.fake);
    expect(h.fake.gateway.live).toBe(false);
    if (expected === "resume") await h.fake.gateway.untilResumes(resumes + 1);
    else await h.fake.gateway.untilIdentifies(identifies + 1);
    await h.fake.gateway.untilLive();
    const ix = await askAndAnswer(h.fake);
    expect(callbackStatuses(ix)).toEqual([204]);
  });

  it("a command sent while the connection is down is answered after the resume", async () => {
    const { resumes } = h.fake.gateway;
    h.fake.gateway.dropConnection();
    const missed = h.fake.sendCommand("ask", { question: QUESTION });
    await h.fake.gateway.untilResumes(resumes + 1);
    await missed.response(10_000);
    expect(callbackStatuses(missed)).toEqual([204]);
  });
});

describe("REST faults on the reply", () => {
  it("429 with Retry-After: waits that long, retries once, answers once", async () => {
    const rule = h.fake.rest.rateLimit(CALLBACK, { retryAfter: 0.3 });
    const ix = await askAndAnswer(h.fake);
    expect(rule.hits).toBe(1);
    expect(callbackStatuses(ix)).toEqual([429, 204]);
    expect(ix.callbacks[1]!.receivedAt - ix.callbacks[0]!.receivedAt).toBeGreaterThanOrEqual(250);
  });

  it("500 then success: retried, answered once", async () => {
    h.fake.rest.fail(CALLBACK, 500);
    const ix = await askAndAnswer(h.fake);
    expect(callbackStatuses(ix)).toEqual([500, 204]);
  });

  it("404 (expired interaction token): logged, no crash, no retry storm, the next command is answered", async () => {
    const logged = h.logs.length;
    const rule = h.fake.rest.fail(CALLBACK, 404, { code: 10062, message: "Unknown interaction", times: Infinity });
    const ix = h.fake.sendCommand("ask", { question: QUESTION });
    // The reply, then at most the apology: both refused.
    await vi.waitFor(() => expect(h.logs.slice(logged).some((l) => l.includes("could not send the apology"))).toBe(true), { timeout: 5_000 });
    await pause(1_000);
    rule.remove();
    expect(callbackStatuses(ix)).toEqual([404, 404]);
    expect(ix.calls).toHaveLength(2);
    const lines = h.logs.slice(logged);
    expect(lines.some((l) => / ERROR interaction failed .*Unknown interaction/.test(l) && l.includes(ix.id))).toBe(true);
    expect(lines.some((l) => / WARN could not send the apology /.test(l))).toBe(true);
    const next = await askAndAnswer(h.fake);
    expect(callbackStatuses(next)).toEqual([204]);
  });

  it("a handler that throws: the user gets the apology and the next command is answered", async () => {
    const original = h.engine.ask.bind(h.engine);
    const spy = vi.spyOn(h.engine, "ask").mockImplementationOnce(() => {
      throw new Error("engine exploded");
    });
    const ix = h.fake.sendCommand("ask", { question: QUESTION });
    expect((await ix.response()).data).toMatchObject({ content: NOTES.apology, flags: 64 });
    spy.mockRestore();
    expect(h.engine.ask(QUESTION)).toEqual(original(QUESTION));
    expect(callbackStatuses(await askAndAnswer(h.fake))).toEqual([204]);
  });
});

describe("a reply slower than the client's REST timeout", () => {
  let slow: BotWithFake;

  beforeAll(async () => {
    slow = await startBotWithFake({ clientOptions: { rest: { timeout: 400 } } });
  });

  afterAll(async () => {
    await slow.stop();
  });

  it("the client gives up on the slow call, retries, and the command is answered exactly once", async () => {
    slow.fake.rest.delay(CALLBACK, 1_200);
    const ix = slow.fake.sendCommand("ask", { question: QUESTION });
    await ix.response(10_000);
    // The first call was abandoned by the client before the fake answered it; the retry landed.
    expect(callbackStatuses(ix)).toEqual([0, 204]);
    expect(ix.callbacks.filter((c) => c.status === 204)).toHaveLength(1);
    expect(ix.expired).toBe(false);
    expect(callbackStatuses(await askAndAnswer(slow.fake))).toEqual([204]);
  });
});

describe("the token through all of the above", () => {
  it("appears nowhere in the bot's log, not even redacted, and no interaction token is logged", () => {
    expect(h.logs.length).toBeGreaterThan(5);
    const log = h.logs.join("\n");
    expect(log).not.toContain(h.token);
    expect(log).not.toContain(tokenSecretPart(h.token));
    // The logger redacts the token as a last defence; nothing should even have tried to log it.
    expect(log).not.toContain("[redacted]");
    for (const ix of h.fake.interactions) expect(log).not.toContain(ix.token);
  });
});
