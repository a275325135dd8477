/**
 * The fake Discord's own contract, checked with a bare discord.js Client (no bot code): what later
 * fault and load tests rely on. Each hook is shown doing what its documentation says.
 */
import { Client, GatewayIntentBits, MessageFlags, type Interaction } from "discord.js";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { GatewayOp, messageViolations, startFakeDiscord, type FakeDiscord } from "./fake-discord/index.js";
import { makeTestToken } from "./fake-discord/with-bot.js";

let fake: FakeDiscord;
let client: Client;
/** What the test client does with each command; replaced per test. */
let onCommand: (i: Interaction) => Promise<void>;

beforeEach(async () => {
  fake = await startFakeDiscord();
  client = new Client({ intents: [GatewayIntentBits.Guilds], ...fake.discordJsOptions(), rest: { api: fake.apiUrl, timeout: 1_000 } });
  onCommand = async (i) => {
    if (i.isChatInputCommand()) await i.reply({ content: `echo ${i.options.getString("text") ?? ""}`, allowedMentions: { parse: [] } });
  };
  client.on("interactionCreate", (i) => void onCommand(i).catch(() => undefined));
  await client.login(makeTestToken(fake.applicationId));
  await fake.gateway.untilLive();
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

describe("gateway", () => {
  test("HELLO, IDENTIFY, READY with increasing sequence numbers", () => {
    expect(fake.gateway.identifies).toBe(1);
    const sent = fake.gateway.log.filter((e) => e.direction === "sent").map((e) => e.frame);
    expect(sent[0]).toMatchObject({ op: GatewayOp.Hello });
    expect(sent[1]).toMatchObject({ op: GatewayOp.Dispatch, t: "READY", s: 1 });
    const ix = fake.sendCommand("echo", { text: "a" });
    expect(ix.seq).toBe(2);
  });

  test.each([
    ["close 4000", "resume", (f: FakeDiscord) => f.gateway.close(4000)],
    ["op 7 RECONNECT", "resume", (f: FakeDiscord) => f.gateway.requestReconnect()],
    ["a dropped TCP connection", "resume", (f: FakeDiscord) => f.gateway.dropConnection()],
    ["close 1000", "identify", (f: FakeDiscord) => f.gateway.close(1000)],
    ["op 9 INVALID SESSION", "identify", (f: FakeDiscord) => f.gateway.invalidateSession(false)],
    ["op 9 INVALID SESSION (resumable)", "resume", (f: FakeDiscord) => f.gateway.invalidateSession(true)],
  ] as const)("after %s the client comes back (%s) and commands are answered", async (_name, expected, fault) => {
    fault(fake);
    expect(fake.gateway.live).toBe(false);
    if (expected === "resume") await fake.gateway.untilResumes(1);
    else await fake.gateway.untilIdentifies(2);
    await fake.gateway.untilLive();
    const ix = fake.sendCommand("echo", { text: "back" });
    expect((await ix.response()).data).toMatchObject({ content: "echo back" });
  });

  test("unanswered heartbeats (a zombie connection) make the client reconnect", async () => {
    await client.destroy();
    await fake.close();
    fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], ...fake.discordJsOptions() });
    client.on("interactionCreate", (i) => void onCommand(i).catch(() => undefined));
    await client.login(makeTestToken(fake.applicationId));
    await fake.gateway.untilLive();
    fake.gateway.ackHeartbeats = false;
    await fake.gateway.until(() => fake.gateway.connectionCount >= 2 || undefined, "a second connection");
    fake.gateway.ackHeartbeats = true;
    await fake.gateway.untilLive();
    expect(fake.gateway.resumes + fake.gateway.identifies).toBeGreaterThanOrEqual(2);
    expect((await fake.sendCommand("echo", { text: "z" }).response()).data).toMatchObject({ content: "echo z" });
  });

  test("events dispatched while the connection is down are replayed on RESUME", async () => {
    fake.gateway.dropConnection();
    const missed = fake.sendCommand("echo", { text: "missed" });
    await fake.gateway.untilResumes(1);
    expect((await missed.response()).data).toMatchObject({ content: "echo missed" });
  });
});

describe("interactions", () => {
  test("from a direct message and from another user", async () => {
    const stranger = fake.user("stranger");
    onCommand = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `${i.user.id} in ${i.guildId ?? "DM"}`, allowedMentions: { parse: [] } });
    };
    const dm = fake.sendCommand("who", {}, { guildId: null, user: stranger });
    expect((await dm.response()).data).toMatchObject({ content: `${stranger.id} in DM` });
    const guild = fake.sendCommand("who");
    expect((await guild.response()).data).toMatchObject({ content: `${fake.defaultUser.id} in ${fake.guildId}` });
  });
});

describe("REST hooks", () => {
  test("429 with Retry-After: the client waits and retries, the rule counts its hits", async () => {
    const rule = fake.rest.rateLimit("POST /interactions/:id/:token/callback", { retryAfter: 0.2 });
    const ix = fake.sendCommand("echo", { text: "x" });
    await ix.response();
    expect(rule.hits).toBe(1);
    expect(ix.callbacks.map((c) => c.status)).toEqual([429, 204]);
    expect(ix.callbacks[1]!.receivedAt - ix.callbacks[0]!.receivedAt).toBeGreaterThanOrEqual(150);
  });

  test("500 then success: the client retries", async () => {
    fake.rest.fail("POST /interactions/:id/:token/callback", 500);
    const ix = fake.sendCommand("echo", { text: "x" });
    await ix.response();
    expect(ix.callbacks.map((c) => c.status)).toEqual([500, 204]);
  });

  test("404 Unknown interaction reaches the handler as an error", async () => {
    const errors: unknown[] = [];
    onCommand = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: "late" }).catch((e: unknown) => void errors.push(e));
    };
    fake.rest.fail("POST /interactions/:id/:token/callback", 404, { code: 10062, message: "Unknown interaction" });
    const ix = fake.sendCommand("echo");
    await ix.untilCall((c) => c.status === 404, "the refused callback");
    // Client-side state: the fake's `until` only re-checks on the fake's own events, so poll.
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ code: 10062, status: 404 });
    expect(ix.acknowledgement).toBeNull();
  });

  test("a delayed answer longer than the client's timeout is recorded as aborted", async () => {
    fake.rest.delay("POST /interactions/:id/:token/callback", 1_500);
    const ix = fake.sendCommand("echo");
    const call = await ix.untilCall((c) => c.aborted, "an aborted callback", 5_000);
    expect(call.status).toBe(0);
  });

  test("a callback after the 3 s deadline is refused like Discord does", async () => {
    await fake.close();
    fake = await startFakeDiscord({ responseDeadlineMs: 0 });
    await client.destroy();
    client = new Client({ intents: [GatewayIntentBits.Guilds], ...fake.discordJsOptions() });
    client.on("interactionCreate", (i) => void onCommand(i).catch(() => undefined));
    await client.login(makeTestToken(fake.applicationId));
    await fake.gateway.untilLive();
    const ix = fake.sendCommand("echo");
    await ix.untilCall((c) => c.status === 404, "the late callback");
    expect(ix.expired).toBe(true);
  });
});

describe("Discord's rules", () => {
  test("payloads over a limit are refused with 400 and code 50035; a second callback with 40060", async () => {
    const statuses: number[] = [];
    onCommand = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: "x".repeat(2001) }).catch((e: { status: number }) => void statuses.push(e.status));
      await i.reply({ content: "ok", flags: MessageFlags.Ephemeral });
      // discord.js refuses a second reply itself, so send one straight to the API.
      await i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: "again" } }, auth: false }).catch((e: { status: number }) => void statuses.push(e.status));
    };
    const ix = fake.sendCommand("echo");
    await vi.waitFor(() => expect(statuses).toHaveLength(2));
    expect(statuses).toEqual([400, 400]);
    expect(ix.callbacks.map((c) => [c.status, (c.response as { code?: number } | undefined)?.code])).toEqual([
      [400, 50035],
      [204, undefined],
      [400, 40060],
    ]);
    expect((ix.callbacks[0]!.response as { code: number }).code).toBe(50035);
    expect(ix.message!.content).toBe("ok");
  });

  test("messageViolations knows every message limit", () => {
    const field = { name: "n", value: "v".repeat(1024) };
    expect(messageViolations({ embeds: [{ description: "d".repeat(4096), fields: [field, field] }] })).toEqual(["embeds: 6146 characters in all > 6000"]);
    expect(messageViolations({ content: "c".repeat(2001), embeds: Array(11).fill({ title: "t" }) })).toEqual(["content: 2001 > 2000", "embeds: 11 > 10"]);
    expect(messageViolations({ embeds: [{ fields: Array(26).fill({ name: "a", value: "b" }) }] })).toEqual(["embeds[0].fields: 26 > 25"]);
    expect(messageViolations({ embeds: [{ fields: [{ name: "", value: "x".repeat(1025) }] }] })).toEqual([
      "embeds[0].fields[0].name: must not be empty",
      "embeds[0].fields[0].value: 1025 > 1024",
    ]);
    expect(messageViolations({}, { requireBody: true })).toEqual(["message: cannot send an empty message"]);
  });
});
