/** /ask question:<text> [private:<bool>]: an answer from the coverage, with cited, linked excerpts. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import type { BotContext } from "../src/bot/command.js";
import { replyWithPages } from "../src/bot/paging.js";
import { NO_PINGS } from "../src/bot/replies.js";
import { cleanUserText } from "../src/text/user-text.js";
import { renderAskPages } from "../src/render/discord.js";

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

const options = z.object({
  question: z.string().transform(cleanUserText).pipe(z.string().min(1, "empty").max(QUESTION_MAX_LENGTH, "long")),
  private: z.boolean().nullable(),
});

export async function execute(interaction: ChatInputCommandInteraction, { engine, pages }: BotContext): Promise<void> {
  const parsed = options.safeParse({
    question: interaction.options.getString("question", true),
    private: interaction.options.getBoolean("private"),
  });
  if (!parsed.success) {
    const empty = parsed.error.issues.some((i) => i.message === "empty");
    await interaction.reply({
      content: empty ? "Please type a question, for example: why did the talks fail?" : `Please ask a question of at most ${QUESTION_MAX_LENGTH} characters.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_PINGS,
    });
    return;
  }
  // The engine answers from memory in milliseconds, well inside Discord's 3 s: no need to defer.
  const result = engine.ask(parsed.data.question);
  await replyWithPages(interaction, renderAskPages(result), { store: pages, ephemeral: parsed.data.private === true });
}
