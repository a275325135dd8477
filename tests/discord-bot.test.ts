/** The bot's parts around the handlers: command loading, registration, paging state, shutdown. */
import { EventEmitter } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REST } from "discord.js";
import { describe, expect, test, vi } from "vitest";
import { tempDir } from "./helpers/temp-dir.js";
import { CommandLoadError, loadCommands } from "../src/bot/commands.js";
import { memoryLogger } from "../src/bot/logger.js";
import { PageStore, pageButtons, parsePageCustomId } from "../src/bot/paging.js";
import { deployCommands } from "../src/bot/register.js";
import { stopOnSignals, type SignalTarget } from "../src/bot/shutdown.js";
import { startFakeDiscord } from "./fake-discord/index.js";
import { makeTestToken } from "./fake-discord/with-bot.js";

describe("loadCommands", () => {
  test("every module in commands/ is a command with a definition and a handler", async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toEqual(expect.arrayContaining(["ask", "quote", "sources"]));
    const quote = commands.get("quote")!.data.toJSON() as { options: { name: string; autocomplete?: boolean; max_length?: number }[] };
    expect(quote.options[0]).toMatchObject({ name: "speaker", autocomplete: true, max_length: 100 });
    expect(commands.get("quote")!.autocomplete).toBeTypeOf("function");
    const ask = commands.get("ask")!.data.toJSON() as { options: { name: string; max_length?: number; required?: boolean }[] };
    expect(ask.options.map((o) => o.name)).toEqual(["question", "private"]);
    expect(ask.options[0]).toMatchObject({ required: true, max_length: 300 });
  });

  test("a module without the shape of a command is refused with its file name", async () => {
    const dir = tempDir("commands");
    writeFileSync(join(dir, "broken.mjs"), "export const data = { name: 'broken' };\n");
    await expect(loadCommands(dir)).rejects.toThrow(CommandLoadError);
    await expect(loadCommands(dir)).rejects.toThrow(/commands\/broken\.mjs must export `data`/);
  });
});

describe("deployCommands", () => {
  test("registers every command to the guild when one is configured, else globally", async () => {
    const fake = await startFakeDiscord();
    try {
      const commands = await loadCommands();
      const token = makeTestToken(fake.applicationId);
      const rest = new REST({ api: fake.apiUrl }).setToken(token);
      const guild = await deployCommands({ clientId: fake.applicationId, guildId: fake.guildId }, commands, rest);
      expect(guild).toEqual({ scope: "guild", names: [...commands.keys()] });
      const put = fake.calls.find((c) => c.method === "PUT")!;
      expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
      expect(put.authorized).toBe(true);
      expect(put.body).toEqual([...commands.values()].map((c) => c.data.toJSON()));

      const global = await deployCommands({ clientId: fake.applicationId, guildId: null }, commands, rest);
      expect(global.scope).toBe("global");
      expect(fake.calls.at(-1)!.path).toBe(`/applications/${fake.applicationId}/commands`);
      expect(fake.registeredCommands.get("global")!.map((c) => (c as { name: string }).name)).toEqual([...commands.keys()]);
    } finally {
      await fake.close();
    }
  });
});

describe("paging state", () => {
  test("custom ids carry key, owner and page, and only ours parse", () => {
    const [row] = pageButtons("abc1", "123456789012345678", 1, 3);
    expect(row!.components.map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ["Previous", "page:abc1:123456789012345678:0", false],
      ["Next", "page:abc1:123456789012345678:2", false],
    ]);
    expect(parsePageCustomId("page:abc1:123456789012345678:2")).toEqual({ key: "abc1", owner: "123456789012345678", page: 2 });
    for (const bad of ["page:abc1:someone:2", "page:ABC:1:2", "other:abc:1:2", "page:abc1:1:2:extra", `page:${"a".repeat(99)}:1:1`]) {
      expect(parsePageCustomId(bad)).toBeNull();
    }
  });

  test("results expire after the TTL and the oldest go first beyond the limit", () => {
    let now = 0;
    const store = new PageStore({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    const a = store.save([{ embeds: [] }], "1");
    const b = store.save([{ embeds: [] }], "1");
    const c = store.save([{ embeds: [] }], "2");
    expect(store.get(a)).toBeNull();
    expect(store.get(b)?.owner).toBe("1");
    now = 1_001;
    expect(store.get(c)).toBeNull();
    expect(new Set([a, b, c]).size).toBe(3);
    expect(new PageStore().save([], "1")).not.toBe(a);
  });
});

describe("shutdown", () => {
  function fakeProcess() {
    const target = new EventEmitter() as EventEmitter & SignalTarget & { codes: number[] };
    target.codes = [];
    target.exit = (code: number) => void target.codes.push(code);
    return target;
  }

  test.each(["SIGINT", "SIGTERM"] as const)("%s stops the bot once, then exits 0", async (signal) => {
    const target = fakeProcess();
    const stop = vi.fn(async () => {});
    stopOnSignals(stop, target);
    target.emit(signal);
    target.emit(signal === "SIGINT" ? "SIGTERM" : "SIGINT");
    await vi.waitFor(() => expect(target.codes).toEqual([0]));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test("a failing stop exits 1", async () => {
    const target = fakeProcess();
    stopOnSignals(async () => {
      throw new Error("stuck");
    }, target);
    target.emit("SIGTERM");
    await vi.waitFor(() => expect(target.codes).toEqual([1]));
  });
});

describe("logger", () => {
  test("filters by level and never prints a secret", () => {
    const secret = makeTestToken("123456789012345678");
    const log = memoryLogger("info", [secret]);
    log.debug("hidden");
    log.error("request failed", { url: `https://x/${secret}`, error: new Error(`bad ${secret}`) });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/ ERROR request failed \{"url":"https:\/\/x\/\[redacted\]","error":"Error: bad \[redacted\]/);
    expect(log.lines[0]).not.toContain(secret);
  });
});
