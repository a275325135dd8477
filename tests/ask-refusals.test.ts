import { describe, expect, it } from "vitest";
import { ask } from "../src/answer/ask.js";
import { Engine } from "../src/engine.js";
import { renderAsk } from "../src/render/terminal.js";
import { storyIndex } from "./helpers/ask-story.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const seeds = Engine.fromDir(SEEDS_DIR);
const story = storyIndex();

function expectRefusal(r: ReturnType<typeof ask>, mentions: RegExp, saysUncovered = true): void {
  expect(r.answer).toBeNull();
  expect(r.citations).toEqual([]);
  expect(r.support).toBe(0);
  expect(r.reason).toMatch(mentions);
  if (saysUncovered) expect(renderAsk(r)).toMatch(/^The coverage doesn't say: /);
  expect(renderAsk(r)).toMatch(/Nothing cited\.\n$/);
}

describe("honest refusals: the coverage doesn't say, and the reply names what is missing", () => {
  it.each([
    ["what did Putin say about climate change", /"climate"/],
    ["did China congratulate Biden", /"China"/],
    ["Who will win the next Super Bowl?", /"Super"|"Bowl"/],
    ["How many goals did Messi score?", /"Messi"/],
    ["What is the capital of France?", /"France"/],
    ["asdkjh qwpeoiru zxmcnv", /"asdkjh"/],
    ["Did Xi Jinping congratulate Biden?", /"Xi"|"Jinping"/],
  ])("seeds: %s", (q, mentions) => {
    expectRefusal(seeds.ask(q), mentions);
  });

  it("matching only the speaker and 'say' is not coverage", () => {
    // Merkel and sanctions are both in the seeds, but no sentence gives Merkel's words on sanctions.
    expectRefusal(seeds.ask("What did Merkel say about sanctions?"), /never quotes Merkel on "sanctions"/);
    // Navalny and electoral votes are both in the seeds, never together.
    expectRefusal(seeds.ask("How many electoral votes did Navalny win?"), /"Navalny"/);
  });

  it.each([
    ["When will the tunnel open?", /"tunnel"/],
    ["What did Okafor say about the football match?", /"football"/],
    ["Did the bridge collapse?", /"collapse"/],
    ["What did Pryce say about the repairs budget?", /never quotes Pryce|"budget"/],
  ])("invented story: %s", (q, mentions) => {
    expectRefusal(ask(story, q), mentions);
  });

  it("a yes/no question needs one sentence that makes the statement, not words scattered nearby", () => {
    expectRefusal(ask(story, "Were the cracks repaired?"), /"cracks" and "repaired"/);
    expectRefusal(ask(story, "Did the council approve the repairs?"), /no article mentions "approve"/);
    // both names are in the coverage, never in this relation
    expectRefusal(seeds.ask("Did Merkel congratulate Putin?"), /"Merkel", "congratulate" and "Putin"/);
    expect(ask(story, "Did Okafor criticise the authority?").answer).toMatch(/^Mayor Ines Okafor criticised the authority/);
    // the subject may be named in the sentence before ("the Russian President stated that he...")
    expect(seeds.ask("Did Putin recognize Biden as president?").answer).toMatch(/would not recognize Joe Biden/);
  });

  it("refuses questions with no topic at all", () => {
    for (const q of ["", "   ", "?!?", "what is it?", "why?"]) expectRefusal(seeds.ask(q), /question|topic/, false);
  });

  it("lists the words that were not found", () => {
    expect(seeds.ask("what did putin say about climate change").notFound).toEqual(["climate", "change"]);
  });
});
