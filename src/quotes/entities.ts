/**
 * Speakers and other named entities, learned from the corpus text. A full name ("Dmitry Peskov")
 * makes a person; a surname alone ("Peskov") is that person, preferring full names written in the
 * same article; spelling variants of a first name with the same surname ("Alexey"/"Alexei") are
 * one person; roles come from the words the text puts before or beside a name ("Kremlin
 * spokesman", "Putin's spokesman"). Names that the text writes with "the" ("the Kremlin") are
 * organisations. Nothing here knows any particular name.
 */
import { wordList, WORDS } from "../text/lexicon.js";
import type { Mention } from "./mentions.js";

export type EntityKind = "person" | "org" | "unknown";

export interface RoleInfo {
  /** Folded words, possessives kept ("putin's", "spokesman"). */
  words: string[];
  /** As first written. */
  text: string;
  count: number;
  /** Indices of the articles that give it (where, and so when, it was held). */
  articles: Set<number>;
}

export interface Entity {
  id: number;
  kind: EntityKind;
  /** Canonical display name: the most frequent full form. */
  name: string;
  /** Display forms of the name and how often each was written. */
  forms: Map<string, number>;
  /** Folded surname of a person (last word of the full name), or null. */
  surname: string | null;
  roles: Map<string, RoleInfo>;
  gender: "m" | "f" | null;
  /** Indices of the articles that mention it. */
  articles: Set<number>;
  mentions: number;
  /** How often a mention was preceded by "the" (organisation evidence). */
  withThe: number;
  /**
   * How often a surname alone referred back to this full name in the same article: people are
   * named that way, places and bodies rarely are.
   */
  bySurnameAlone: number;
  /** Mentions by the name's first word alone ("Frostline" for "Frostline Logistics"): a body's way. */
  byShortForm: number;
  /** Mentions written with a company's suffix ("Thomson Reuters Corp"). */
  asCompany: number;
  /** Mentions after "in" ("a court in Limerick"): a place's way. */
  asPlace: number;
}

/** One mention, as placed in its article. */
export interface PlacedMention {
  article: number;
  mention: Mention;
}

/** Honorifics as a role's folded words hold them: the abbreviated ones with or without their period ("mr", "mr."). */
const HONORIFICS: ReadonlySet<string> = new Set([...wordList("honorifics.all"), ...wordList("honorifics.abbreviated").map((w) => `${w}.`)]);

/** The gender an honorific in a mention's role tells ("mr", "ms."), or null. */
function honorificGender(role: readonly string[] | null): "m" | "f" | null {
  let out: "m" | "f" | null = null;
  for (const w of role ?? []) {
    const k = w.replace(/\.$/, "");
    if (WORDS.titles.masculine.has(k)) out = "m";
    else if (WORDS.titles.feminine.has(k)) out = "f";
  }
  return out;
}

export function displayWord(w: string): string {
  return w.replace(/['’]s$/u, "").replace(/['’]$/u, "");
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Two spellings of one first name: "Alexey"/"Alexei", "Volodymyr"/"Volodimir", "Mohammed"/"Muhammad". */
export function sameFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  if (transliterated(a) === transliterated(b)) return true;
  // An initial matches its name: "J. Biden".
  if (/^\p{L}\.?$/u.test(a) || /^\p{L}\.?$/u.test(b)) return true;
  const d = editDistance(a, b);
  return d <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 3));
}

/**
 * A first name with the usual transliteration choices folded: "ks"/"x", a final "y", "iy", "ij"
 * or "ei" as "i" ("Aleksei", "Alexey" and "Alexei" are one name; "Dmitriy" and "Dmitry").
 */
function transliterated(w: string): string {
  return w.replace(/ks/g, "x").replace(/(?:[ie]?[yj]|ei)$/, "i");
}

function surnameOf(keys: readonly string[]): string {
  let i = keys.length - 1;
  while (i > 0 && WORDS.names.suffixes.has(keys[i]!)) i--;
  return keys[i]!;
}

function suffixOf(keys: readonly string[]): string {
  const last = keys[keys.length - 1]!;
  return WORDS.names.suffixes.has(last) ? last : "";
}

export class EntityRegistry {
  readonly entities: Entity[] = [];
  /** Folded surname to the multi-word entities with it. */
  private readonly bySurname = new Map<string, number[]>();
  /** Folded full key ("dmitry peskov") to entity. */
  private readonly byFullKey = new Map<string, number>();
  /** Folded single-word key to its own entity (names never written in full). */
  private readonly bySingle = new Map<string, number>();
  /** Surnames that may stand for a full name (see `weighSurnames`). */
  private readonly trusted = new Set<string>();
  /** First words that may stand for a longer name the same article gives (see `weighSurnames`). */
  private readonly trustedShort = new Set<string>();
  /** Mentions resolved as a longer name's short form. */
  private readonly shortMentions = new WeakSet<Mention>();
  /** An office ("Ferreira's office") by its holder's id and its folded words. */
  private readonly offices = new Map<string, number>();
  /** The person each office speaks for, by the office's id. */
  private readonly holders = new Map<number, number>();

  private create(name: string, surname: string | null): Entity {
    const e: Entity = {
      id: this.entities.length,
      kind: "unknown",
      name,
      forms: new Map(),
      surname,
      roles: new Map(),
      gender: null,
      articles: new Set(),
      mentions: 0,
      withThe: 0,
      bySurnameAlone: 0,
      byShortForm: 0,
      asCompany: 0,
      asPlace: 0,
    };
    this.entities.push(e);
    return e;
  }

  /** First pass: every multi-word name becomes an entity, variants of one person merged. */
  registerFullNames(mentions: readonly PlacedMention[]): void {
    const keys = new Map<string, string[]>();
    const withThe = new Map<string, number>();
    for (const { mention } of mentions) {
      if (mention.keys.length < 2) continue;
      const k = mention.keys.join(" ");
      if (!keys.has(k)) keys.set(k, mention.keys);
      withThe.set(k, (withThe.get(k) ?? 0) + (mention.the ? 1 : -1));
    }
    for (const [key, words] of keys) {
      if (words.some((w) => w === "of" || w === "for" || w === "on") || (withThe.get(key) ?? 0) > 0) {
        // "Ministry of Trade", "the White House": a body, whose last word is no surname.
        const e = this.create(key, null);
        e.forms.set(key, 0);
        this.byFullKey.set(key, e.id);
        continue;
      }
      const surname = surnameOf(words);
      const ids = this.bySurname.get(surname) ?? [];
      const match = ids.find((id) => {
        const other = this.entities[id]!;
        const otherKey = [...other.forms.keys()][0]!;
        const otherWords = otherKey.split(" ");
        return suffixOf(otherWords) === suffixOf(words) && sameFirstName(otherWords[0]!, words[0]!);
      });
      const e = match !== undefined ? this.entities[match]! : this.create(key, surname);
      e.forms.set(key, 0);
      this.byFullKey.set(key, e.id);
      if (match === undefined) {
        ids.push(e.id);
        this.bySurname.set(surname, ids);
      }
    }
  }

  /**
   * Decides which surnames may stand for a full name. A word that the corpus mostly writes alone in
   * articles that never give the full name ("December" next to a stray "Congress December") is a
   * word of its own, not a surname; a real surname is written alone mostly where the article has
   * introduced the person in full.
   */
  weighSurnames(perArticle: readonly (readonly Mention[])[]): void {
    const withFull = new Map<string, number>();
    const aloneOnly = new Map<string, number>();
    // The same for a name's first word ("Frostline" for "Frostline Logistics"): trusted when the
    // corpus writes it alone mostly where the longer name is given too ("U.S." is not).
    const withLong = new Map<string, number>();
    const shortOnly = new Map<string, number>();
    for (const mentions of perArticle) {
      const full = new Set<string>();
      const alone = new Set<string>();
      const firsts = new Set<string>();
      for (const m of mentions) {
        if (m.keys.length < 2) alone.add(m.keys[0]!);
        else {
          firsts.add(m.keys[0]!);
          if (this.entityForFullKey(m.keys.join(" "))?.surname) full.add(surnameOf(m.keys));
        }
      }
      for (const sn of full) withFull.set(sn, (withFull.get(sn) ?? 0) + 1);
      for (const sn of alone) if (!full.has(sn) && this.bySurname.has(sn)) aloneOnly.set(sn, (aloneOnly.get(sn) ?? 0) + 1);
      for (const w of firsts) withLong.set(w, (withLong.get(w) ?? 0) + 1);
      for (const w of alone) if (!firsts.has(w)) shortOnly.set(w, (shortOnly.get(w) ?? 0) + 1);
    }
    for (const sn of this.bySurname.keys()) {
      if ((aloneOnly.get(sn) ?? 0) <= 2 * (withFull.get(sn) ?? 0)) this.trusted.add(sn);
    }
    for (const [w, n] of withLong) if ((shortOnly.get(w) ?? 0) === 0 && n > 0) this.trustedShort.add(w);
  }

  /**
   * Which entity a mention names. `inArticle` maps a surname to the people the same article has
   * named in full with it, most recent last, so a surname prefers the person the article
   * introduced last; an honorific that tells a gender ("Ms Lindqvist" after "Mr Lindqvist") passes
   * over people of the other gender, and names nobody known when all of them are.
   */
  resolve(mention: Mention, inArticle: ReadonlyMap<string, readonly number[]>, shortForms?: ReadonlyMap<string, ReadonlySet<number>>): Entity {
    if (mention.keys.length >= 2) {
      const id = this.byFullKey.get(mention.keys.join(" "));
      if (id !== undefined) return this.entities[id]!;
    }
    const key = mention.keys.join(" ");
    const surname = mention.keys[mention.keys.length - 1]!;
    const people = mention.keys.length === 1 && this.trusted.has(surname) ? this.bySurname.get(surname) : undefined;
    if (people && people.length > 0) {
      const named = inArticle.get(surname);
      if (named && named.length > 0) {
        const gender = honorificGender(mention.role);
        for (let i = named.length - 1; i >= 0; i--) {
          const e = this.entities[named[i]!]!;
          if (!gender || !e.gender || e.gender === gender) return e;
        }
      } else if (people.length === 1) {
        // The article names none of them in full: only a surname that one person alone bears.
        return this.entities[people[0]!]!;
      }
    }
    // "Frostline" after "Frostline Logistics": a one-word short form of the one longer name the
    // article gave before with that first word.
    const longer = mention.keys.length === 1 && this.trustedShort.has(key) ? shortForms?.get(key) : undefined;
    if (longer && longer.size === 1) {
      const target = this.entities[[...longer][0]!]!;
      // "Dane" for "Dane Harrow" beside "Celeste Harrow": where a surname is shared, the first
      // name is how a person is told apart, not a body's short name.
      const namesakes = target.surname ? (inArticle.get(target.surname) ?? []).filter((id) => id !== target.id) : [];
      if (namesakes.length === 0) this.shortMentions.add(mention);
      return target;
    }
    let id = this.bySingle.get(key);
    if (id === undefined) {
      id = this.create(key, null).id;
      this.bySingle.set(key, id);
      this.entities[id]!.forms.set(key, 0);
    }
    return this.entities[id]!;
  }

  /**
   * Records what a resolved mention says about its entity. `backReference`: a surname that the
   * same article introduced in full.
   */
  observe(e: Entity, article: number, mention: Mention, backReference = false): void {
    e.mentions++;
    e.articles.add(article);
    if (mention.the) e.withThe++;
    if (mention.company) e.asCompany++;
    if (mention.afterPlaceWord) e.asPlace++;
    const display = mention.words.map(displayWord).join(" ");
    if (this.shortMentions.has(mention)) {
      e.byShortForm++;
      if (!e.forms.has(display)) e.forms.set(display, -1); // searchable, never the canonical name
    } else if (mention.keys.length >= 2 || e.surname === null) e.forms.set(display, Math.max(0, e.forms.get(display) ?? 0) + 1);
    else if (backReference) e.bySurnameAlone++;
    if (mention.role) {
      const words = mention.role.filter((w) => w !== "the");
      const key = words.join(" ");
      const r = e.roles.get(key);
      if (r) {
        r.count++;
        r.articles.add(article);
      } else e.roles.set(key, { words, text: mention.roleText ?? key, count: 1, articles: new Set([article]) });
      for (const w of words) {
        if (WORDS.titles.masculine.has(w.replace(/\.$/, ""))) e.gender = e.gender === "f" ? null : "m";
        if (WORDS.titles.feminine.has(w.replace(/\.$/, ""))) e.gender = e.gender === "m" ? null : "f";
      }
    }
  }

  /** Settles kinds and canonical names once every mention has been observed. */
  finish(): void {
    for (const e of this.entities) {
      // Forms registered but never observed as written (the folded keys) give way to real spellings.
      for (const [k, n] of e.forms) if (n === 0) e.forms.delete(k);
      let best = "";
      let bestN = -1;
      for (const [form, n] of e.forms) {
        const words = form.split(" ").length;
        const bestWords = best.split(" ").length;
        if (n > bestN || (n === bestN && words > bestWords)) {
          best = form;
          bestN = n;
        }
      }
      if (best) e.name = best;
      const hasTitle = [...e.roles.values()].some((r) => r.words.some((w) => WORDS.titles.all.has(w.replace(/'s$/, "").replace(/\.$/, ""))));
      if (e.mentions > 0 && e.withThe * 2 >= e.mentions && e.withThe > 0) e.kind = "org";
      // A name written with "Corp" or "Inc." once is a company's wherever it is written without.
      else if (e.asCompany > 0 && !hasTitle && e.gender === null) e.kind = "org";
      else if (e.byShortForm > 0 && !hasTitle && e.gender === null && e.bySurnameAlone === 0) e.kind = "org";
      // "State Parliament", "City Council" written again as "Parliament": a name ending in a
      // body's noun is a body, though the article shortens it as it would a surname.
      else if (e.surname !== null && WORDS.orgs.nouns.has(e.surname) && !hasTitle && e.gender === null) e.kind = "org";
      // A name written mostly after "in" is a place, though written alone as a surname is.
      else if (e.surname !== null && (hasTitle || e.gender !== null || (e.bySurnameAlone > 0 && e.asPlace * 2 < e.mentions))) e.kind = "person";
      else if (e.surname === null && hasTitle) e.kind = "person";
      else e.kind = "unknown";
    }
  }

  /**
   * The body that speaks for a person: "Ferreira's office", "the senator's campaign". One per
   * holder and noun, an organisation named after the holder, seen in `article`.
   */
  officeOf(holder: Entity, words: readonly string[], article: number): Entity {
    const key = `${holder.id}:${words.join(" ")}`;
    let id = this.offices.get(key);
    if (id === undefined) {
      const name = `${holder.name}'s ${words.join(" ")}`;
      const e = this.create(name, null);
      e.kind = "org";
      e.forms.set(name, 1);
      id = e.id;
      this.offices.set(key, id);
      this.holders.set(id, holder.id);
    }
    const office = this.entities[id]!;
    office.mentions++;
    office.articles.add(article);
    return office;
  }

  /** The person an office speaks for, or null for anything that is no such office. */
  holderOf(e: Entity): Entity | null {
    const id = this.holders.get(e.id);
    return id === undefined ? null : this.entities[id]!;
  }

  /** Roles worth showing as aliases (not bare honorifics like "Mr."). */
  roleAliases(e: Entity): string[] {
    return [...e.roles.values()]
      .filter((r) => !r.words.every((w) => HONORIFICS.has(w)))
      .sort((a, b) => b.count - a.count)
      .map((r) => r.text);
  }

  entityForFullKey(key: string): Entity | undefined {
    const id = this.byFullKey.get(key);
    return id === undefined ? undefined : this.entities[id];
  }

  entitiesWithSurname(surname: string): Entity[] {
    return (this.bySurname.get(surname) ?? []).map((id) => this.entities[id]!);
  }

  entityForSingle(key: string): Entity | undefined {
    const id = this.bySingle.get(key);
    return id === undefined ? undefined : this.entities[id];
  }
}
