/** /timeline [topic] [private]: the coverage's dated events in date order, each outlet cited, with a flag where they differ. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { z } from "zod";
import type { BotContext } from "../src/bot/command.js";
import { replyWithPages } from "../src/bot/paging.js";
import { sendNote } from "../src/bot/replies.js";
import { parseUserText } from "../src/text/user-text.js";
import { renderTimelinePages } from "../src/render/discord.js";

export const TOPIC_MAX_LENGTH = 100;

export const data = new SlashCommandBuilder()
  .setName("timeline")
  .setDescription("The story's events in date order, each in the coverage's own words, with sources")
  .addStringOption((o) =>
    o
      .setName("topic")
      .setDescription("Only events about this: a person (their quotes too), a place or a subject")
      .setMinLength(1)
      .setMaxLength(TOPIC_MAX_LENGTH),
  )
  .addBooleanOption((o) => o.setName("private").setDescription("Show the timeline only to you"));

export async function execute(interaction: ChatInputCommandInteraction, { engine, pages }: BotContext): Promise<void> {
  const raw = z.string().nullable().catch(null).parse(interaction.options.getString("topic"));
  let topic: string | null = null;
  if (raw !== null) {
    const parsed = parseUserText(raw, TOPIC_MAX_LENGTH);
    if (!parsed.ok && parsed.problem === "long") return sendNote(interaction, `Please name a topic of at most ${TOPIC_MAX_LENGTH} characters.`);
    // A topic of only invisible or control characters is no topic: the whole timeline.
    topic = parsed.ok ? parsed.text : null;
  }
  const ephemeral = z.boolean().nullable().catch(null).parse(interaction.options.getBoolean("private")) === true;
  // Read and grouped when the bot starts, so this answers from memory well inside Discord's 3 s.
  await replyWithPages(interaction, renderTimelinePages(engine.timeline(topic)), { store: pages, ephemeral });
}
