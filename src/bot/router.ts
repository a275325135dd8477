/**
 * Routes each interaction to its command's handler (slash command, autocomplete) or to the pager
 * (buttons). A handler that throws is logged with the interaction and the user gets a short
 * apology; the bot carries on with the next interaction.
 */
import type { Interaction } from "discord.js";
import type { BotContext, Command } from "./command.js";
import { handlePageButton } from "./paging.js";
import { slowDownMessage } from "./rate-limit.js";
import { NOTES, apologize, sendNote } from "./replies.js";

/** What the log says about an interaction: enough to reproduce it, never its token. */
export function describeInteraction(interaction: Interaction): Record<string, unknown> {
  const about: Record<string, unknown> = {
    id: interaction.id,
    user: interaction.user.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    about.command = interaction.commandName;
    about.options = Object.fromEntries(interaction.options.data.map((o) => [o.name, o.value]));
  }
  if (interaction.isMessageComponent()) about.customId = interaction.customId;
  return about;
}

export async function routeInteraction(interaction: Interaction, commands: ReadonlyMap<string, Command>, context: BotContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      // Autocomplete and page buttons are not limited: they fire per keystroke and per click.
      const decision = context.rateLimiter?.take(interaction.user.id) ?? { allowed: true };
      if (!decision.allowed) {
        context.logger.info("rate limited", { interaction: describeInteraction(interaction), retryAfterMs: decision.retryAfterMs });
        await sendNote(interaction, slowDownMessage(decision.retryAfterMs));
      } else if (command) await command.execute(interaction, context);
      else await sendNote(interaction, NOTES.unknownCommand);
    } else if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
    } else if (interaction.isButton()) {
      await handlePageButton(interaction, context.pages);
    }
  } catch (err) {
    context.logger.error("interaction failed", { interaction: describeInteraction(interaction), error: err });
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    } else if (interaction.isRepliable()) {
      await apologize(interaction, context.logger);
    }
  }
}
