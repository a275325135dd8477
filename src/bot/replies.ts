/** What every reply shares: no pings, and the short notes the bot gives instead of errors. */
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Logger } from "./logger.js";

/** Sent with every message: mentions in it ping nobody (`@everyone` in a question stays text). */
export const NO_PINGS = { parse: [] as [] };

export const NOTES = {
  apology: "Sorry, something went wrong on my side while answering that. Please try again in a moment.",
  foreignPage: "Only the person who ran this command can turn its pages. Run the command yourself to browse the results.",
  stalePage: "These results have expired, so I can't turn the page any more. Run the command again to browse them.",
  unknownButton: "That button doesn't do anything any more. Run the command again.",
  unknownCommand: "I don't know that command any more. It may have been removed; the commands I have are listed when you type /.",
} as const;

/** A short note only the user sees (a first reply, or a follow-up when the interaction is already answered). */
export async function sendNote(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = { content, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/** The apology after a handler failed; a failure to apologise (e.g. the token expired) is logged, not thrown. */
export async function apologize(interaction: RepliableInteraction, logger: Logger): Promise<void> {
  try {
    await sendNote(interaction, NOTES.apology);
  } catch (err) {
    logger.warn("could not send the apology", { interaction: interaction.id, error: err });
  }
}
