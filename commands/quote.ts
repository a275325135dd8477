/** /quote speaker:<name>: what a person was quoted as saying, each statement once, with every outlet. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import type { BotContext } from "../src/bot/command.js";
import { replyWithPages } from "../src/bot/paging.js";
import { sendNote } from "../src/bot/replies.js";
import { cleanUserText, parseUserText } from "../src/text/user-text.js";
import { renderQuotePages, speakerChoices } from "../src/render/discord.js";

export const SPEAKER_MAX_LENGTH = 100;

export const data = new SlashCommandBuilder()
  .setName("quote")
  .setDescription("What someone was quoted as saying in the coverage, with every outlet that reported it")
  .addStringOption((o) =>
    o
      .setName("speaker")
      .setDescription("A name, surname or role, e.g. a spokesman; pick from the suggestions")
      .setRequired(true)
      .setMinLength(1)
      .setMaxLength(SPEAKER_MAX_LENGTH)
      .setAutocomplete(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, { engine, pages }: BotContext): Promise<void> {
  const speaker = parseUserText(interaction.options.getString("speaker", true), SPEAKER_MAX_LENGTH);
  if (!speaker.ok) {
    return sendNote(
      interaction,
      speaker.problem === "empty" ? "Please type a name, or pick one of the suggestions as you type." : `Please name a speaker in at most ${SPEAKER_MAX_LENGTH} characters.`,
    );
  }
  await replyWithPages(interaction, renderQuotePages(engine.quote(speaker.text)), { store: pages });
}

/**
 * Suggestions while the user types: answered from the engine's memory, since Discord gives
 * autocomplete 3 s and no way to defer. An empty box lists the most quoted speakers.
 */
export async function autocomplete(interaction: AutocompleteInteraction, { engine }: BotContext): Promise<void> {
  const typed = cleanUserText(z.string().max(SPEAKER_MAX_LENGTH).catch("").parse(interaction.options.getFocused()));
  const speakers = typed === "" ? engine.speakers() : engine.suggestSpeakers(typed, 25);
  await interaction.respond(speakerChoices(speakers));
}
