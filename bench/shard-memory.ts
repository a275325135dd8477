/**
 * `npm run bench:shards [-- --corpus DIR] [-- --shards N]`: memory per shard. Runs the bot's own
 * entry point with SHARDS=N against the fake Discord of the tests (tests/fake-discord) on
 * 127.0.0.1, waits until every shard is ready, sends each shard the benchmark's questions, then
 * reads each process's resident memory (VmRSS, and the peak VmHWM, from /proc: Linux only) and
 * stops everything it started. No token, no network.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";
import { startFakeDiscord } from "../tests/fake-discord/index.js";
import { makeTestToken } from "../tests/fake-discord/with-bot.js";
import { BENCH_QUESTIONS } from "./questions.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { corpus: { type: "string" }, shards: { type: "string", default: "2" } } });
const shards = Number(values.shards);
const corpus = values.corpus ?? DEFAULT_CORPUS_DIR;

const fake = await startFakeDiscord({ shards, responseDeadlineMs: null });
let out = "";
const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/bot/main.ts`], {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DOTENV_CONFIG_PATH: "/nonexistent/.env",
    DISCORD_TOKEN: makeTestToken(fake.applicationId),
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpus,
    SHARDS: String(shards),
  },
});
child.stdout.on("data", (c: Buffer) => (out += c.toString()));
child.stderr.on("data", (c: Buffer) => (out += c.toString()));

function fields(message: string): Record<string, unknown>[] {
  return out
    .split("\n")
    .filter((l) => l.includes(` ${message} {`))
    .map((l) => JSON.parse(l.slice(l.indexOf(" {", l.indexOf(message)) + 1)) as Record<string, unknown>);
}

function status(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

const started = performance.now();
while (!out.includes("all shards ready")) {
  if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${out}`);
  if (performance.now() - started > 300_000) throw new Error(`shards not ready after 300 s:\n${out}`);
  await new Promise((r) => setTimeout(r, 100));
}
const readyS = (performance.now() - started) / 1000;
// One guild per shard: Discord routes a guild's events to shard (id >> 22) % shards.
for (let k = 0; k < shards; k++) {
  const guildId = String((BigInt(1_000_000 * shards + k) << 22n) | 1n);
  for (const question of BENCH_QUESTIONS) await fake.sendCommand("ask", { question }, { guildId }).response();
}
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
const manager = fields("starting shards")[0]!.pid as number;
const lines = [`corpus: ${corpus}; ${shards} shards; all ready ${readyS.toFixed(1)} s after start; ${BENCH_QUESTIONS.length} questions asked of each shard`];
const m = status(manager);
lines.push(`  manager (pid ${manager}): RSS ${mb(m.rss)}, peak ${mb(m.peak)} (it built or opened the index once)`);
const spawned = fields("shard process spawned");
for (let k = 0; k < shards; k++) {
  const pid = spawned.filter((f) => f.shard === k).pop()!.pid as number;
  const s = status(pid);
  lines.push(`  shard ${k} (pid ${pid}): RSS ${mb(s.rss)}, peak ${mb(s.peak)}`);
}
process.kill(manager, "SIGTERM");
await new Promise((r) => child.once("exit", r));
await fake.close();
process.stdout.write(`${lines.join("\n")}\n`);
