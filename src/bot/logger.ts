/**
 * A small leveled logger for the bot: one line per event on stderr, fields as JSON. Secrets given
 * at creation (the bot token) are replaced wherever they would appear, as a last line of defence.
 */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (stderr by default). */
  write?: (line: string) => void;
  /** Strings never to print, e.g. the bot token. */
  secrets?: string[];
  /** Put before every message, e.g. "[shard 1]" when several processes share one stderr. */
  prefix?: string;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return value;
}

export function createLogger({ level = "info", write = (line) => process.stderr.write(line), secrets = [], prefix }: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const hidden = secrets.filter((s) => s.length >= 8);
  const redact = (text: string) => hidden.reduce((t, s) => t.split(s).join("[redacted]"), text);
  const log = (at: LogLevel) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    let line = `${new Date().toISOString()} ${at.toUpperCase()} ${prefix ? `${prefix} ` : ""}${message}`;
    if (fields && Object.keys(fields).length > 0) line += ` ${JSON.stringify(fields, (_k, v: unknown) => serialise(v))}`;
    write(`${redact(line)}\n`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** A logger that keeps lines in memory (tests read them back). */
export function memoryLogger(level: LogLevel = "debug", secrets: string[] = []): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger({ level, secrets, write: (line) => lines.push(line.trimEnd()) }) };
}
