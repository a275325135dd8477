/** /sources: the articles the bot answers from, with outlet, date, headline and link. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/bot/command.js";
import { replyWithPages } from "../src/bot/paging.js";
import { renderSourcesPages } from "../src/render/discord.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setDescription("List the articles the answers come from");

export async function execute(interaction: ChatInputCommandInteraction, { engine, pages }: BotContext): Promise<void> {
  await replyWithPages(interaction, renderSourcesPages(engine.sources()), { store: pages });
}
