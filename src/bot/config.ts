/**
 * The bot's configuration: the environment (with `.env` read by dotenv, quietly) checked by zod.
 * A missing or malformed value becomes one line that names the key and says what to put in `.env`;
 * values are never echoed, so the token cannot end up in a terminal or a log.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import dotenv from "dotenv";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./logger.js";
import { resolveCorpusDir } from "../corpus/location.js";

export interface BotConfig {
  token: string;
  clientId: string;
  /** Register commands to this server only (instant), or globally when null. */
  guildId: string | null;
  corpusDir: string;
  logLevel: LogLevel;
  /**
   * `SHARDS`: how many shard processes discord.js's ShardingManager runs ("auto": as many as
   * Discord recommends); null: one process, no manager. Always null inside a shard process, where
   * discord.js itself sets SHARDS to the shard's id.
   */
  shards: "auto" | number | null;
  /** `DISCORD_API_URL`: another base for Discord's REST API (a proxy); null: discord.js's default. */
  apiUrl: string | null;
}

/** The most shards one `npm start` runs, a process each; beyond that, split them over machines. */
export const MAX_SHARDS = 128;

/** Set by discord.js's ShardingManager in the environment of the processes it spawns. */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SHARDING_MANAGER);
}

export class ConfigError extends Error {}

/** Bot tokens are three base64url parts joined by dots (id, timestamp, signature). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

/** Empty values in `.env` (`DISCORD_GUILD_ID=`) mean "not set". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), schema.optional());
}

const envSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(TOKEN_SHAPE)),
  DISCORD_CLIENT_ID: optional(z.string().regex(SNOWFLAKE)),
  DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE)),
  CORPUS_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  SHARDS: optional(
    z
      .string()
      .regex(/^(?:auto|[1-9]\d*)$/)
      .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
      .refine((v) => v === "auto" || v <= MAX_SHARDS),
  ),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
});

const PORTAL = "https://discord.com/developers/applications";

/** For each key: what to say when it is missing (null: optional) and when it is malformed. */
const ADVICE: Record<keyof z.infer<typeof envSchema>, { missing: string | null; malformed: string }> = {
  DISCORD_TOKEN: {
    missing: `DISCORD_TOKEN is not set: put your bot's token in .env (${PORTAL} > your application > Bot > Reset Token).`,
    malformed:
      "DISCORD_TOKEN does not look like a bot token: paste it into .env exactly as the Developer Portal shows it (Bot > Reset Token), without quotes or a \"Bot \" prefix.",
  },
  DISCORD_CLIENT_ID: {
    missing: `DISCORD_CLIENT_ID is not set: put your application's id in .env (${PORTAL} > your application > General Information > Application ID).`,
    malformed: "DISCORD_CLIENT_ID must be a numeric id such as 123456789012345678: copy the Application ID from the Developer Portal's General Information page into .env.",
  },
  DISCORD_GUILD_ID: {
    missing: null,
    malformed:
      "DISCORD_GUILD_ID must be a numeric server id: in Discord turn on Developer Mode, right-click your server, Copy Server ID, and put it in .env (or leave it empty to register commands globally).",
  },
  CORPUS_DIR: { missing: null, malformed: "CORPUS_DIR must be a folder path: fix it in .env, or remove it to use the bundled seeds/." },
  LOG_LEVEL: { missing: null, malformed: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}: fix it in .env, or remove it for the default (info).` },
  SHARDS: {
    missing: null,
    malformed: `SHARDS must be auto (as many shards as Discord recommends) or a whole number of shards from 1 to ${MAX_SHARDS}: fix it in .env, or leave it empty to run one process without sharding.`,
  },
  DISCORD_API_URL: {
    missing: null,
    malformed: "DISCORD_API_URL must be an http(s) URL such as http://127.0.0.1:8080/api: fix it in .env, or leave it empty to talk to Discord directly.",
  },
};

/** The `.env` file dotenv reads: $DOTENV_CONFIG_PATH, else `.env` in the working directory. */
export function envFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DOTENV_CONFIG_PATH || ".env");
}

/** Adds the `.env` file's values to `env` (the real environment wins). Returns whether the file was there. */
export function readEnvFile(env: NodeJS.ProcessEnv = process.env): boolean {
  const path = envFilePath(env);
  if (!existsSync(path)) return false;
  dotenv.config({ path, quiet: true, processEnv: env as Record<string, string> });
  return true;
}

/**
 * Checks the environment; throws ConfigError with one line for the first problem (keys in the
 * order of `.env.example`). `envFileFound` only makes the "missing token" advice more precise.
 */
export function parseConfig(env: NodeJS.ProcessEnv, { envFileFound = true } = {}): BotConfig {
  // In a shard process SHARDS is discord.js's own: the shard's id (0, 1, ...), not a count.
  const parsed = envSchema.safeParse(isShardProcess(env) ? { ...env, SHARDS: undefined } : env);
  if (!parsed.success) {
    const key = parsed.error.issues[0]!.path[0] as keyof typeof ADVICE;
    throw new ConfigError(ADVICE[key].malformed);
  }
  const values = parsed.data;
  for (const key of Object.keys(ADVICE) as (keyof typeof ADVICE)[]) {
    const missing = ADVICE[key].missing;
    if (values[key] !== undefined || missing === null) continue;
    if (!envFileFound) {
      throw new ConfigError(
        `${key} is not set and there is no .env file (looked for ${envFilePath(env)}): copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID.`,
      );
    }
    throw new ConfigError(missing);
  }
  const corpusDir = resolveCorpusDir(undefined, { CORPUS_DIR: values.CORPUS_DIR });
  if (values.CORPUS_DIR !== undefined && !(existsSync(corpusDir) && statSync(corpusDir).isDirectory())) {
    throw new ConfigError(`CORPUS_DIR is ${JSON.stringify(values.CORPUS_DIR)}, which is not a folder: point it at a folder of articles in .env, or remove it to use the bundled seeds/.`);
  }
  return {
    token: values.DISCORD_TOKEN!,
    clientId: values.DISCORD_CLIENT_ID!,
    guildId: values.DISCORD_GUILD_ID ?? null,
    corpusDir,
    logLevel: values.LOG_LEVEL ?? "info",
    shards: values.SHARDS ?? null,
    apiUrl: values.DISCORD_API_URL ?? null,
  };
}

/** Reads `.env` into the process environment and checks it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const envFileFound = readEnvFile(env);
  return parseConfig(env, { envFileFound });
}
