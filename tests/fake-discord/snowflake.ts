/**
 * Numeric-string snowflakes shaped like Discord's (milliseconds since the Discord epoch, shifted),
 * so discord.js can read timestamps from them. Unique within a process.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;
let lastMs = 0n;

export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  // Keep ids strictly increasing even when more than 4096 are made in one millisecond.
  if (ms < lastMs) ms = lastMs;
  increment = (increment + 1n) & 0xfffn;
  if (increment === 0n) ms += 1n;
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}
