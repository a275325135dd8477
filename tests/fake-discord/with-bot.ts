/**
 * Starts this project's bot (the real discord.js Client, the real commands and engine) against a
 * fresh fake Discord, ready for a test to send interactions. `stop()` shuts both down.
 */
import { randomBytes } from "node:crypto";
import type { ClientOptions } from "discord.js";
import { startBot, type RunningBot } from "../../src/bot/bot.js";
import type { Command } from "../../src/bot/command.js";
import { loadCommands } from "../../src/bot/commands.js";
import { memoryLogger } from "../../src/bot/logger.js";
import type { PageStore } from "../../src/bot/paging.js";
import type { RateLimitOptions } from "../../src/bot/rate-limit.js";
import { Engine } from "../../src/engine.js";
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from "./index.js";

/** A token of the right shape, made up per run: nothing secret is ever written into the tests. */
export function makeTestToken(applicationId: string): string {
  const part = (n: number) => randomBytes(n).toString("base64url");
  return `${Buffer.from(applicationId).toString("base64url")}.${part(4)}.${part(27)}`;
}

export interface BotWithFakeOptions {
  /** The engine to serve; by default the corpus in `corpusDir` (or the bundled seeds). */
  engine?: Engine;
  corpusDir?: string;
  /** Commands to serve; by default everything in `commands/`. */
  commands?: ReadonlyMap<string, Command>;
  pages?: PageStore;
  /** Per-user command limit; by default none, so tests can send many commands as one user. */
  rateLimit?: RateLimitOptions;
  fake?: FakeDiscordOptions;
  /** Extra discord.js client options (e.g. `rest: { timeout }`), merged over the fake's. */
  clientOptions?: Partial<ClientOptions>;
}

export interface BotWithFake {
  fake: FakeDiscord;
  bot: RunningBot;
  engine: Engine;
  token: string;
  /** Everything the bot logged, one line each. */
  logs: string[];
  stop(): Promise<void>;
}

export async function startBotWithFake(options: BotWithFakeOptions = {}): Promise<BotWithFake> {
  const fake = await startFakeDiscord(options.fake);
  const token = options.fake?.token ?? makeTestToken(fake.applicationId);
  const engine = options.engine ?? (options.corpusDir ? Engine.fromDir(options.corpusDir) : Engine.fromDir(new URL("../../seeds", import.meta.url).pathname));
  const commands = options.commands ?? (await loadCommands());
  const logger = memoryLogger("debug", [token]);
  const base = fake.discordJsOptions();
  const bot = await startBot({
    token,
    engine,
    commands,
    logger,
    ...(options.pages ? { pages: options.pages } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    clientOptions: {
      ...options.clientOptions,
      rest: { ...base.rest, ...options.clientOptions?.rest },
      ws: { ...base.ws, ...options.clientOptions?.ws },
    },
  });
  await fake.gateway.untilLive();
  // What npm start does after login (src/bot/main.ts), done before the first test interaction.
  engine.warmUp();
  return {
    fake,
    bot,
    engine,
    token,
    logs: logger.lines,
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}
