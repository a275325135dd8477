import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT, rateLimitFromEnv, slowDownMessage, UserRateLimiter } from "../../src/bot/rate-limit.js";

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("per-user rate limit", () => {
  it("allows `max` commands in a window, then says how long to wait", () => {
    const c = clock();
    const limiter = new UserRateLimiter({ max: 3, windowMs: 10_000 }, c.now);
    expect([1, 2, 3].map(() => limiter.take("ann").allowed)).toEqual([true, true, true]);
    c.advance(4_000);
    expect(limiter.take("ann")).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it("other users are unaffected by one user's excess", () => {
    const limiter = new UserRateLimiter({ max: 2, windowMs: 10_000 }, clock().now);
    for (let i = 0; i < 10; i++) limiter.take("spammer");
    expect(limiter.take("spammer").allowed).toBe(false);
    expect(limiter.take("bob").allowed).toBe(true);
    expect(limiter.take("bob").allowed).toBe(true);
    expect(limiter.take("carol").allowed).toBe(true);
  });

  it("slides: the oldest command leaving the window frees exactly one slot", () => {
    const c = clock();
    const limiter = new UserRateLimiter({ max: 2, windowMs: 10_000 }, c.now);
    limiter.take("ann");
    c.advance(6_000);
    limiter.take("ann");
    c.advance(3_999);
    expect(limiter.take("ann")).toEqual({ allowed: false, retryAfterMs: 1 });
    c.advance(1);
    expect(limiter.take("ann").allowed).toBe(true);
    expect(limiter.take("ann").allowed).toBe(false);
  });

  it("refused attempts do not extend the wait", () => {
    const c = clock();
    const limiter = new UserRateLimiter({ max: 1, windowMs: 10_000 }, c.now);
    limiter.take("ann");
    for (let i = 0; i < 9; i++) {
      c.advance(1_000);
      expect(limiter.take("ann").allowed).toBe(false);
    }
    c.advance(1_000);
    expect(limiter.take("ann").allowed).toBe(true);
  });

  it("forgets idle users, so memory does not grow with every user ever seen", () => {
    const c = clock();
    const limiter = new UserRateLimiter({ max: 2, windowMs: 1_000 }, c.now);
    for (let u = 0; u < 5_000; u++) limiter.take(`user${u}`);
    expect(limiter.trackedUsers).toBe(5_000);
    c.advance(1_000);
    limiter.take("late");
    expect(limiter.trackedUsers).toBe(1);
  });

  it("max 0 turns it off", () => {
    const limiter = new UserRateLimiter({ max: 0, windowMs: 1_000 }, clock().now);
    for (let i = 0; i < 100; i++) expect(limiter.take("ann").allowed).toBe(true);
  });
});

describe("rate limit configuration", () => {
  it("defaults when unset or empty, reads both keys when set", () => {
    expect(rateLimitFromEnv({})).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv({ RATE_LIMIT_COMMANDS: "", RATE_LIMIT_WINDOW_SECONDS: "" })).toEqual(DEFAULT_RATE_LIMIT);
    expect(rateLimitFromEnv({ RATE_LIMIT_COMMANDS: "10", RATE_LIMIT_WINDOW_SECONDS: "60" })).toEqual({ max: 10, windowMs: 60_000 });
    expect(rateLimitFromEnv({ RATE_LIMIT_COMMANDS: "0" }).max).toBe(0);
  });

  it.each([
    [{ RATE_LIMIT_COMMANDS: "five" }, /RATE_LIMIT_COMMANDS/],
    [{ RATE_LIMIT_COMMANDS: "-1" }, /RATE_LIMIT_COMMANDS/],
    [{ RATE_LIMIT_WINDOW_SECONDS: "0" }, /RATE_LIMIT_WINDOW_SECONDS/],
    [{ RATE_LIMIT_WINDOW_SECONDS: "1.5" }, /RATE_LIMIT_WINDOW_SECONDS/],
  ])("refuses %j naming the key", (env, key) => {
    expect(() => rateLimitFromEnv(env)).toThrow(key);
  });

  it("the slow-down message is polite and says how long to wait, in whole seconds", () => {
    expect(slowDownMessage(6_000)).toBe("You're asking a bit fast. Please wait 6 seconds and try again.");
    expect(slowDownMessage(1)).toMatch(/wait 1 second and/);
    expect(slowDownMessage(1_001)).toMatch(/wait 2 seconds/);
  });
});
