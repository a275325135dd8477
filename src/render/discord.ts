/**
 * Discord rendering of engine results: plain embed objects (the JSON Discord takes), split into
 * pages that each fit every message limit. Nothing here knows about discord.js or interactions;
 * the bot adds the paging buttons.
 */
import type { AskResult } from "../answer/types.js";
import type { Citation } from "../citation/citation.js";
import type { SourceInfo } from "../corpus/types.js";
import type { QuoteOccurrence, QuoteResult, SpeakerInfo } from "../quotes/types.js";
import { describeDisagreement, type Disagreement } from "../disagree/compare.js";
import type { TimelineEvent, TimelineResult } from "../timeline/timeline.js";
import { ELLIPSIS, blockQuote, escapeMarkdown, fitText, safeUrl } from "./discord-text.js";
import { dropFootnoteMarks } from "../text/footnotes.js";
import { dropInvisible } from "../text/invisible.js";
import { answerShowsExcerpt, sourceName, supportLine, timelineHeading } from "./support.js";
import { behalfNote, quoteParagraphs, shownOccurrences } from "./quote-text.js";

/** Discord's message limits (characters). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All embeds of one message together: title, description, field names and values, footer. */
  total: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export interface EmbedField {
  name: string;
  value: string;
}

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
}

/** One message's worth of a reply: a whole reply, or one page of a paged one. */
export interface MessagePage {
  content?: string;
  embeds: Embed[];
}

export interface Choice {
  name: string;
  value: string;
}

const COLOR = { ask: 0x3b82f6, quote: 0x8b5cf6, sources: 0x10b981, timeline: 0xf59e0b } as const;

/** Room kept for a footer such as "2 of 5 articles report this · Page 2 of 4". */
const FOOTER_ROOM = 100;
/** Fields (excerpts, statements) per page, for reading comfort; the limits may force fewer. */
const FIELDS_PER_PAGE = 5;
/** Articles per page of /sources. */
const SOURCES_PER_PAGE = 10;
/** Longest link label (a headline) and longest URL shown as a link. */
const LINK_LABEL = 150;
const LINK_URL = 400;
const CONTINUED = " (continued)";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function embedSize(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/**
 * The best link for a source that fits: the text-fragment link when it is short enough, else the
 * plain article URL, else none. Only http(s) URLs are ever linked.
 */
function pickUrl(link: string | null, url: string | null): string | null {
  for (const candidate of [link, url]) {
    const safe = safeUrl(candidate);
    if (safe && safe.length <= LINK_URL) return safe;
  }
  return null;
}

/** "[headline](url)", or the headline in italics when there is nothing to link to. */
function sourceLink(label: string, link: string | null, url: string | null): string {
  const text = fitText(label, LINK_LABEL);
  const target = pickUrl(link, url);
  return target ? `[${text}](${target})` : `*${text}*`;
}

interface SourceFields {
  outlet: string | null;
  url: string | null;
  title: string;
  published: string | null;
}

/**
 * "Outlet · date": the manifest outlet, else the URL's site, else the headline (never "Unknown
 * outlet"). Plain text, for a field name or to escape.
 */
function sourceLabel(s: SourceFields): string {
  return `${sourceName(s) ?? s.title} · ${s.published ?? "undated"}`;
}

/** The headline linked, below the label; none when the label is already the headline. */
function headlineBelow(s: SourceFields & { link: string | null }): string[] {
  return sourceName(s) === null ? [] : [sourceLink(s.title, s.link, s.url)];
}

/**
 * A field: `label` (ours, shown as is) then `name` (escaped), and the block-quoted excerpt above
 * the lines that say where it is from.
 */
function quotedField(label: string, name: string, excerpt: string, below: string[]): EmbedField {
  const tail = below.length > 0 ? `\n${below.join("\n")}` : "";
  const room = DISCORD_LIMITS.fieldValue - tail.length;
  return {
    name: label + fitText(name, DISCORD_LIMITS.fieldName - label.length),
    // Without footnote marks ("[2]"), which would read as citation markers of ours.
    value: `${fitText(excerpt, room, (s) => blockQuote(dropFootnoteMarks(s)))}${tail}`,
  };
}

/**
 * Spreads fields over pages: the first page under `head`, the rest under `rest`, never more than
 * `perPage` fields or the message total (less the footer room) on one page.
 */
function pageFields(head: Embed, rest: Embed, fields: EmbedField[], perPage: number): Embed[] {
  const pages: Embed[] = [];
  let current: Embed = { ...head, fields: [] };
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    const full = current.fields!.length >= Math.min(perPage, DISCORD_LIMITS.fields);
    if (current.fields!.length > 0 && (full || embedSize(current) + size > DISCORD_LIMITS.total - FOOTER_ROOM)) {
      pages.push(current);
      current = { ...rest, fields: [] };
    }
    current.fields!.push(field);
  }
  pages.push(current);
  return pages;
}

/** Adds "base · Page i of n" footers (the page part only when there are several). */
function withFooters(embeds: Embed[], base: string | null): MessagePage[] {
  return embeds.map((embed, i) => {
    const parts = [base, embeds.length > 1 ? `Page ${i + 1} of ${embeds.length}` : null].filter((p): p is string => !!p);
    const footer = parts.length > 0 ? { footer: { text: fitText(parts.join(" · "), FOOTER_ROOM, (s) => s) } } : {};
    return { embeds: [{ ...embed, ...footer }] };
  });
}

/**
 * The lead answer: its text escaped, its [n] markers kept as they are. Cut to `limit` at a
 * sentence boundary, keeping the markers of what is kept.
 */
export function fitAnswer(answer: string, limit: number): string {
  const parts = answer.split(/(\s*(?:\[\d+\])+)/);
  const units: { text: string; markers: string }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const text = parts[i] ?? "";
    const markers = parts[i + 1] ?? "";
    if (text.length > 0 || markers.length > 0) units.push({ text, markers });
  }
  // A "(" right after a marker would turn "[1](...)" into a link; escape it.
  const render = (text: string) => escapeMarkdown(text).replace(/^\(/, "\\(");
  const dropped = ` ${ELLIPSIS}`;
  let out = "";
  for (const [i, unit] of units.entries()) {
    const whole = render(unit.text) + unit.markers;
    const last = i === units.length - 1;
    if (out.length + whole.length <= limit - (last ? 0 : dropped.length)) {
      out += whole;
      continue;
    }
    const room = limit - out.length - unit.markers.length;
    if (out.length === 0 || room > 40) {
      const cut = fitText(unit.text, room, render);
      if (cut !== ELLIPSIS) return out + cut + unit.markers;
    }
    return out.length > 0 ? out.trimEnd() + dropped : ELLIPSIS;
  }
  return out;
}

/** "Same report: [3] [Outlet](link) · [4] [Outlet](link)", within `limit`; the rest counted. */
function sameReports(others: Citation[], limit: number): string | null {
  if (others.length === 0) return null;
  const intro = "Same report: ";
  const parts: string[] = [];
  for (const [i, o] of others.entries()) {
    const part = `[${o.n}] ${sourceLink(sourceName(o) ?? o.title, o.link, o.url)}`;
    const rest = others.length - i;
    if (intro.length + [...parts, part].join(" · ").length + ` · and ${rest} more`.length > limit) {
      return parts.length > 0 ? `${intro}${parts.join(" · ")} · and ${plural(rest, "more outlet")}` : `${intro}${plural(rest, "outlet")}`;
    }
    parts.push(part);
  }
  return intro + parts.join(" · ");
}

/** The value of a source's field that quotes nothing (the lead, shown above) when nothing else is said of it. */
export const QUOTED_ABOVE = "Quoted above.";

/**
 * One field per excerpt shown in its own right; a citation that repeats another's report in
 * near-identical words (`sameAs`) is listed under it with its own link, not quoted again. The
 * lead's excerpt is the answer above the fields, with its markers, so [1] is not quoted a second
 * time: its field says where the lead is from (outlet, date, headline and link), who repeats it
 * and where outlets differ.
 */
function citationFields(result: AskResult, differ: readonly Disagreement[] = []): EmbedField[] {
  const { citations } = result;
  return citations
    .filter((c) => c.sameAs === null || !citations.some((p) => p.n === c.sameAs))
    .map((c) => {
      const below = headlineBelow(c);
      const flag = c.n === 1 ? outletsDiffer(differ, 300) : null;
      // The list of repeats gets what the headline and the flag leave of a field (a few characters kept spare).
      const taken = [...below, ...(flag ? [flag] : [])].reduce((n, line) => n + line.length + 1, 0);
      const same = sameReports(
        citations.filter((o) => o !== c && o.sameAs === c.n),
        Math.min(400, DISCORD_LIMITS.fieldValue - taken - 40),
      );
      if (same) below.push(same);
      if (flag) below.push(flag);
      if (!answerShowsExcerpt(result, c)) return quotedField(`[${c.n}] `, sourceLabel(c), c.excerpt, below);
      const label = `[${c.n}] `;
      return { name: label + fitText(sourceLabel(c), DISCORD_LIMITS.fieldName - label.length), value: below.length > 0 ? below.join("\n") : QUOTED_ABOVE };
    });
}

/** "⚠ Outlets differ: duration: "two hours after" [1] · "within an hour" [2]", escaped, within `limit`. */
function outletsDiffer(differ: readonly Disagreement[], limit: number): string | null {
  if (differ.length === 0) return null;
  return fitText(`Outlets differ: ${differ.map(describeDisagreement).join("; ")}`.replace(/\s+/g, " "), limit);
}

/** The reply for an answer the coverage does not give: short and friendly, nothing cited. */
export function renderNotCovered(result: AskResult): MessagePage {
  const reason = result.reason ?? "The coverage doesn't answer that.";
  const hint = " I only answer from the coverage, so I won't guess. Try other words, or see what it covers with /sources.";
  return { content: fitText(reason, DISCORD_LIMITS.content - hint.length) + hint, embeds: [] };
}

/** The reply to a greeting or a bare "help" in /ask: what the commands do, briefly. */
export function renderAskHelp(): MessagePage {
  return {
    content: [
      "Hello! Ask me a question about the coverage and I answer with the articles' own words, cited and linked. For example:",
      "- `/ask question: why did Putin wait`",
      "- `/quote speaker: Peskov`: what someone was quoted as saying",
      "- `/timeline`: the dated events, in date order (add a topic to narrow it)",
      "- `/sources`: the articles I answer from",
    ].join("\n"),
    embeds: [],
  };
}

/**
 * /ask: the lead answer with its [n] markers, then the sources under it: [1]'s outlet, date and
 * link (its excerpt is the answer, not quoted again), each other excerpt as a block quote with
 * its outlet, date and link.
 */
export function renderAskPages(result: AskResult & { disagreements?: Disagreement[] }): MessagePage[] {
  if (result.answer === null || result.citations.length === 0) return [renderNotCovered(result)];
  const title = fitText(result.question, DISCORD_LIMITS.title);
  const room = DISCORD_LIMITS.total - title.length - FOOTER_ROOM - DISCORD_LIMITS.fieldName - DISCORD_LIMITS.fieldValue;
  const description = fitAnswer(result.answer, Math.min(DISCORD_LIMITS.description, room));
  const head: Embed = { title, description, color: COLOR.ask };
  const rest: Embed = { title: fitText(result.question, DISCORD_LIMITS.title - CONTINUED.length) + CONTINUED, color: COLOR.ask };
  return withFooters(pageFields(head, rest, citationFields(result, result.disagreements), FIELDS_PER_PAGE), supportLine(result));
}

/** "Also reported by [2] [Outlet](link) · [3] …", within `limit`; the rest counted. */
function alsoCited(others: Citation[], limit: number): string | null {
  return sameReports(others, limit)?.replace(/^Same report: /, "Also reported by ") ?? null;
}

/** One timeline row: its date and how it was read, the first outlet's sentence, the others, the flag. */
function timelineField(e: TimelineEvent): EmbedField {
  const [lead, ...others] = e.citations;
  const named = sourceName(lead!);
  const where = named === null ? escapeMarkdown(lead!.published ?? "undated") : escapeMarkdown(`${named} · ${lead!.published ?? "undated"}`);
  const below = [named === null ? `${sourceLink(lead!.title, lead!.link, lead!.url)} · ${where}` : `${where} · ${sourceLink(lead!.title, lead!.link, lead!.url)}`];
  const also = alsoCited(others, 300);
  if (also) below.push(also);
  const flag = outletsDiffer(e.disagreements, 300);
  if (flag) below.push(flag);
  return quotedField("", timelineHeading(e.date, e.read_as), lead!.excerpt, below);
}

/** /timeline: the dated events in date order, five to a page, each with its sources and any flag. */
export function renderTimelinePages(result: TimelineResult): MessagePage[] {
  if (result.events.length === 0) {
    const reason = result.reason ?? "The coverage gives no dated events.";
    return [{ content: fitText(reason, 1500) + " Try another topic, or /timeline with none for everything.", embeds: [] }];
  }
  const name = result.topic ? `Timeline: ${result.topic}` : "Timeline of the coverage";
  const head: Embed = { title: fitText(name, DISCORD_LIMITS.title), color: COLOR.timeline };
  const rest: Embed = { title: fitText(name, DISCORD_LIMITS.title - CONTINUED.length) + CONTINUED, color: COLOR.timeline };
  const sources = new Set(result.events.flatMap((e) => e.citations.map((c) => c.articleId))).size;
  const footer = `${plural(result.events.length, "dated event")} from ${plural(sources, "article")}`;
  return withFooters(pageFields(head, rest, result.events.map(timelineField), FIELDS_PER_PAGE), footer);
}

/** Statements in the order the engine gives them, each with all its occurrences. */
function statements(quotes: QuoteOccurrence[]): QuoteOccurrence[][] {
  const groups = new Map<string, QuoteOccurrence[]>();
  for (const q of quotes) {
    const group = groups.get(q.group);
    if (group) group.push(q);
    else groups.set(q.group, [q]);
  }
  return [...groups.values()].map(shownOccurrences);
}

/** "Also reported by [Outlet](link), …", within `limit`; the rest summed up as "and N more". */
function alsoReportedBy(others: QuoteOccurrence[], limit: number): string | null {
  const seen = new Set<string>();
  const unique = others.filter((o) => !seen.has(o.articleId) && seen.add(o.articleId));
  if (unique.length === 0) return null;
  const intro = "Also reported by ";
  const links: string[] = [];
  for (const [i, o] of unique.entries()) {
    const link = sourceLink(sourceName(o) ?? o.title, o.link, o.url);
    const more = unique.length - i - 1;
    const tail = more > 0 ? `, and ${more} more` : "";
    if (intro.length + [...links, link].join(", ").length + tail.length > limit) {
      return `${intro}${links.join(", ")}${links.length > 0 ? ", and" : ""} ${plural(unique.length - i, "other outlet")}`;
    }
    links.push(link);
  }
  return intro + links.join(", ");
}

function statementField(group: QuoteOccurrence[], n: number): EmbedField {
  const first = group[0]!;
  const below = headlineBelow(first);
  if (first.onBehalfOf && first.onBehalfOf !== first.speaker) below.unshift(escapeMarkdown(behalfNote(first.speaker, first.onBehalfOf)));
  const also = alsoReportedBy(group.slice(1), 300);
  if (also) below.push(also);
  // A quotation over several paragraphs keeps its paragraph breaks, without the marks reopening them.
  return quotedField(`${n}. `, sourceLabel(first), quoteParagraphs(first).join("\n\n"), below);
}

/** /quote: one field per statement, in the first outlet's wording, then who else reported it. */
export function renderQuotePages(result: QuoteResult): MessagePage[] {
  const name = result.speaker?.name ?? result.query;
  if (result.quotes.length === 0) {
    const who = fitText(name, 200);
    const content =
      result.mentionedIn > 0
        ? `${who} is mentioned in ${plural(result.mentionedIn, "article")} but not quoted.`
        : `I found no quotes from ${who} in the coverage. Start typing in the speaker option to see who is quoted.`;
    return [{ content, embeds: [] }];
  }
  const groups = statements(result.quotes);
  const title = fitText(`Quotes from ${name}`, DISCORD_LIMITS.title);
  const aliases = result.speaker?.aliases ?? [];
  const head: Embed = { title, color: COLOR.quote };
  if (aliases.length > 0) head.description = fitText(`Also known in the coverage as: ${aliases.join(", ")}`, 500);
  const rest: Embed = { title: fitText(`Quotes from ${name}`, DISCORD_LIMITS.title - CONTINUED.length) + CONTINUED, color: COLOR.quote };
  const footer = `${plural(groups.length, "statement")} in ${plural(result.quotes.length, "report")}`;
  return withFooters(pageFields(head, rest, groups.map((g, i) => statementField(g, i + 1)), FIELDS_PER_PAGE), footer);
}

/** /sources: every article with its outlet, date, headline and link, ten to a page. */
export function renderSourcesPages(sources: SourceInfo[]): MessagePage[] {
  if (sources.length === 0) return [{ content: "There are no articles in the coverage yet.", embeds: [] }];
  const title = `Sources: ${plural(sources.length, "article")}`;
  const entries = sources.map(
    (s, i) => `**${i + 1}.** ${sourceLink(s.title, null, s.url)}\n${escapeMarkdown([sourceName(s), s.published ?? "undated"].filter((p) => p !== null).join(" · "))}`,
  );
  const pages: Embed[] = [];
  let lines: string[] = [];
  for (const entry of entries) {
    const next = [...lines, entry].join("\n\n");
    if (lines.length > 0 && (lines.length >= SOURCES_PER_PAGE || next.length > DISCORD_LIMITS.description)) {
      pages.push({ title, description: lines.join("\n\n"), color: COLOR.sources });
      lines = [];
    }
    lines.push(entry);
  }
  pages.push({ title, description: lines.join("\n\n"), color: COLOR.sources });
  return withFooters(pages, null);
}

/** Plain text (autocomplete choices take no markdown), without bidi or zero-width characters, cut to `limit`. */
function plainCut(raw: string, limit: number): string {
  const text = dropInvisible(raw);
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}${ELLIPSIS}`;
}

/** Autocomplete choices for speakers: "Name · 4 statements", the name itself as the value. */
export function speakerChoices(speakers: SpeakerInfo[]): Choice[] {
  return speakers.slice(0, DISCORD_LIMITS.choices).map((s) => ({
    name: plainCut(`${s.name} · ${plural(s.statements, "statement")}`, DISCORD_LIMITS.choiceName),
    value: plainCut(s.name, DISCORD_LIMITS.choiceValue),
  }));
}
