/** Plain-text rendering of engine results for the terminal. */
import type { AskResult } from "../answer/types.js";
import type { Citation } from "../citation/citation.js";
import { describeDisagreement, type Disagreement } from "../disagree/compare.js";
import type { TimelineResult } from "../timeline/timeline.js";
import type { SourceInfo } from "../corpus/types.js";
import type { QuoteOccurrence, QuoteResult, SpeakerInfo } from "../quotes/types.js";
import { dropFootnoteMarks } from "../text/footnotes.js";
import { markInvisible } from "../text/invisible.js";
import { cleanUserText } from "../text/clean-user-text.js";
import { answerShowsExcerpt, sourceName, supportLine, timelineHeading } from "./support.js";
import { behalfNote, quoteParagraphs, shownOccurrences } from "./quote-text.js";

/**
 * Every C0 and C1 control character but newline and tab (and DEL): what a terminal would act on
 * instead of showing. Article text can carry them (an OSC sequence retitles the window, OSC 52
 * writes the clipboard, CSI recolours or clears the screen), and so can file names in warnings.
 */
const TERMINAL_CONTROL = /(?![\n\t])\p{Cc}/gu;

function hex(ch: string): string {
  return ch.charCodeAt(0).toString(16).padStart(2, "0");
}

/**
 * Text for a terminal: each control character shown as a visible `\xHH`, so nothing is hidden or
 * run, and each bidi control or zero-width character as `\uHHHH`, so nothing is reordered or hidden.
 */
export function terminalSafe(text: string): string {
  const visible = text.replace(TERMINAL_CONTROL, (ch) => `\\x${hex(ch)}`);
  return markInvisible(visible, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * JSON for a terminal or a pipe. JSON.stringify escapes C0 controls (so none is left raw for this
 * to find) but writes DEL and C1 controls (U+0080 to U+009F) raw; they are written as `\u00XX`
 * instead, which parses to the same string.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(/(?![\n\t])\p{Cc}/gu, (ch) => `\\u00${hex(ch)}`);
}

/**
 * "Outlet, date: headline"; an article without a manifest outlet is named by its URL's site, and
 * one with neither by its headline alone ("Headline, date"), never "Unknown outlet".
 */
function sourceLine(c: Pick<Citation, "outlet" | "url" | "published" | "title" | "articleId">): string {
  const who = sourceName(c);
  const when = c.published ?? "undated";
  return who === null ? `${c.title}, ${when}` : `${who}, ${when}: ${c.title}`;
}

/** The link line under a source, or nothing when the article has no URL (its label says what it is). */
function linkLines(link: string | null, indent: string): string[] {
  return link === null ? [] : [`${indent}${link}`];
}

/** Double quotation marks an excerpt can open or close with. */
const OPENING_MARK = /^["“„«»]/;
const CLOSING_MARK = /["”»«“]$/;

/**
 * An excerpt in quotation marks, unless it opens or closes with marks of its own (it is itself a
 * quotation, or ends with one): then it is shown as it stands, never with doubled marks.
 */
export function quoted(text: string): string {
  return OPENING_MARK.test(text) || CLOSING_MARK.test(text) ? text : `"${text}"`;
}

/**
 * The answer with its markers, how many articles back it, then the lead's sources under it (the
 * lead is not quoted a second time), then each other excerpt once with its source and link. An
 * outlet that carries the same report in near-identical words is listed under the excerpt it
 * repeats, with its own link, instead of printing the same sentence again.
 */
export function renderAsk(result: AskResult & { disagreements?: Disagreement[] }): string {
  if (result.answer === null) {
    return `${result.reason ?? "The coverage doesn't answer that."} Nothing cited.\n`;
  }
  const answer = result.answer;
  const lines = [answer, ""];
  const support = supportLine(result);
  if (support) lines.push(`${support}.`, "");
  for (const c of result.citations) {
    if (c.sameAs !== null) continue;
    if (answerShowsExcerpt(result, c)) {
      lines.push(`[${c.n}] ${sourceLine(c)}`);
    } else {
      lines.push(`[${c.n}] ${quoted(dropFootnoteMarks(c.excerpt))}`);
      lines.push(`    ${sourceLine(c)}`);
    }
    lines.push(...linkLines(c.link, "    "));
    for (const same of result.citations.filter((o) => o.sameAs === c.n)) {
      lines.push(`  [${same.n}] same report: ${sourceLine(same)}`);
      lines.push(...linkLines(same.link, "    "));
    }
    if (c.n === 1) for (const d of result.disagreements ?? []) lines.push(`  Outlets differ: ${oneLine(describeDisagreement(d))}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The timeline: each row's date (and how it was read), then every outlet's sentence with its
 * source and link, and a flag where their figures differ.
 */
export function renderTimeline(result: TimelineResult): string {
  if (result.events.length === 0) return `${result.reason ?? "The coverage gives no dated events."}\n`;
  const sources = new Set(result.events.flatMap((e) => e.citations.map((c) => c.articleId))).size;
  const about = result.topic ? ` about "${cleanUserText(result.topic)}"` : "";
  const lines = [`${result.events.length} dated event${result.events.length === 1 ? "" : "s"}${about}, from ${articles(sources)}, in date order.`, ""];
  for (const e of result.events) {
    lines.push(timelineHeading(e.date, e.read_as));
    for (const c of e.citations) {
      lines.push(`  [${c.n}] ${quoted(oneLine(c.excerpt))}`);
      lines.push(`      ${sourceLine(c)}`);
      lines.push(...linkLines(c.link, "      "));
    }
    for (const d of e.disagreements) lines.push(`  Outlets differ: ${oneLine(describeDisagreement(d))}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function renderSources(sources: SourceInfo[]): string {
  return (
    sources
      .map((s, i) => `${i + 1}. ${sourceLine(s)}\n   ${s.url ?? "(no URL)"}`)
      .join("\n") + "\n"
  );
}

function articles(n: number): string {
  return `${n} article${n === 1 ? "" : "s"}`;
}

/** A quote on one line: line breaks of a multi-paragraph quote become spaces, nothing else changes. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A quotation in marks, each of its paragraphs on a line of its own under `indent`. */
function quotation(o: QuoteOccurrence, indent: string): string {
  return `"${quoteParagraphs(o).map(oneLine).join(`\n${indent}`)}"`;
}

function occurrenceLines(o: QuoteOccurrence, indent: string): string[] {
  return [...behalfLines(o, indent), `${indent}${sourceLine(o)}`, ...linkLines(o.link, indent)];
}

/** Who spoke for whom, when a body spoke for a person ("the minister's office said"): both are named. */
function behalfLines(o: QuoteOccurrence, indent: string): string[] {
  return o.onBehalfOf && o.onBehalfOf !== o.speaker ? [`${indent}${behalfNote(o.speaker, o.onBehalfOf)}`] : [];
}

export function renderQuotes(result: QuoteResult): string {
  if (result.quotes.length === 0) {
    const who = result.speaker?.name ?? `"${cleanUserText(result.query)}"`;
    if (result.mentionedIn > 0) return `${who} is mentioned in ${articles(result.mentionedIn)} but not quoted.\n`;
    return result.speaker ? `${who} is not quoted in the coverage.\n` : `Nobody called ${who} is quoted or mentioned in the coverage.\n`;
  }
  const speaker = result.speaker!;
  const groups = new Map<string, QuoteOccurrence[]>();
  for (const q of result.quotes) groups.set(q.group, [...(groups.get(q.group) ?? []), q]);
  for (const [g, members] of groups) groups.set(g, shownOccurrences(members));
  const sources = new Set(result.quotes.map((q) => q.articleId)).size;
  const also = speaker.aliases.length ? ` (also: ${speaker.aliases.join(", ")})` : "";
  const lines = [
    `${speaker.name}${also}`,
    `${groups.size} statement${groups.size === 1 ? "" : "s"} in ${articles(sources)}.`,
    "",
  ];
  let n = 0;
  for (const members of groups.values()) {
    n++;
    const [lead, ...rest] = members;
    const label = `${n}. `;
    lines.push(`${label}${quotation(lead!, " ".repeat(label.length + 1))}`);
    lines.push(...occurrenceLines(lead!, "   "));
    if (rest.length) {
      lines.push(`   Also reported as:`);
      for (const o of rest) {
        lines.push(`   - ${quotation(o, "      ")}`);
        lines.push(...occurrenceLines(o, "     "));
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

export function renderSpeakers(speakers: SpeakerInfo[]): string {
  if (speakers.length === 0) return "Nobody is quoted in the coverage.\n";
  return (
    speakers
      .map((s) => {
        const also = s.aliases.length ? ` (also: ${s.aliases.join(", ")})` : "";
        return `${s.name}${also}: ${s.statements} statement${s.statements === 1 ? "" : "s"}, ${s.quotes} quote${s.quotes === 1 ? "" : "s"}`;
      })
      .join("\n") + "\n"
  );
}

/** The reply to a greeting or a bare "help" instead of a question: what to type, briefly. */
export function renderAskHelp(): string {
  return [
    "Hello! Ask me a question about the coverage and I answer with the articles' own words, cited and linked. For example:",
    '  npm run ask -- "why did Putin wait"',
    "  npm run cli -- quote Peskov        what someone was quoted as saying",
    "  npm run cli -- timeline            the dated events, in date order",
    "  npm run cli -- sources             the articles I answer from",
    "All commands and options: npm run cli -- --help",
    "",
  ].join("\n");
}
