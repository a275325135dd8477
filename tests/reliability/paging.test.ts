/**
 * Issue 13 items 1 and 6: a paged result is only ever turned by the person it was made for, its key
 * cannot be guessed from another button, and the store of results is bounded by bytes and time.
 */
import { describe, expect, test } from "vitest";
import { PageStore } from "../../src/bot/paging.js";
import { NOTES } from "../../src/bot/replies.js";
import { startBotWithFake } from "../fake-discord/with-bot.js";

const NO_PINGS = { parse: [] };

function secretPages(n: number) {
  return Array.from({ length: n }, (_, i) => ({ embeds: [{ title: `Private answer, page ${i + 1}`, description: "only for its owner" }] }));
}

describe("paging security", () => {
  test("a forged click naming the clicker as owner gets the foreign-page note, never another user's page", async () => {
    const pages = new PageStore();
    const h = await startBotWithFake({ pages });
    try {
      const owner = h.fake.defaultUser;
      const stranger = h.fake.user("stranger");
      // The owner's private result, as /ask private:true stores it.
      const key = pages.save(secretPages(3), owner.id);
      // The stranger needs a message of the bot's to click on: their own /sources reply.
      const own = h.fake.sendCommand("sources", {}, { user: stranger });
      await own.response();
      for (const page of [0, 1, 2]) {
        const forged = h.fake.sendComponent(`page:${key}:${stranger.id}:${page}`, own.message!, { user: stranger });
        const body = await forged.response();
        expect(body).toEqual({ type: 4, data: { content: NOTES.foreignPage, tts: false, enforce_nonce: false, allowed_mentions: NO_PINGS, flags: 64 } });
        expect(JSON.stringify(body)).not.toContain("Private answer");
      }
    } finally {
      await h.stop();
    }
  });

  test("store keys are random (128 bits, hex), with nothing shared between one key and the next", () => {
    const store = new PageStore();
    const keys = Array.from({ length: 200 }, () => store.save(secretPages(2), "1"));
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    // Keys built from a run prefix and a counter share their first characters; random ones do not.
    expect(new Set(keys.map((k) => k.slice(0, 8))).size).toBe(keys.length);
  });
});

describe("page store bounds", () => {
  /** A result of `n` pages of about `chars` characters each. */
  function result(n: number, chars: number) {
    return Array.from({ length: n }, (_, i) => ({ embeds: [{ title: `Page ${i}`, description: "x".repeat(chars) }] }));
  }

  test("is bounded by bytes: the oldest results go first once the budget is spent", () => {
    const store = new PageStore({ maxBytes: 200_000 });
    const keys = Array.from({ length: 50 }, () => store.save(result(2, 5_000), "1"));
    expect(store.bytes).toBeLessThanOrEqual(200_000);
    expect(store.bytes).toBeGreaterThan(100_000);
    expect(store.get(keys[0]!)).toBeNull();
    expect(store.get(keys.at(-1)!)?.pages).toHaveLength(2);
    // Each result is counted at about two bytes a character of what it shows.
    const one = new PageStore();
    one.save(result(2, 5_000), "1");
    expect(one.bytes).toBeGreaterThanOrEqual(2 * 2 * 5_000);
    expect(one.bytes).toBeLessThan(2 * 2 * 5_000 + 2_000);
  });

  test("a result bigger than the whole budget is not kept at all", () => {
    const store = new PageStore({ maxBytes: 10_000 });
    const small = store.save(result(2, 100), "1");
    const huge = store.save(result(3, 10_000), "1");
    expect(store.get(huge)).toBeNull();
    expect(store.get(small)).not.toBeNull();
  });

  test("expired results are dropped when anything is saved, not only when clicked", () => {
    let now = 0;
    const store = new PageStore({ ttlMs: 1_000, now: () => now });
    for (let i = 0; i < 10; i++) store.save(result(2, 1_000), "1");
    expect(store.size).toBe(10);
    now = 1_001;
    store.save(result(2, 1_000), "2");
    expect(store.size).toBe(1);
    expect(store.bytes).toBeLessThan(2 * 2 * 1_000 + 1_000);
  });
});
