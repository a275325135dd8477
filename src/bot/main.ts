/**
 * `npm start`: check the configuration, load the corpus and the commands, connect to Discord, and
 * serve until SIGINT/SIGTERM. Anything that stops the start is one line on stderr and exit code 1.
 * With SHARDS set, this process is discord.js's ShardingManager instead (see sharding.ts), and
 * runs this same file once per shard; a shard process serves as the single process does.
 */
import { fileURLToPath } from "node:url";
import { ConfigError, isShardProcess, loadConfig, type BotConfig } from "./config.js";
import { rateLimitFromEnv, type RateLimitOptions } from "./rate-limit.js";
import { CorpusError } from "../corpus/errors.js";
import { Engine } from "../engine.js";
import { DEFAULT_CACHE_DIR } from "../search/persist.js";
import { startBot } from "./bot.js";
import { CommandLoadError, loadCommands } from "./commands.js";
import { createLogger, type Logger } from "./logger.js";
import { prepareIndex, recommendedShards, startShards, stopShards } from "./sharding.js";
import { stopOnSignals } from "./shutdown.js";

function fail(message: string): void {
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
}

/** Discord's answer to a bad token, as discord.js reports it at login. */
function isTokenRejected(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown };
  return e?.code === "TokenInvalid" || e?.status === 401;
}

async function main(): Promise<void> {
  let config: BotConfig;
  let rateLimit: RateLimitOptions;
  try {
    config = loadConfig();
    rateLimit = rateLimitFromEnv();
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message);
    throw err;
  }
  const shardProcess = isShardProcess();
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.token],
    ...(shardProcess ? { prefix: `[shard ${process.env.SHARDS ?? "?"}]` } : config.shards !== null ? { prefix: "[manager]" } : {}),
  });
  if (config.shards !== null) return manage(config, logger);
  // One process, no manager: discord.js would read an empty SHARDS= from .env as a shard list.
  if (!shardProcess) {
    delete process.env.SHARDS;
    delete process.env.SHARD_COUNT;
  }

  let engine: Engine;
  try {
    engine = Engine.fromDir(config.corpusDir, { cacheDir: DEFAULT_CACHE_DIR, onProgress: (line) => console.log(line) });
    // Build what is otherwise built on first use now, not on the first user's request: the
    // quotations /quote serves and the dated events /timeline lists. (The typo vocabulary waits
    // until the bot is connected, below.)
    void engine.quotes;
    void engine.timelines;
  } catch (err) {
    if (err instanceof CorpusError) return fail(err.message);
    throw err;
  }
  for (const warning of engine.corpus.warnings) logger.warn(warning);

  let commands;
  try {
    commands = await loadCommands();
  } catch (err) {
    if (err instanceof CommandLoadError) return fail(err.message);
    throw err;
  }

  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason }));
  let bot;
  try {
    bot = await startBot({
      token: config.token,
      engine,
      commands,
      logger,
      rateLimit,
      ...(config.apiUrl ? { clientOptions: { rest: { api: config.apiUrl } } } : {}),
    });
  } catch (err) {
    if (isTokenRejected(err)) {
      return fail("Discord refused DISCORD_TOKEN: reset the token in the Developer Portal (Bot > Reset Token) and put the new one in .env.");
    }
    return fail(`could not connect to Discord: ${(err as Error).message}`);
  }
  if (bot.client.application.id !== config.clientId) {
    logger.warn("DISCORD_CLIENT_ID differs from the application this token belongs to; `npm run deploy` registers commands for DISCORD_CLIENT_ID", {
      application: bot.client.application.id,
    });
  }
  if (shardProcess) {
    logger.info("shard serving", {
      shard: bot.client.shard?.ids ?? [],
      of: bot.client.shard?.count ?? 1,
      index: engine.indexSource,
      quotes: engine.quoteSource,
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
    });
    // The manager is gone (killed, crashed): stop rather than serve on unsupervised.
    process.once("disconnect", () => void bot.stop().finally(() => process.exit(0)));
  }
  stopOnSignals(() => bot.stop());
  // The vocabulary typo correction looks words up in (0.25-0.35 s on the mixed corpus), and
  // WordNet's links when the cache could not be used, after login rather than before it:
  // connecting does not wait for them, and a question that needs them first builds them itself.
  setImmediate(() => engine.warmUp());
}

/** SHARDS set: build the index once, then run one process per shard under discord.js's ShardingManager. */
async function manage(config: BotConfig, logger: Logger): Promise<void> {
  try {
    prepareIndex(config.corpusDir, logger);
    // Checked once here, so a broken command stops the start instead of every shard in turn.
    await loadCommands();
  } catch (err) {
    if (err instanceof CorpusError || err instanceof CommandLoadError) return fail(err.message);
    throw err;
  }
  let total: number;
  try {
    total = config.shards === "auto" ? await recommendedShards(config.token, config.apiUrl) : (config.shards as number);
  } catch (err) {
    if (isTokenRejected(err)) {
      return fail("Discord refused DISCORD_TOKEN: reset the token in the Developer Portal (Bot > Reset Token) and put the new one in .env.");
    }
    return fail(`could not ask Discord how many shards to run: ${(err as Error).message}`);
  }
  logger.info("starting shards", { shards: total, auto: config.shards === "auto", pid: process.pid });
  let manager;
  try {
    manager = await startShards({ config, file: fileURLToPath(import.meta.url), totalShards: total, logger });
  } catch (err) {
    return fail(`a shard could not start: ${(err as Error).message}`);
  }
  logger.info("all shards ready", { shards: total });
  stopOnSignals(async () => stopShards(manager));
}

await main();
