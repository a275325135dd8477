/**
 * Interviews: a speaker introduced by full name alone and then called "she", and answers printed
 * as a Q&A transcript, which are the interviewee's words without any quote marks. Every article
 * here is invented; nothing in the engine knows these names.
 */
import { describe, expect, it } from "vitest";
import { article, find, index, speakerOf } from "./helpers/quote-articles.js";

const interview = article("i1", "Interview", [
  "Nadia Kerrow has spent two decades at the central bank. In her first interview since becoming deputy governor, she spoke to Leo Fenn about inflation.",
  'The deputy governor was blunt. "Anyone hoping for cuts this spring is going to be disappointed," she said.',
  "Q: Inflation has fallen for three months. Why not cut now?",
  "A: Because three months is not a trend.",
  "Q: When will borrowers get relief?",
  "A: When the data let us. I would rather be late and right than early and wrong.",
]);

describe("interviews", () => {
  const ix = index(interview);

  it("gives 'she' to a full name that is the subject of the sentence before", () => {
    expect(speakerOf(ix, "Anyone hoping for cuts")).toBe("Nadia Kerrow");
  });

  it("learns the role a description gave her, so 'deputy governor' finds her", () => {
    expect(ix.quote("deputy governor").speaker?.name).toBe("Nadia Kerrow");
  });

  it("reads each transcript answer, without its label, as the interviewee's statement", () => {
    const answers = ix.quote("Nadia Kerrow").quotes.map((q) => q.text);
    expect(answers).toContain("Because three months is not a trend.");
    expect(answers).toContain("When the data let us. I would rather be late and right than early and wrong.");
    const [a] = find(ix, "Because three months");
    expect(interview.text.slice(a!.start, a!.end)).toBe(a!.text);
  });

  it("credits no question to anyone, the interviewer included", () => {
    expect(ix.occurrences.some((o) => o.text.includes("Why not cut now"))).toBe(false);
    expect(ix.quote("Leo Fenn").quotes).toEqual([]);
  });

  it("does not read a lone 'A:' line as a transcript", () => {
    const one = index(article("i2", "Notes", ["Nadia Kerrow spoke on Monday.", "Q: Why now?", "A: Because the data say so."]));
    expect(one.occurrences).toEqual([]);
  });
});
