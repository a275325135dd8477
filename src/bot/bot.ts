/**
 * The running bot: a discord.js Client that routes interactions to the commands and answers from
 * the engine in memory. Start it with a token; stop it to close the gateway connection cleanly.
 */
import { Client, Events, GatewayIntentBits, type ClientOptions } from "discord.js";
import type { Engine } from "../engine.js";
import type { BotContext, Command } from "./command.js";
import type { Logger } from "./logger.js";
import { PageStore } from "./paging.js";
import { UserRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { NO_PINGS } from "./replies.js";
import { routeInteraction } from "./router.js";

export interface BotOptions {
  token: string;
  engine: Engine;
  commands: ReadonlyMap<string, Command>;
  logger: Logger;
  pages?: PageStore;
  /** Per-user limit on slash commands (`npm start` reads it from the environment); none: unlimited. */
  rateLimit?: RateLimitOptions;
  /** Extra client options (tests point `rest` and `ws` at a local fake Discord). */
  clientOptions?: Partial<ClientOptions>;
}

export interface RunningBot {
  client: Client<true>;
  context: BotContext;
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { token, engine, commands, logger } = options;
  const context: BotContext = { engine, logger, pages: options.pages ?? new PageStore() };
  if (options.rateLimit && options.rateLimit.max > 0) context.rateLimiter = new UserRateLimiter(options.rateLimit);
  const client = new Client({
    // Slash commands arrive without any privileged intent; Guilds is the minimum discord.js expects.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    ...options.clientOptions,
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, commands, context);
  });
  client.on(Events.Error, (error) => logger.error("discord client error", { error }));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn("gateway disconnected", { shard, code: event.code }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info("gateway resumed", { shard, replayed }));
  client.on(Events.ShardReconnecting, (shard) => logger.debug("gateway reconnecting", { shard }));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = await ready;
  logger.info("bot ready", { user: readyClient.user.tag, commands: [...commands.keys()], articles: engine.articles.length });

  let stopped = false;
  return {
    client: readyClient,
    context,
    async stop() {
      if (stopped) return;
      stopped = true;
      logger.info("shutting down");
      await client.destroy();
    },
  };
}
