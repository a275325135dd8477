/**
 * A per-user rate limit for the commands that run the engine: at most `max` commands in any
 * `windowMs` (a sliding window, so a burst at the edge of two windows cannot double the allowance).
 * Refused attempts do not count, so a user who keeps trying is not locked out for longer.
 * Plain TypeScript, no Discord types: the bot asks it before running a command.
 */
import { z } from "zod";
import { ConfigError } from "./config.js";

export interface RateLimitOptions {
  /** Commands allowed per user per window; 0 turns the limit off. */
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** A few questions per half minute: generous for a person, a brake on scripts and loops. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 5, windowMs: 30_000 };

const count = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .optional()
    .transform((n) => n ?? fallback);

/** `RATE_LIMIT_COMMANDS` (per user, 0 = off) and `RATE_LIMIT_WINDOW_SECONDS`, both optional. */
export const rateLimitEnvSchema = z
  .object({
    RATE_LIMIT_COMMANDS: count(DEFAULT_RATE_LIMIT.max),
    RATE_LIMIT_WINDOW_SECONDS: count(DEFAULT_RATE_LIMIT.windowMs / 1000).refine((s) => s >= 1, "must be at least 1"),
  })
  .transform((e): RateLimitOptions => ({ max: e.RATE_LIMIT_COMMANDS, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 }));

const ADVICE = {
  RATE_LIMIT_COMMANDS: `RATE_LIMIT_COMMANDS must be a whole number of commands per user (0 turns the limit off): fix it in .env, or remove it for the default (${DEFAULT_RATE_LIMIT.max}).`,
  RATE_LIMIT_WINDOW_SECONDS: `RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, at least 1: fix it in .env, or remove it for the default (${DEFAULT_RATE_LIMIT.windowMs / 1000}).`,
} as const;

/** Reads the limit from the environment; empty values mean the default. Throws ConfigError, one line naming the key. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const parsed = rateLimitEnvSchema.safeParse({
    RATE_LIMIT_COMMANDS: env.RATE_LIMIT_COMMANDS || undefined,
    RATE_LIMIT_WINDOW_SECONDS: env.RATE_LIMIT_WINDOW_SECONDS || undefined,
  });
  if (parsed.success) return parsed.data;
  throw new ConfigError(ADVICE[parsed.error.issues[0]!.path[0] as keyof typeof ADVICE]);
}

export class UserRateLimiter {
  /** Per user, the times of their allowed commands inside the current window, oldest first. */
  private readonly recent = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Records a command by `userId` if the limit allows it; otherwise says how long to wait. */
  take(userId: string): RateDecision {
    const { max, windowMs } = this.options;
    if (max <= 0) return { allowed: true };
    const now = this.now();
    this.sweep(now);
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < windowMs);
    if (times.length >= max) {
      this.recent.set(userId, times);
      return { allowed: false, retryAfterMs: Math.max(1, times[0]! + windowMs - now) };
    }
    times.push(now);
    this.recent.set(userId, times);
    return { allowed: true };
  }

  /** Users currently tracked (for tests: the map must not grow without bound). */
  get trackedUsers(): number {
    return this.recent.size;
  }

  /** Forgets users with nothing inside the window, at most once a window, so memory stays flat. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [user, times] of this.recent) {
      if (times.every((t) => now - t >= this.options.windowMs)) this.recent.delete(user);
    }
  }
}

/** The polite, ephemeral reply to a refused command. */
export function slowDownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking a bit fast. Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`;
}
