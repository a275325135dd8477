/**
 * Loads the slash commands: every module in `commands/` is one command. Adding a command is adding
 * a file; a module that does not have the shape of a command stops the bot with a message naming it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import type { Command } from "./command.js";

export const COMMANDS_DIR = fileURLToPath(new URL("../../commands", import.meta.url));

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function");

const commandModule = z.object({
  data: z.object({
    name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u),
    toJSON: fn,
  }),
  execute: fn,
  autocomplete: fn.optional(),
});

export class CommandLoadError extends Error {}

function isCommandFile(name: string): boolean {
  return /\.(ts|js|mjs)$/.test(name) && !name.endsWith(".d.ts") && !/\.test\.[cm]?[jt]s$/.test(name);
}

export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const file of readdirSync(dir).filter(isCommandFile).sort()) {
    const mod: unknown = await import(pathToFileURL(join(dir, file)).href);
    const parsed = commandModule.safeParse(mod);
    if (!parsed.success) {
      throw new CommandLoadError(`commands/${file} must export \`data\` (a SlashCommandBuilder) and \`execute(interaction, context)\``);
    }
    const command = mod as Command;
    if (commands.has(command.data.name)) {
      throw new CommandLoadError(`commands/${file} defines /${command.data.name}, which another file already defines`);
    }
    commands.set(command.data.name, command);
  }
  return commands;
}
