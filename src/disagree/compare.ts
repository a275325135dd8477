/**
 * Where outlets disagree: among sentences grouped as one report (by /ask) or one event (by
 * /timeline), figures of the same kind that cannot all be true: durations with durations, counts
 * of the same noun with each other, dates with dates. Wording never counts: "12 people" and
 * "twelve people" agree, "within an hour" and "two hours after" do not. A sentence that gives two
 * figures of one kind (two counts of people) is left out of that comparison, since which of them
 * answers the other outlet's cannot be told.
 */
import { compatible, humanDate, type PartialDate } from "../dates/calendar.js";
import { consistent, type Figure } from "./figures.js";

export type DisagreementKind = "duration" | "count" | "date";

export interface DisagreementValue {
  /** The figure as one outlet writes it (a relative date with the date it was read as). */
  text: string;
  /** The `n` of every citation that gives it. */
  citations: number[];
}

export interface Disagreement {
  kind: DisagreementKind;
  values: DisagreementValue[];
}

/** A date as one member gives it. */
export interface StatedDate {
  date: PartialDate;
  /** As written. */
  text: string;
  /** Read against something (the article's date, the story): the reading is shown too. */
  relative: boolean;
}

export interface Member {
  /** Citation numbers of this member (usually one). */
  n: number;
  figures: readonly Figure[];
  /** The date the member gives for the event, when it gives exactly one. */
  date?: StatedDate | null;
}

interface Cluster<T> {
  rep: T;
  members: number[];
}

function cluster<T>(items: { n: number; value: T }[], same: (a: T, b: T) => boolean): Cluster<T>[] {
  const out: Cluster<T>[] = [];
  for (const item of items) {
    const home = out.find((c) => same(c.rep, item.value));
    if (home) home.members.push(item.n);
    else out.push({ rep: item.value, members: [item.n] });
  }
  return out;
}

/** The one figure of `key` a member gives, or null when it gives none or several different ones. */
function single(figures: readonly Figure[], kind: Figure["kind"], key: string): Figure | null {
  const mine = figures.filter((f) => f.kind === kind && f.key === key);
  if (mine.length === 0) return null;
  return mine.every((f) => f.value === mine[0]!.value && f.bound === mine[0]!.bound) ? mine[0]! : null;
}

/** The disagreements among the members of one group, by kind; none when fewer than two members take part. */
export function disagreements(members: readonly Member[]): Disagreement[] {
  const out: Disagreement[] = [];
  if (members.length < 2) return out;
  const keys = new Map<string, Figure["kind"]>();
  for (const m of members) for (const f of m.figures) keys.set(`${f.kind}:${f.key}`, f.kind);
  for (const [id, kind] of keys) {
    const key = id.slice(kind.length + 1);
    const items = members.map((m) => ({ n: m.n, value: single(m.figures, kind, key) })).filter((x): x is { n: number; value: Figure } => x.value !== null);
    if (items.length < 2) continue;
    const clusters = cluster(items, consistent);
    if (clusters.length > 1) out.push({ kind, values: clusters.map((c) => ({ text: c.rep.text, citations: c.members })) });
  }
  const dated = members.filter((m) => m.date).map((m) => ({ n: m.n, value: m.date! }));
  if (dated.length >= 2) {
    // The most precise dates first, so that "in 2016" joins the day it contains.
    const byPrecision = [...dated].sort((a, b) => rank(b.value.date) - rank(a.value.date));
    const clusters = cluster(byPrecision, (a, b) => compatible(a.date, b.date));
    if (clusters.length > 1) {
      out.push({
        kind: "date",
        values: clusters.map((c) => ({ text: c.rep.relative ? `${c.rep.text} (${humanDate(c.rep.date)})` : c.rep.text, citations: c.members.sort((a, b) => a - b) })),
      });
    }
  }
  return out;
}

function rank(d: PartialDate): number {
  return d.day !== null ? 2 : d.month !== null ? 1 : 0;
}

/** "Outlets differ: duration: "two hours after" [1] · "within an hour" [2]" */
export function describeDisagreement(d: Disagreement): string {
  return `${d.kind}: ${d.values.map((v) => `"${v.text}" ${v.citations.map((n) => `[${n}]`).join("")}`).join(" · ")}`;
}
