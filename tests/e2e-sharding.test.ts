/**
 * `npm start` with SHARDS=2 against the fake Discord with two shards: discord.js's ShardingManager
 * builds the index once, spawns two shard processes that load it, each identifies with its own
 * shard id and answers the commands Discord routes to it (by guild id), and a shard whose process
 * is killed is respawned and answers again. Everything the run starts is stopped by its pid.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { recommendedShards } from "../src/bot/sharding.js";
import { GatewayOp, startFakeDiscord, type FakeDiscord } from "./fake-discord/index.js";
import { makeTestToken } from "./fake-discord/with-bot.js";
import { cleanEnv } from "./helpers/npm-clean.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const QUESTION = "why did Putin wait";

/** A guild id that Discord (and the fake) routes to `shard` of `count`: (id >> 22) % count. */
function guildOnShard(shard: number, count: number): string {
  return String((BigInt(1_000_000 * count + shard) << 22n) | 12345n);
}

let fake: FakeDiscord;
let child: ChildProcess;
let output = "";
let corpusDir: string;
const shardPids = new Map<number, number[]>();
const running = () => child.exitCode === null && child.signalCode === null;

function logLines(message: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((l) => l.includes(` ${message} {`))
    .map((l) => JSON.parse(l.slice(l.indexOf(" {", l.indexOf(message)) + 1)) as Record<string, unknown>);
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (!running()) throw new Error(`npm start exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  fake = await startFakeDiscord({ shards: 2, responseDeadlineMs: null });
  // A fresh copy of the seeds: its index is not cached yet, so the manager must build it.
  corpusDir = tempDir("shard-corpus");
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const home = tempDir("shard-home");
  child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: cleanEnv(home, {
      DISCORD_TOKEN: makeTestToken(fake.applicationId),
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      SHARDS: "2",
    }),
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const f of logLines("shard process spawned")) {
      const list = shardPids.get(f.shard as number) ?? [];
      if (!list.includes(f.pid as number)) list.push(f.pid as number);
      shardPids.set(f.shard as number, list);
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  await until("all shards ready", () => output.includes("all shards ready"), 120_000);
}, 150_000);

/** Signals npm start's process group (npm, the manager, the shards it forked), if it is still there. */
function signalGroup(signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

afterAll(async () => {
  // Normally the last test has stopped it; this is for a run that failed earlier.
  if (child && running()) {
    signalGroup("SIGTERM");
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        signalGroup("SIGKILL");
        resolve();
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  await fake?.close();
}, 30_000);

test("the manager builds the index once; each shard loads it and identifies with its own shard id", () => {
  const prepared = logLines("index ready for the shards");
  expect(prepared).toHaveLength(1);
  expect(prepared[0]).toMatchObject({ index: "built", quotes: "built" });

  const serving = logLines("shard serving");
  expect(serving.map((f) => f.shard).sort()).toEqual([[0], [1]]);
  for (const f of serving) expect(f).toMatchObject({ of: 2, index: "loaded", quotes: "loaded" });

  // Two IDENTIFYs, one per shard, each [id, 2], on two connections, from two processes.
  const identifies = fake.gateway.log.filter((e) => e.direction === "received" && e.frame.op === GatewayOp.Identify);
  expect(identifies.map((e) => (e.frame.d as { shard: number[] }).shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  expect(new Set(identifies.map((e) => e.connection)).size).toBe(2);
  expect(shardPids.get(0)).toHaveLength(1);
  expect(shardPids.get(1)).toHaveLength(1);
  expect(shardPids.get(0)![0]).not.toBe(shardPids.get(1)![0]);
  expect(fake.gateway.isLive(0) && fake.gateway.isLive(1)).toBe(true);
});

test("each shard answers the commands Discord routes to it", async () => {
  const embeds: unknown[][] = [];
  for (const shard of [0, 1]) {
    const ix = fake.sendCommand("ask", { question: QUESTION }, { guildId: guildOnShard(shard, 2) });
    expect(ix.shard).toBe(shard);
    const body = await ix.response();
    expect(body.type).toBe(4);
    const data = body.data as { embeds: { title: string; description: string }[] };
    // An answer with the lead's markers, not a refusal or an apology.
    expect(data.embeds[0]!.title).toBe(QUESTION);
    expect(data.embeds[0]!.description).toMatch(/\[1\]/);
    embeds.push(data.embeds);
    // Dispatched on that shard's connection only.
    const sent = fake.gateway.log.filter((e) => e.direction === "sent" && e.frame.t === "INTERACTION_CREATE" && (e.frame.d as { id: string }).id === ix.id);
    expect(sent).toHaveLength(1);
    const identified = fake.gateway.log.find(
      (e) => e.direction === "received" && e.frame.op === GatewayOp.Identify && (e.frame.d as { shard: number[] }).shard[0] === shard && e.connection === sent[0]!.connection,
    );
    expect(identified).toBeDefined();
  }
  // Both shards serve the same index: the same answer, to the byte.
  expect(embeds[1]).toEqual(embeds[0]);
  const sources = fake.sendCommand("sources", {}, { guildId: guildOnShard(1, 2) });
  expect((await sources.response()).type).toBe(4);
}, 30_000);

test("a killed shard is respawned, identifies again as the same shard and answers; the other shard is untouched", async () => {
  const [pid] = shardPids.get(1)!;
  process.kill(pid!, "SIGKILL");
  await until("shard 1 respawned", () => (shardPids.get(1)?.length ?? 0) >= 2);
  await fake.gateway.untilIdentifies(2, 60_000, 1);
  await fake.gateway.untilLive(60_000, 1);
  expect(alive(pid!)).toBe(false);
  expect(logLines("shard process exited; respawning it").map((f) => f.shard)).toEqual([1]);
  expect(fake.gateway.identifiesByShard.get(0)).toBe(1);
  const respawned = shardPids.get(1)![1]!;
  expect(alive(respawned)).toBe(true);

  await until("the respawned shard serving", () => logLines("shard serving").filter((f) => (f.shard as number[])[0] === 1).length === 2);
  const again = logLines("shard serving").filter((f) => (f.shard as number[])[0] === 1)[1]!;
  expect(again).toMatchObject({ index: "loaded", quotes: "loaded" });

  const ix = fake.sendCommand("ask", { question: QUESTION }, { guildId: guildOnShard(1, 2) });
  expect((await ix.response()).type).toBe(4);
  const other = fake.sendCommand("ask", { question: QUESTION }, { guildId: guildOnShard(0, 2) });
  expect((await other.response()).type).toBe(4);
}, 90_000);

test("SIGTERM to the manager stops every shard, and npm start ends", async () => {
  const pids = [...shardPids.values()].flat();
  const manager = logLines("starting shards")[0]!.pid as number;
  expect(pids).not.toContain(manager);
  process.kill(manager, "SIGTERM");
  await new Promise<void>((resolve) => (!running() ? resolve() : child.once("exit", () => resolve())));
  const deadline = Date.now() + 20_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(pids.filter(alive)).toEqual([]);
}, 30_000);

test("SHARDS=auto asks /gateway/bot (through DISCORD_API_URL) how many shards to run", async () => {
  expect(await recommendedShards(makeTestToken(fake.applicationId), fake.apiUrl)).toBe(2);
});
