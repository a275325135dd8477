/**
 * `npm run deploy`: registers the slash commands in `commands/` with Discord — to one server when
 * DISCORD_GUILD_ID is set (visible at once, good while developing), else globally.
 */
import { REST } from "discord.js";
import { CommandLoadError, loadCommands } from "./bot/commands.js";
import { deployCommands } from "./bot/register.js";
import { ConfigError, loadConfig, type BotConfig } from "./bot/config.js";

/** A one-line explanation of a refusal from Discord. */
function explain(err: unknown): string {
  const e = err as { status?: number; code?: number; message?: string };
  if (e.status === 401) return "Discord refused DISCORD_TOKEN: reset the token in the Developer Portal (Bot > Reset Token) and put the new one in .env.";
  if (e.code === 50001 || e.status === 403) {
    return "Discord denied access: check DISCORD_CLIENT_ID, and that the bot was invited to DISCORD_GUILD_ID with the scopes bot applications.commands.";
  }
  if (e.status === 404) return "Discord does not know that application or server: check DISCORD_CLIENT_ID and DISCORD_GUILD_ID in .env.";
  return `could not register the commands: ${e.message ?? String(err)}`;
}

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  try {
    const commands = await loadCommands();
    const result = await deployCommands(config, commands, new REST().setToken(config.token));
    const list = result.names.map((n) => `/${n}`).join(", ");
    process.stdout.write(
      result.scope === "guild"
        ? `Registered ${list} in server ${config.guildId} (usable now).\n`
        : `Registered ${list} globally (in every server the bot is in; Discord may take a few minutes to show them).\n`,
    );
  } catch (err) {
    process.stderr.write(`error: ${err instanceof CommandLoadError ? err.message : explain(err)}\n`);
    process.exitCode = 1;
  }
}

await main();
