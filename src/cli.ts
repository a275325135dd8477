/**
 * The terminal front end: `ask`, `sources` (and the other engine subcommands) over the same
 * engine the bot uses, readable or as JSON. The JSON shapes are a contract with evaluation
 * scripts; see README "CLI".
 */
import { parseArgs } from "node:util";
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CorpusError } from "./corpus/errors.js";
import { Engine } from "./engine.js";
import { DEFAULT_CACHE_DIR } from "./search/persist.js";
import { resolveCorpusDir } from "./corpus/location.js";
import { renderAsk, renderAskHelp, renderQuotes, renderSources, renderSpeakers, renderTimeline, terminalJson, terminalSafe } from "./render/terminal.js";
import type { AskAnswer } from "./disagree/report.js";
import { isGreetingOrHelp } from "./text/greeting.js";
import type { QuoteResult } from "./quotes/types.js";
import type { TimelineResult } from "./timeline/timeline.js";

const USAGE = `usage: npm run ask -- "QUESTION"  or  npm run cli -- <command> [options]

commands, as you type them:
  npm run ask -- "QUESTION"              answer a question from the coverage, with cited excerpts
  npm run cli -- ask --jsonl             read one question a line on stdin, print one JSON object a line
  npm run cli -- quote "NAME"            what a person, organisation or role was quoted as saying
  npm run cli -- quote --jsonl           read one name a line on stdin, print one JSON object a line
  npm run cli -- quote --list            everyone quoted, with quote counts
  npm run cli -- timeline [TOPIC]        the dated events of the coverage (or of a topic), in date order
  npm run cli -- timeline --jsonl        read one topic a line on stdin, print one JSON object a line
  npm run cli -- sources                 list the articles in the corpus
  npm run index [-- --corpus DIR]        build and save the index ahead of time, so the first answer is quick
  npm run train                          refit the answer model (src/answer/model.json) from tests/fixtures

options (after the command):
  --json                print one JSON object instead of readable text
  --jsonl               batch mode (see above)
  --fragments           quote: also list scare quotes and quoted titles
  --corpus DIR          read articles from DIR instead of seeds/ (or $CORPUS_DIR)
  -h, --help            show this help

Add --silent after "npm run" (npm run --silent ask -- ...) to leave out npm's own header lines.`;

class UsageError extends Error {}

/** A subcommand that answers one query at a time, readable or as JSON. */
interface QueryCommand<R> {
  run(engine: Engine, query: string): R;
  render(result: R): string;
  /** The JSON object for a query that could not be answered at all (batch mode keeps going). */
  failed(query: string): R;
}

const ASK: QueryCommand<AskAnswer> = {
  run: (engine, q) => engine.ask(q),
  render: renderAsk,
  failed: (q) => ({ question: q, answer: null, citations: [], notFound: [], reason: "Something went wrong answering this.", support: 0, disagreements: [] }),
};

/** A topic as typed; none (or only white space) is the whole timeline. */
const TIMELINE: QueryCommand<TimelineResult> = {
  run: (engine, q) => engine.timeline(q.trim() || null),
  render: renderTimeline,
  failed: (q) => ({ topic: q.trim() || null, events: [], notFound: [], reason: "Something went wrong reading the timeline." }),
};

function quoteCommand(fragments: boolean): QueryCommand<QuoteResult> {
  return {
    run: (engine, q) => engine.quote(q.trim(), { fragments }),
    render: renderQuotes,
    failed: (q) => ({ query: q.trim(), speaker: null, quotes: [], mentionedIn: 0 }),
  };
}

const QUERY_COMMANDS: Record<string, QueryCommand<unknown>> = {
  ask: ASK as QueryCommand<unknown>,
  quote: quoteCommand(false) as QueryCommand<unknown>,
  timeline: TIMELINE as QueryCommand<unknown>,
};

/** Public JSON: the contract fields, in order, with no control character left raw. */
function toJson(value: unknown): string {
  return terminalJson(value);
}

/**
 * Everything the CLI prints goes through these: article text, titles and file names can carry
 * escape sequences, which are shown as visible `\xHH` instead of reaching the terminal.
 */
function print(text: string): void {
  process.stdout.write(terminalSafe(text));
  // A failed write destroys the stream at once and reports the error only later, as an event.
  const failed = process.stdout.errored;
  if (failed) throw new OutputError(failed);
}

/** The output cannot be written any more: its reader went away (EPIPE) or the disk is full (ENOSPC). */
class OutputError extends Error {
  readonly code: string | undefined;
  constructor(failure: Error) {
    super(failure.message, { cause: failure });
    this.code = (failure as NodeJS.ErrnoException).code;
  }
}

/**
 * A reader that stops reading (`cli sources | head -1`) is an ordinary end: exit 0, nothing said.
 * Any other write failure is one line on stderr and exit 1. Never a stack trace: the stream's
 * error event, which would otherwise crash the process after `main` returned, is handled here.
 */
function reportOutputError(err: OutputError | Error): number {
  const code = err instanceof OutputError ? err.code : (err as NodeJS.ErrnoException).code;
  if (code === "EPIPE") return 0;
  if (!outputErrorReported) printError(`error: cannot write the output (${err.message})\n`);
  outputErrorReported = true;
  return 1;
}
let outputErrorReported = false;

function printError(text: string): void {
  process.stderr.write(terminalSafe(text));
}

function readStdinLines(): string[] {
  let input = "";
  try {
    input = readFileSync(0, "utf8");
  } catch {
    input = "";
  }
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
        list: { type: "boolean", default: false },
        fragments: { type: "boolean", default: false },
        corpus: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    printError(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) {
    print(`${USAGE}\n`);
    return 0;
  }
  try {
    if (!command) throw new UsageError("no command given");
    if (command !== "sources" && !QUERY_COMMANDS[command]) throw new UsageError(`unknown command "${command}"`);
    const listing = command === "quote" && values.list;
    if (command !== "sources" && command !== "timeline" && !listing && !values.jsonl && rest.length === 0) throw new UsageError(`${command} needs a query, or --jsonl`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    printError(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }

  try {
    return run(command, rest, values);
  } catch (err) {
    if (err instanceof OutputError) return reportOutputError(err);
    // One line for any failure, never a stack trace: a corpus that cannot be loaded names its file,
    // anything else (a result too large to print, a bug) names the command.
    if (err instanceof CorpusError) printError(`error: ${err.message}\n`);
    else printError(`error: ${command} failed: ${String((err as Error)?.message ?? err).replace(/\s+/g, " ").trim()}\n`);
    return 1;
  }
}

interface CommandOptions {
  corpus?: string;
  json: boolean;
  jsonl: boolean;
  list: boolean;
  fragments: boolean;
}

/** Loads the corpus and runs one command; the exit code, or a throw for `main` to report. */
function run(command: string, rest: string[], values: CommandOptions): number {
  const engine = Engine.fromDir(resolveCorpusDir(values.corpus), { cacheDir: DEFAULT_CACHE_DIR, onProgress: (line) => printError(`${line}\n`) });
  // Opened on first use, and a failed save of its cache is a warning: open it before warnings print.
  if (command === "quote" || (command === "timeline" && (values.jsonl || rest.length > 0))) void engine.quotes;
  for (const w of engine.corpus.warnings) printError(`warning: ${w}\n`);

  if (command === "sources") {
    const sources = engine.sources();
    print(values.json ? `${toJson({ sources })}\n` : renderSources(sources));
    return 0;
  }

  if (command === "quote" && values.list) {
    const speakers = engine.speakers();
    print(values.json ? `${toJson({ speakers })}\n` : renderSpeakers(speakers));
    return 0;
  }

  // A greeting or a bare "help" is not a question: a short help reply instead of a refusal. JSON
  // output stays the engine's answer, which is the contract with evaluation scripts.
  if (command === "ask" && !values.json && isGreetingOrHelp(rest.join(" "))) {
    print(renderAskHelp());
    return 0;
  }

  const cmd = command === "quote" ? (quoteCommand(values.fragments) as QueryCommand<unknown>) : QUERY_COMMANDS[command]!;
  if (values.jsonl) {
    for (const line of readStdinLines()) {
      let result: unknown;
      try {
        result = cmd.run(engine, line);
      } catch {
        result = cmd.failed(line);
      }
      print(`${toJson(result)}\n`);
    }
    return 0;
  }
  const result = cmd.run(engine, rest.join(" "));
  print(values.json ? `${toJson(result)}\n` : cmd.render(result));
  return 0;
}

/** Run as a program (`tsx src/cli.ts`), not when a test imports `main`. */
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.on("error", (err) => {
    const code = reportOutputError(err);
    if (code !== 0) process.exitCode = code;
  });
  const code = main(process.argv.slice(2));
  process.exitCode = code;
  // Once everything written has reached the system (a pipe or file on Linux takes it at once; a
  // terminal or a slow reader elsewhere may still hold some, and then node exits when it drains),
  // leave at once instead of tearing down a heap of index objects one by one: tens of
  // milliseconds of a cached answer on a large corpus.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}
