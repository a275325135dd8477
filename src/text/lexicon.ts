/**
 * The one English lexicon (lexicon.json beside this module): the word classes the analyzer
 * (search/), the attribution rules (quotes/) and the question reader and cues (answer/) lean on,
 * kept as data, loaded and checked once when this module is first imported. A lexicon that does
 * not parse, names a class, verb or noun it does not have, or asks for a form no verb or noun has,
 * stops the program at start with the reason, rather than quietly matching fewer words.
 *
 * What the file holds (its "about" says the same):
 * - `verbs` and `nouns`: each word's forms, once. A verb is its base, then its third person, past,
 *   participle (only where it differs from the past) and -ing form; a noun is its singular, then its
 *   plural. `verbs.irregular` are the verbs whose past or participle a suffix stemmer cannot undo.
 * - `words`: word classes by topic ("speechVerbs.quoteCues"), each read as a set of words. A class
 *   is a string of words, where "@topic.class" adds another class's words and "-word" leaves one
 *   out; or a list of parts: such strings, or chosen forms of listed verbs or nouns. `notes` says
 *   what each class is and who reads it.
 * - `phrases`, `maps`, `synonyms`, `opposites`, `givenNames`: word groups that are not sets.
 *
 * A class keeps the order its words are written in (a regular expression built from one tries them
 * in that order), each word once.
 */
import type { z as Z } from "zod";
import data from "./lexicon.json" with { type: "json" };
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";

/** A verb's forms, by slot. */
export interface VerbForms {
  base: string;
  /** Third person singular: "says". */
  s: string;
  past: string;
  /** The past participle, the past where the two are one ("said"). */
  participle: string;
  ing: string;
}

type Topics = (typeof data)["words"];
/** The name of a word class: "topic.class" ("speechVerbs.quoteCues"). */
export type WordClass = { [T in keyof Topics]: `${T & string}.${keyof Topics[T] & string}` }[keyof Topics];

const WORD = /^[\p{Ll}\p{N}][\p{Ll}\p{N}'.-]*$|^n't$/u;

/**
 * The lexicon's schema, made with zod on first use: the checked-in file is checked by
 * tests/lexicon.test.ts (loadLexicon), and a start reads it without loading zod (see src/lazy-zod.ts).
 */
function buildSchema(z: typeof Z) {
  /** Words separated by white space. */
  const wordString = z
    .string()
    .refine((s) => s.trim().length > 0 && s.trim().split(/\s+/).every((w) => WORD.test(w)), { message: "expected lower-case words separated by spaces" });
  /** A class string: words, "@topic.class" references and "-word" exclusions. */
  const classString = z
    .string()
    .refine((s) => s.trim().length > 0 && s.trim().split(/\s+/).every((w) => /^@\w+\.\w+$/.test(w) || WORD.test(w.replace(/^-/, ""))), {
      message: "expected words, @topic.class references and -word exclusions separated by spaces",
    });
  const VERB_SLOTS = ["base", "s", "past", "participle", "ing"] as const;
  const NOUN_SLOTS = ["singular", "plural"] as const;
  const slots = <S extends readonly string[]>(names: S) =>
    z
      .string()
      .transform((s) => s.trim().split(/\s+/))
      .refine((xs) => xs.length > 0 && xs.every((x) => (names as readonly string[]).includes(x)), { message: `forms must be some of: ${names.join(" ")}` })
      .transform((xs) => xs as unknown as S[number][]);
  const part = z.union([
    z.object({ words: classString }).strict(),
    z.object({ forms: slots(VERB_SLOTS), verbs: wordString }).strict(),
    z.object({ forms: slots(NOUN_SLOTS), nouns: wordString }).strict(),
  ]);
  const classDefinition = z.union([classString, z.array(part).min(1)]);
  /** "says said saying" or "writes wrote written writing". */
  const verbEntry = wordString.refine((s) => [3, 4].includes(s.trim().split(/\s+/).length), { message: "a verb gives 3 forms (s past ing) or 4 (s past participle ing)" });
  const oneWord = z.string().regex(WORD);
  const stringMap = z.record(z.string().min(1), z.string().min(1));

  return z
    .object({
      about: z.array(z.string()),
      verbs: z.object({ irregular: z.record(oneWord, verbEntry), regular: z.record(oneWord, verbEntry) }).strict(),
      nouns: z.object({ irregular: z.record(oneWord, oneWord), regular: z.record(oneWord, oneWord) }).strict(),
      words: z.record(z.string().regex(/^\w+$/), z.record(z.string().regex(/^\w+$/), classDefinition)),
      notes: z.record(z.string(), z.string().min(1)),
      phrases: z.record(z.string().regex(/^\w+$/), z.array(wordString).min(1)),
      maps: z.object({ roleSpellings: stringMap, possessivePronouns: stringMap, spellings: stringMap, chatShorthand: stringMap }).strict(),
      synonyms: z.array(z.string().regex(/^[\p{Ll}\p{N}' ]+(?:>[\p{Ll}\p{N}' ]+)?$/u)),
      opposites: z.array(z.tuple([oneWord, oneWord])),
      givenNames: z.array(wordString.refine((s) => s.trim().split(/\s+/).length >= 2, { message: "a given name and at least one other form" })),
    })
    .strict();
}

const lexiconSchema = lazily(() => buildSchema(zod()));

export type LexiconData = Z.infer<ReturnType<typeof buildSchema>>;

/** The lexicon checked and its classes resolved: what the accessors below read. */
export class Lexicon {
  readonly verbs = new Map<string, VerbForms>();
  readonly irregularVerbs: readonly VerbForms[];
  readonly plurals = new Map<string, string>();
  readonly irregularPlurals: readonly (readonly [singular: string, plural: string])[];
  private readonly classes = new Map<string, readonly string[]>();

  constructor(readonly data: LexiconData) {
    const irregular: VerbForms[] = [];
    for (const [kind, table] of Object.entries(data.verbs)) {
      for (const [base, forms] of Object.entries(table)) {
        const f = forms.trim().split(/\s+/);
        const entry: VerbForms = f.length === 3 ? { base, s: f[0]!, past: f[1]!, participle: f[1]!, ing: f[2]! } : { base, s: f[0]!, past: f[1]!, participle: f[2]!, ing: f[3]! };
        if (this.verbs.has(base)) throw new LexiconError(`the verb "${base}" is listed twice`);
        this.verbs.set(base, entry);
        if (kind === "irregular") irregular.push(entry);
      }
    }
    this.irregularVerbs = irregular;
    for (const table of Object.values(data.nouns)) {
      for (const [singular, plural] of Object.entries(table)) {
        if (this.plurals.has(singular)) throw new LexiconError(`the noun "${singular}" is listed twice`);
        this.plurals.set(singular, plural);
      }
    }
    this.irregularPlurals = Object.entries(data.nouns.irregular);
    for (const [topic, classes] of Object.entries(data.words)) {
      for (const name of Object.keys(classes)) {
        this.resolve(`${topic}.${name}`, []);
        if (!data.notes[`${topic}.${name}`]) throw new LexiconError(`the class "${topic}.${name}" has no note saying what it is`);
      }
    }
    for (const name of Object.keys(data.notes)) if (!this.classes.has(name)) throw new LexiconError(`a note names the class "${name}", which the lexicon does not have`);
  }

  /** The words of a class, in order, each once. */
  words(name: string): readonly string[] {
    const words = this.classes.get(name);
    if (!words) throw new LexiconError(`no word class "${name}"`);
    return words;
  }

  private resolve(name: string, path: readonly string[]): readonly string[] {
    const done = this.classes.get(name);
    if (done) return done;
    if (path.includes(name)) throw new LexiconError(`the class "${name}" includes itself (${[...path, name].join(" > ")})`);
    const [topic, cls] = name.split(".");
    const definition = topic && cls ? this.data.words[topic]?.[cls] : undefined;
    if (definition === undefined) throw new LexiconError(`no word class "${name}"${path.length ? ` (named in "${path[path.length - 1]}")` : ""}`);
    const out = new Set<string>();
    const left = new Set<string>();
    const within = [...path, name];
    const readString = (s: string) => {
      for (const token of s.trim().split(/\s+/)) {
        if (token.startsWith("@")) for (const w of this.resolve(token.slice(1), within)) out.add(w);
        else if (token.startsWith("-")) left.add(token.slice(1));
        else out.add(token);
      }
    };
    if (typeof definition === "string") readString(definition);
    else {
      for (const p of definition) {
        if ("words" in p) readString(p.words);
        else if ("verbs" in p) {
          for (const base of p.verbs.trim().split(/\s+/)) {
            const v = this.verbs.get(base);
            if (!v) throw new LexiconError(`the class "${name}" names the verb "${base}", which the lexicon does not have`);
            for (const slot of p.forms) out.add(v[slot]);
          }
        } else {
          for (const singular of p.nouns.trim().split(/\s+/)) {
            const plural = this.plurals.get(singular);
            if (!plural) throw new LexiconError(`the class "${name}" names the noun "${singular}", which the lexicon does not have`);
            for (const slot of p.forms) out.add(slot === "singular" ? singular : plural);
          }
        }
      }
    }
    for (const w of left) if (!out.delete(w)) throw new LexiconError(`the class "${name}" leaves out "${w}", which it does not have`);
    if (out.size === 0) throw new LexiconError(`the class "${name}" has no words`);
    const words = [...out];
    this.classes.set(name, words);
    return words;
  }
}

export class LexiconError extends Error {
  constructor(message: string) {
    super(`src/text/lexicon.json: ${message}`);
    this.name = "LexiconError";
  }
}

/** Checks raw lexicon data (the parsed file) and resolves its classes; throws a LexiconError naming what is wrong. */
export function loadLexicon(raw: unknown): Lexicon {
  const parsed = lexiconSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LexiconError(`${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return new Lexicon(parsed.data);
}

/**
 * The project's checked-in lexicon, read without zod: its one transformation (a class part's
 * "forms" string into its slots) done here, its checks done by tests/lexicon.test.ts, which loads
 * the same file through `loadLexicon`; the Lexicon constructor still refuses an unknown class,
 * verb, noun or form.
 */
export const LEXICON: Lexicon = new Lexicon(withFormSlots(data) as LexiconData);

function withFormSlots(raw: typeof data): unknown {
  const words = Object.fromEntries(
    Object.entries(raw.words).map(([topic, classes]) => [
      topic,
      Object.fromEntries(
        Object.entries(classes).map(([name, def]) => [
          name,
          Array.isArray(def) ? def.map((part) => ("forms" in part && typeof part.forms === "string" ? { ...part, forms: part.forms.trim().split(/\s+/) } : part)) : def,
        ]),
      ),
    ]),
  );
  return { ...raw, words };
}

/** Every word class as a set, by topic and name: `WORDS.speechVerbs.quoteCues.has("said")`. */
export type WordSets = { readonly [T in keyof Topics]: { readonly [C in keyof Topics[T]]: ReadonlySet<string> } };

export const WORDS: WordSets = Object.fromEntries(
  Object.entries(LEXICON.data.words).map(([topic, classes]) => [topic, Object.fromEntries(Object.keys(classes).map((name) => [name, new Set(LEXICON.words(`${topic}.${name}`))]))]),
) as unknown as WordSets;

/** The words of a class, in the order the lexicon gives them. */
export function wordList(name: WordClass): readonly string[] {
  return LEXICON.words(name);
}

/** Words as the source of a regular-expression alternation, each escaped, in order. */
function alternationOf(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
}

/** A class as the source of a regular-expression alternation ("say|says|said"), its words escaped, in order. */
export function alternation(name: WordClass): string {
  return alternationOf(LEXICON.words(name));
}

type Maps = LexiconData["maps"];

/** One of the lexicon's word-to-word maps, in the order the file gives it. */
export function wordMap(name: keyof Maps): ReadonlyMap<string, string> {
  return new Map(Object.entries(LEXICON.data.maps[name]));
}

/** Multi-word phrases of one kind ("adverbialIdioms"), in order. */
export function phrases(name: keyof (typeof data)["phrases"]): readonly string[] {
  return LEXICON.data.phrases[name]!;
}

/** Groups of words that stand for one another in news copy, one a line ("a b > c d": a and b may be written c or d, not the other way round). */
export function synonymLines(): readonly string[] {
  return LEXICON.data.synonyms;
}

/** Pairs of words of opposite sense ("open", "close"). */
export function oppositePairs(): readonly (readonly [string, string])[] {
  return LEXICON.data.opposites;
}

/** Everyday forms of English given names, one group a string ("robert bob rob bobby"). */
export function givenNameGroups(): readonly string[] {
  return LEXICON.data.givenNames;
}

/** Phrases of one kind as the source of a regular-expression alternation, escaped, in order. */
export function phraseAlternation(name: keyof (typeof data)["phrases"]): string {
  return alternationOf(phrases(name));
}
