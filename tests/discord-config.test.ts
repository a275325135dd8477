/** Bot configuration: one clear line per problem, naming the key; values (the token) never echoed. */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { tempDir } from "./helpers/temp-dir.js";
import { ConfigError, loadConfig, parseConfig } from "../src/bot/config.js";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";

/** Token-shaped, made up per run. */
const TOKEN = [randomBytes(18), randomBytes(4), randomBytes(27)].map((b) => b.toString("base64url")).join(".");
const VALID = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678" };

function problem(env: NodeJS.ProcessEnv, envFileFound = true): string {
  try {
    parseConfig(env, { envFileFound });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("parseConfig", () => {
  test("a complete environment, with defaults for the optional keys", () => {
    expect(parseConfig({ ...VALID, DISCORD_GUILD_ID: "" })).toEqual({
      token: TOKEN,
      clientId: "123456789012345678",
      guildId: null,
      corpusDir: DEFAULT_CORPUS_DIR,
      logLevel: "info",
      shards: null,
      apiUrl: null,
    });
    expect(parseConfig({ ...VALID, DISCORD_GUILD_ID: " 223456789012345678 ", LOG_LEVEL: "debug" })).toMatchObject({
      guildId: "223456789012345678",
      logLevel: "debug",
    });
  });

  test.each([
    [{}, false, /^DISCORD_TOKEN is not set and there is no \.env file .*copy \.env\.example to \.env/],
    [{}, true, /^DISCORD_TOKEN is not set: put your bot's token in \.env/],
    [{ DISCORD_TOKEN: "   " }, true, /^DISCORD_TOKEN is not set/],
    [{ DISCORD_TOKEN: "Bot abc" }, true, /^DISCORD_TOKEN does not look like a bot token/],
    [{ DISCORD_TOKEN: TOKEN }, true, /^DISCORD_CLIENT_ID is not set: .*Application ID/],
    [{ ...VALID, DISCORD_CLIENT_ID: "my-bot" }, true, /^DISCORD_CLIENT_ID must be a numeric id/],
    [{ ...VALID, DISCORD_GUILD_ID: "my server" }, true, /^DISCORD_GUILD_ID must be a numeric server id/],
    [{ ...VALID, LOG_LEVEL: "loud" }, true, /^LOG_LEVEL must be one of debug, info, warn, error/],
    [{ ...VALID, CORPUS_DIR: "/no/such/folder" }, true, /^CORPUS_DIR is "\/no\/such\/folder", which is not a folder/],
    [{ ...VALID, SHARDS: "0" }, true, /^SHARDS must be auto .* or a whole number of shards from 1 to 128/],
    [{ ...VALID, SHARDS: "two" }, true, /^SHARDS must be auto/],
    [{ ...VALID, SHARDS: "1.5" }, true, /^SHARDS must be auto/],
    [{ ...VALID, SHARDS: "-2" }, true, /^SHARDS must be auto/],
    [{ ...VALID, SHARDS: "129" }, true, /^SHARDS must be auto/],
    [{ ...VALID, SHARDS: "AUTO" }, true, /^SHARDS must be auto/],
    [{ ...VALID, DISCORD_API_URL: "ftp://example.com/api" }, true, /^DISCORD_API_URL must be an http\(s\) URL/],
    [{ ...VALID, DISCORD_API_URL: "localhost:8080" }, true, /^DISCORD_API_URL must be an http\(s\) URL/],
  ])("%j (env file found: %s) -> one line naming the key", (env, found, message) => {
    const text = problem(env as NodeJS.ProcessEnv, found);
    expect(text).toMatch(message);
    expect(text).not.toContain("\n");
  });

  test("SHARDS: empty is one process without a manager, auto or 1 to 128 runs the ShardingManager", () => {
    expect(parseConfig({ ...VALID, SHARDS: "" }).shards).toBeNull();
    expect(parseConfig({ ...VALID, SHARDS: " auto " }).shards).toBe("auto");
    expect(parseConfig({ ...VALID, SHARDS: "2" }).shards).toBe(2);
    expect(parseConfig({ ...VALID, SHARDS: "128" }).shards).toBe(128);
    // Inside a shard process discord.js sets SHARDS to the shard's id, 0 included: not a count.
    expect(parseConfig({ ...VALID, SHARDS: "0", SHARDING_MANAGER: "true" }).shards).toBeNull();
    expect(parseConfig({ ...VALID, DISCORD_API_URL: "http://127.0.0.1:8080/api" }).apiUrl).toBe("http://127.0.0.1:8080/api");
  });

  test("a malformed token is named but never printed", () => {
    const almost = `${TOKEN}!`;
    const text = problem({ ...VALID, DISCORD_TOKEN: almost });
    expect(text).toMatch(/^DISCORD_TOKEN/);
    expect(text).not.toContain(almost);
    expect(text).not.toContain(TOKEN.split(".")[0]!);
    expect(problem({ ...VALID, DISCORD_CLIENT_ID: "x" })).not.toContain(TOKEN);
  });
});

describe("loadConfig", () => {
  test("reads the .env file named by DOTENV_CONFIG_PATH, quietly; the real environment wins", () => {
    const dir = tempDir("env");
    const file = join(dir, ".env");
    writeFileSync(file, `DISCORD_TOKEN=${TOKEN}\nDISCORD_CLIENT_ID=123456789012345678\nLOG_LEVEL=warn\n`);
    const log = vi.spyOn(console, "log");
    const error = vi.spyOn(console, "error");
    const env: NodeJS.ProcessEnv = { DOTENV_CONFIG_PATH: file, LOG_LEVEL: "error" };
    expect(loadConfig(env)).toMatchObject({ token: TOKEN, clientId: "123456789012345678", logLevel: "error" });
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  test("without a .env file the message says so", () => {
    const dir = tempDir("env");
    expect(() => loadConfig({ DOTENV_CONFIG_PATH: join(dir, ".env") })).toThrow(/no \.env file/);
  });
});
