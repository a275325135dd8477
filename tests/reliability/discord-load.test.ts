/**
 * Load: 500 commands (/ask and /quote) dispatched at once by 50 users, each answered exactly once; and the per-user
 * rate limit, alone and under the same burst. Dispatch-to-reply times and memory are reported,
 * not asserted (they depend on the machine); the fake's 3 s deadline is switched off here so a
 * slow machine shows up as a high reported maximum rather than a flaky failure.
 */
import { afterEach, describe, expect, it } from "vitest";
import { slowDownMessage } from "../../src/bot/rate-limit.js";
import type { ApiUser, FakeDiscord, FakeInteraction } from "../fake-discord/index.js";
import { startBotWithFake, type BotWithFake } from "../fake-discord/with-bot.js";
import { singleLineInputs } from "../fixtures/hostile-inputs.js";

const COMMANDS = 500;
const USERS = 50;

/** Ordinary questions mixed with the hostile battery, so the burst is not one cached path. */
const QUESTIONS = [
  "why did Putin wait",
  "what did the Kremlin spokesman say",
  "who won the election",
  "when were the results announced",
  "what is the capital of France",
  ...singleLineInputs().map((i) => i.text),
];

let h: BotWithFake | null = null;

afterEach(async () => {
  await h?.stop();
  h = null;
});

/** Every 4th command is a /quote: of a speaker the corpus knows, or of a hostile input. */
function sendMixed(h: BotWithFake, people: ApiUser[]): FakeInteraction[] {
  const speakers = [...h.engine.speakers().map((s) => s.name), ...singleLineInputs().map((i) => i.text)];
  return Array.from({ length: COMMANDS }, (_, i) => {
    const origin = { user: people[i % USERS]! };
    return i % 4 === 3
      ? h.fake.sendCommand("quote", { speaker: speakers[i % speakers.length]! }, origin)
      : h.fake.sendCommand("ask", { question: QUESTIONS[i % QUESTIONS.length]! }, origin);
  });
}

function users(fake: FakeDiscord): ApiUser[] {
  return Array.from({ length: USERS }, (_, i) => fake.user(`user${i}`));
}

/** Waits until every interaction has its one accepted reply. */
function allAnswered(fake: FakeDiscord, sent: FakeInteraction[]): Promise<true> {
  return fake.until(() => sent.every((ix) => ix.acknowledgement !== null) || undefined, `replies to all ${sent.length} commands`, 60_000);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

describe("a burst of 500 commands from 50 users", () => {
  it("every command is answered exactly once", async () => {
    h = await startBotWithFake({ fake: { responseDeadlineMs: null } });
    const fake = h.fake;
    const people = users(fake);
    // Warm up once, so the measurement is of the burst, not of the first ask's lazy set-up.
    await fake.sendCommand("ask", { question: QUESTIONS[0]! }).response();
    const before = process.memoryUsage();

    const sent = sendMixed(h, people);
    await allAnswered(fake, sent);
    // Give any duplicate or late retry a moment to show up before counting.
    await new Promise((r) => setTimeout(r, 300));
    const after = process.memoryUsage();

    for (const ix of sent) {
      expect(ix.callbacks.map((c) => c.status), ix.id).toEqual([204]);
      expect(ix.followups).toEqual([]);
    }
    const replies = fake.calls.filter((c) => c.route === "/interactions/:id/:token/callback" && c.status === 204);
    expect(replies).toHaveLength(COMMANDS + 1);
    expect(new Set(replies.map((c) => c.params.id)).size).toBe(COMMANDS + 1);
    expect(h.logs.filter((l) => / ERROR /.test(l))).toEqual([]);

    const latencies = sent.map((ix) => ix.latencyMs!).sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    const max = latencies.at(-1)!;
    console.info(
      `burst: ${COMMANDS} commands (3/4 /ask, 1/4 /quote) from ${USERS} users, all answered once; dispatch-to-reply p50 ${p50.toFixed(0)} ms, ` +
        `max ${max.toFixed(0)} ms (Discord's deadline: 3000 ms); heap ${megabytes(before.heapUsed)} -> ${megabytes(after.heapUsed)}, ` +
        `rss ${megabytes(before.rss)} -> ${megabytes(after.rss)}`,
    );
  });

  it("with the rate limit on, each user gets exactly `max` answers and a slow-down for the rest, once each", async () => {
    const max = 3;
    h = await startBotWithFake({ fake: { responseDeadlineMs: null }, rateLimit: { max, windowMs: 60_000 } });
    const fake = h.fake;
    const people = users(fake);
    const sent = sendMixed(h, people);
    await allAnswered(fake, sent);
    await new Promise((r) => setTimeout(r, 300));

    const perUser = new Map<string, { answers: number; slowDowns: number }>();
    for (const ix of sent) {
      expect(ix.callbacks.map((c) => c.status)).toEqual([204]);
      const data = (ix.acknowledgement!.body as { data: { content?: string; flags?: number } }).data;
      const tally = perUser.get(ix.user.id) ?? { answers: 0, slowDowns: 0 };
      if (data.content?.startsWith("You're asking a bit fast.")) {
        expect(data.flags).toBe(64);
        tally.slowDowns++;
      } else tally.answers++;
      perUser.set(ix.user.id, tally);
    }
    expect(perUser.size).toBe(USERS);
    for (const tally of perUser.values()) expect(tally).toEqual({ answers: max, slowDowns: COMMANDS / USERS - max });
  });
});

describe("the per-user rate limit", () => {
  it("the excess gets a polite private note with the wait; another user is unaffected", async () => {
    h = await startBotWithFake({ rateLimit: { max: 3, windowMs: 20_000 } });
    const fake = h.fake;
    const ann = fake.user("ann");
    const bob = fake.user("bob");
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await fake.sendCommand("ask", { question: "why did Putin wait" }, { user: ann }).response());
    for (const a of answers) expect(a.data!.embeds).toHaveLength(1);

    const excess = await fake.sendCommand("ask", { question: "why did Putin wait" }, { user: ann }).response();
    const content = String(excess.data!.content);
    expect(excess.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(content).toMatch(/^You're asking a bit fast\. Please wait (\d+) seconds? and try again\.$/);
    const wait = Number(/wait (\d+)/.exec(content)![1]);
    expect(wait).toBeGreaterThan(15);
    expect(wait).toBeLessThanOrEqual(20);
    expect(content).toBe(slowDownMessage(wait * 1000));

    const other = await fake.sendCommand("ask", { question: "why did Putin wait" }, { user: bob }).response();
    expect(other.data!.embeds).toHaveLength(1);
    expect(other.data!.flags).toBeUndefined();
    expect(h.logs.some((l) => l.includes("INFO rate limited") && l.includes(ann.id))).toBe(true);
  });
});
