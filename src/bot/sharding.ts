/**
 * Sharding for a bot in many servers (Discord requires it from 2,500): discord.js's own
 * ShardingManager runs one process per shard, each the same `npm start` entry point, which
 * discord.js tells apart by SHARDING_MANAGER, SHARDS (the shard's id) and SHARD_COUNT in its
 * environment. The manager answers no commands and holds no index: it builds the persisted index
 * once (so every shard loads it instead of indexing again), spawns the shards one after another
 * (Discord allows one IDENTIFY per 5 s at the usual concurrency), and respawns a shard whose
 * process dies.
 */
import { REST, Routes, ShardingManager, type Shard } from "discord.js";
import type { BotConfig } from "./config.js";
import { Engine } from "../engine.js";
import { DEFAULT_CACHE_DIR } from "../search/persist.js";
import type { Logger } from "./logger.js";

/** How many shards Discord recommends for this bot (`GET /gateway/bot`), through `apiUrl` when set. */
export async function recommendedShards(token: string, apiUrl: string | null): Promise<number> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  const shards = body.shards;
  if (typeof shards !== "number" || !Number.isInteger(shards) || shards < 1) throw new Error("Discord's /gateway/bot gave no shard count");
  return shards;
}

/**
 * Opens the corpus with the persisted index, building and saving what is missing or stale (the
 * passage index, word meanings, quote index and dates), and lets it go: the manager serves nothing, and
 * every shard then loads these files. Throws what `Engine.fromDir` throws (CorpusError).
 */
export function prepareIndex(corpusDir: string, logger: Logger): void {
  const engine = Engine.fromDir(corpusDir, { cacheDir: DEFAULT_CACHE_DIR, onProgress: (line) => console.log(line) });
  void engine.quotes;
  void engine.dates;
  for (const warning of engine.corpus.warnings) logger.warn(warning);
  logger.info("index ready for the shards", { articles: engine.articles.length, index: engine.indexSource, quotes: engine.quoteSource, dates: engine.dateSource });
}

export interface ShardManagerOptions {
  config: BotConfig;
  /** The script each shard runs (this entry point). */
  file: string;
  totalShards: number;
  logger: Logger;
}

/**
 * Spawns every shard and resolves when all are ready; a shard that exits later is respawned by
 * discord.js (logged here). Rejects when a shard cannot start (after killing the others).
 */
export async function startShards({ config, file, totalShards, logger }: ShardManagerOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(file, {
    token: config.token,
    totalShards,
    respawn: true,
    // The shards run as this process does: plain node from a build, under tsx from the sources
    // (which the launcher may have registered in-process, leaving no flag in execArgv to inherit).
    execArgv: file.endsWith(".ts") && !process.execArgv.some((a) => a.includes("tsx")) ? [...process.execArgv, "--import", "tsx"] : process.execArgv,
  });
  manager.on("shardCreate", (shard: Shard) => {
    logger.info("shard starting", { shard: shard.id, of: totalShards });
    // Process mode: the child is a ChildProcess.
    const pid = (child: unknown) => (child as { pid?: number }).pid;
    shard.on("spawn", (child) => logger.info("shard process spawned", { shard: shard.id, pid: pid(child) }));
    shard.on("ready", () => logger.info("shard ready", { shard: shard.id }));
    shard.on("death", (child) =>
      logger.warn("shard process exited; respawning it", { shard: shard.id, pid: pid(child), code: (child as { exitCode?: number | null }).exitCode ?? null }),
    );
  });
  try {
    await manager.spawn({ amount: totalShards, timeout: 120_000 });
  } catch (err) {
    stopShards(manager);
    throw err;
  }
  return manager;
}

/** Stops every shard (no respawn): each gets SIGTERM and closes its connection cleanly. */
export function stopShards(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) shard.kill();
}
