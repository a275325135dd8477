/** /ask question:<text> [private:<bool>]: an answer from the coverage, with cited, linked excerpts. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import type { BotContext } from "../src/bot/command.js";
import { replyWithPages } from "../src/bot/paging.js";
import { sendNote } from "../src/bot/replies.js";
import { parseUserText } from "../src/text/user-text.js";
import { renderAskHelp, renderAskPages } from "../src/render/discord.js";
import { isGreetingOrHelp } from "../src/text/greeting.js";

export const QUESTION_MAX_LENGTH = 300;

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question; the answer quotes the coverage word for word, with sources")
  .addStringOption((o) =>
    o
      .setName("question")
      .setDescription("What do you want to know about the coverage?")
      .setRequired(true)
      .setMinLength(1)
      .setMaxLength(QUESTION_MAX_LENGTH),
  )
  .addBooleanOption((o) => o.setName("private").setDescription("Show the answer only to you"));

export async function execute(interaction: ChatInputCommandInteraction, { engine, pages }: BotContext): Promise<void> {
  const question = parseUserText(interaction.options.getString("question", true), QUESTION_MAX_LENGTH);
  if (!question.ok) {
    return sendNote(
      interaction,
      question.problem === "empty" ? "Please type a question, for example: why did the talks fail?" : `Please ask a question of at most ${QUESTION_MAX_LENGTH} characters.`,
    );
  }
  const ephemeral = z.boolean().nullable().catch(null).parse(interaction.options.getBoolean("private")) === true;
  // "hi" or "help" is not a question: what to ask, instead of a refusal.
  if (isGreetingOrHelp(question.text)) return replyWithPages(interaction, [renderAskHelp()], { store: pages, ephemeral });
  // The engine answers from memory in milliseconds, well inside Discord's 3 s: no need to defer.
  await replyWithPages(interaction, renderAskPages(engine.ask(question.text)), { store: pages, ephemeral });
}
