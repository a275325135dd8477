/** Registers slash command definitions with Discord (used by `npm run deploy`). */
import { Routes, type REST } from "discord.js";
import type { BotConfig } from "./config.js";
import type { Command } from "./command.js";

export interface DeployResult {
  scope: "guild" | "global";
  names: string[];
}

/** PUTs every command definition (replacing what was registered before in that scope). */
export async function deployCommands(
  config: Pick<BotConfig, "clientId" | "guildId">,
  commands: ReadonlyMap<string, Command>,
  rest: REST,
): Promise<DeployResult> {
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  await rest.put(route, { body });
  return { scope: config.guildId ? "guild" : "global", names: [...commands.keys()] };
}
