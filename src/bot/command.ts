/**
 * What a slash command module in `commands/` exports (discord.js guide style: one file per command,
 * its definition and its handlers together), and what handlers receive besides the interaction.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from "discord.js";
import type { Engine } from "../engine.js";
import type { Logger } from "./logger.js";
import type { PageStore } from "./paging.js";
import type { UserRateLimiter } from "./rate-limit.js";

export interface BotContext {
  engine: Engine;
  pages: PageStore;
  logger: Logger;
  /** Per-user limit on slash commands; none means unlimited. */
  rateLimiter?: UserRateLimiter;
}

export interface CommandDefinition {
  readonly name: string;
  toJSON(): unknown;
}

export interface Command {
  data: CommandDefinition;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  /** Suggestions while the user types; must answer within Discord's 3 s, so from memory only. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
