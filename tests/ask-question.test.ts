import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../src/answer/question.js";
import { term } from "../src/search/analyzer.js";
import { editDistance, Vocabulary } from "../src/search/fuzzy.js";
import { Engine } from "../src/engine.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";
import { storyIndex } from "./helpers/ask-story.js";

const roles = (q: string) => Object.fromEntries(analyzeQuestion(q).words.map((w) => [w.word, w.role]));

describe("question analysis", () => {
  it.each([
    ["why did Putin wait", "reason"],
    ["How come the bridge is still shut?", "reason"],
    ["When did Putin finally congratulate Biden?", "time"],
    ["how quickly did the council act", "time"],
    ["How many electoral votes did Biden win?", "count"],
    ["how much will the repairs cost", "count"],
    ["Who congratulated Biden on his victory?", "person"],
    ["Who is Dmitry Peskov?", "definition"],
    ["What did Navalny say?", "speech"],
    ["what has the mayor told reporters about the buses", "speech"],
    ["What was Putin's message to Biden?", "speech"],
    ["Where did the cracks appear?", "place"],
    ["Did Trump concede?", "yesno"],
    ["sanctions on Russia", "general"],
  ])("%s -> %s", (q, kind) => {
    expect(analyzeQuestion(q).kind).toBe(kind);
  });

  it("separates key words from filler: adverbs, frame words and idioms never have to be found", () => {
    expect(roles("When did Putin finally congratulate Biden?")).toEqual({ Putin: "key", finally: "soft", congratulate: "key", Biden: "key" });
    expect(roles("Why didn't Putin congratulate Biden right away?")).toMatchObject({ right: "soft", away: "soft", congratulate: "key" });
    expect(roles("How many vehicles cross the bridge?")).toMatchObject({ many: "soft", vehicles: "key", bridge: "key" });
  });

  it("finds who is being asked about in a speech question, and keeps the topic as key words", () => {
    const q = analyzeQuestion("What did Putin's spokesman say about the 2016 election?");
    expect(q.kind).toBe("speech");
    expect(q.words.filter((w) => w.role === "speaker").map((w) => w.word)).toEqual(["Putin's", "spokesman"]);
    expect(q.words.filter((w) => w.role === "key").map((w) => w.word)).toEqual(["2016", "election"]);
    expect(q.words.find((w) => w.word === "say")!.role).toBe("soft");
  });

  it("marks names: capitalised mid-question words and acronyms", () => {
    const q = analyzeQuestion("did China congratulate the US president");
    expect(q.words.filter((w) => w.proper).map((w) => w.word)).toEqual(["China", "US"]);
  });
});

describe("analyzer: inflections and spellings meet", () => {
  it.each([
    ["wrote", "write"],
    ["written", "write"],
    ["said", "say"],
    ["told", "tell"],
    ["won", "win"],
    ["congratulated", "congratulations"],
    ["criticised", "criticized"],
    ["favoured", "favored"],
    ["centre", "center"],
    ["children", "child"],
  ])("%s ~ %s", (a, b) => {
    expect(term(a)).toBe(term(b));
  });

  it("keeps ambiguous forms apart from the verbs they look like", () => {
    expect(term("left")).not.toBe(term("leave"));
    expect(term("rose")).not.toBe(term("rise"));
  });
});

describe("typo tolerance", () => {
  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("wiat", "wait", 2)).toBe(1);
    expect(editDistance("putn", "putin", 2)).toBe(1);
    expect(editDistance("wiat", "waits", 3)).toBe(2);
    expect(editDistance("abcdef", "badcfe", 3)).toBe(3);
    // past the budget it answers "budget + 1" without finishing the table
    expect(editDistance("abcd", "wxyz", 1)).toBe(2);
  });

  it("gives short words one edit and keeps their first letter", () => {
    const v = new Vocabulary(["wait", "howl", "bridge"]);
    expect(v.nearest("wiat", 1)).toEqual({ words: ["wait"], distance: 1 });
    expect(v.nearest("bowl", 1).words).toEqual([]); // "howl" is one edit away, but not the same first letter
    expect(v.nearest("brigde", 1).words).toEqual(["bridge"]);
    expect(v.nearest("qwerty", 1).words).toEqual([]);
  });

  it("corrects misspelt words against the written forms of the coverage", () => {
    const seeds = Engine.fromDir(SEEDS_DIR).index;
    expect(seeds.correct("putn").terms).toEqual(["putin"]);
    expect(seeds.correct("wiat").terms).toEqual(["wait"]);
    expect(seeds.correct("congratulatd").terms).toEqual([term("congratulate")]);
    expect(seeds.correct("asdfgh").terms).toEqual([]);
    const story = storyIndex();
    expect(story.correct("brigde").terms).toEqual(["bridg"]);
    expect(story.correct("Wielgocz").terms).toEqual([term("Wielgosz")]);
  });

  it("corrects the same whether the vocabulary is prepared at start-up or built on the first typo", () => {
    const lazy = Engine.fromDir(SEEDS_DIR).index;
    const prepared = Engine.fromDir(SEEDS_DIR).index;
    prepared.prepareCorrections();
    const typos = ["putn", "wiat", "congratulatd", "Kremlim", "elektion", "asdfgh", "Peskof"];
    expect(typos.map((w) => prepared.correct(w))).toEqual(typos.map((w) => lazy.correct(w)));
    expect(prepared.correct("Kremlim").terms).toEqual([term("Kremlin")]);
  });

  it("links derivations the stemmer keeps apart", () => {
    const seeds = Engine.fromDir(SEEDS_DIR).index;
    expect(seeds.relatives(term("congratulate")!)).toContain(term("congratulatory"));
    expect(seeds.relatives(term("congratulatory")!)).toContain(term("congratulate"));
  });
});
