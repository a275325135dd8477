/**
 * The English lexicon (src/text/lexicon.json, read by src/text/lexicon.ts): checked once at load,
 * its classes resolved from references and verb and noun forms. A broken lexicon is refused with
 * the reason, never read as fewer words.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alternation, LEXICON, loadLexicon, LexiconError, wordList, wordMap, WORDS } from "../src/text/lexicon.js";
import { ROOT } from "./helpers/run-cli.js";

const raw = () => JSON.parse(readFileSync(join(ROOT, "src", "text", "lexicon.json"), "utf8")) as Record<string, unknown> & { words: Record<string, Record<string, unknown>> };

describe("the lexicon file", () => {
  it("loads, and every class has words, also as a set", () => {
    for (const [topic, classes] of Object.entries(raw().words)) {
      for (const name of Object.keys(classes)) {
        expect(LEXICON.words(`${topic}.${name}`).length).toBeGreaterThan(0);
        expect((WORDS as unknown as Record<string, Record<string, ReadonlySet<string>>>)[topic]![name]!.size).toBe(LEXICON.words(`${topic}.${name}`).length);
      }
    }
  });

  it("gives a verb's forms by slot, the participle being the past where the two are one", () => {
    expect(LEXICON.verbs.get("say")).toEqual({ base: "say", s: "says", past: "said", participle: "said", ing: "saying" });
    expect(LEXICON.verbs.get("write")).toEqual({ base: "write", s: "writes", past: "wrote", participle: "written", ing: "writing" });
  });

  it("builds a class from references, chosen forms and exclusions, in the order written", () => {
    expect(wordList("honorifics.all")).toEqual(["mr", "mrs", "ms", "dr", "miss", "sir", "dame", "lord", "lady"]);
    expect(wordList("speechVerbs.pastWithoutEd")).toEqual(["said", "told", "wrote", "thought", "read"]);
    expect(wordList("calendar.monthsButMay")).not.toContain("may");
    expect(WORDS.speechVerbs.quoteCues.has("written")).toBe(false);
    expect(WORDS.speechVerbs.questionWords.has("written")).toBe(true);
  });

  it("escapes a class for a regular expression", () => {
    expect(new RegExp(`^(?:${alternation("names.suffixes")})$`).test("jr.")).toBe(true);
    expect(new RegExp(`^(?:${alternation("names.suffixes")})$`).test("jrx")).toBe(false);
  });

  it("keeps a map's order", () => {
    expect([...wordMap("chatShorthand").keys()].slice(0, 2)).toEqual(["wat", "wut"]);
  });
});

describe("a broken lexicon", () => {
  const refuse = (edit: (d: ReturnType<typeof raw>) => void) => {
    const d = raw();
    edit(d);
    return () => loadLexicon(d);
  };

  it("is refused when a class names a class it does not have", () => {
    expect(refuse((d) => (d.words.honorifics!.all = "@honorifics.nobility mr"))).toThrow(/no word class "honorifics.nobility"/);
  });

  it("is refused when a class includes itself", () => {
    expect(refuse((d) => (d.words.honorifics!.abbreviated = "@honorifics.courtesy"))).toThrow(LexiconError);
  });

  it("is refused when a class names a verb or noun the lexicon does not have, or a form no verb has", () => {
    expect(refuse((d) => (d.words.speechVerbs!.citing = [{ forms: "base", verbs: "cite misquote" }]))).toThrow(/the verb "misquote"/);
    expect(refuse((d) => (d.words.speechNouns!.answerCues = [{ forms: "plural", nouns: "memo" }]))).toThrow(/the noun "memo"/);
    expect(refuse((d) => (d.words.speechVerbs!.citing = [{ forms: "base gerund", verbs: "cite" }]))).toThrow(LexiconError);
  });

  it("is refused when a verb gives the wrong number of forms, or a word is not lower case", () => {
    expect(refuse((d) => ((d.verbs as { regular: Record<string, string> }).regular.cite = "cites"))).toThrow(/verbs\.regular\.cite/);
    expect(refuse((d) => (d.words.titles!.leadingOffices = "President premier"))).toThrow(LexiconError);
  });

  it("is refused when a class has no note saying what it is, or a note names no class", () => {
    expect(refuse((d) => delete (d.notes as Record<string, string>)["titles.spokespeople"])).toThrow(/"titles.spokespeople" has no note/);
    expect(refuse((d) => ((d.notes as Record<string, string>)["titles.nobody"] = "No one."))).toThrow(/names the class "titles.nobody"/);
  });

  it("is refused when it leaves out a word it does not have", () => {
    expect(refuse((d) => (d.words.calendar!.monthsButMay = "@calendar.months -maybe"))).toThrow(/leaves out "maybe"/);
  });
});

describe("the lexicon read at start-up", () => {
  it("is the same lexicon zod's check and transformation make of the file (start-up reads it without zod)", () => {
    expect(loadLexicon(raw())).toEqual(LEXICON);
  });
});
