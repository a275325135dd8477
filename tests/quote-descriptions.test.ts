/**
 * Speakers named by a description instead of a name or pronoun, and names with honours after
 * them: patterns of match and court reports. Every article here is invented; nothing in the engine
 * knows these names.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("descriptions that rename the person just named", () => {
  it("gives 'the 48-year-old said' and 'the defender said' to the person the text is about", () => {
    const ix = index(
      article("d1", "Cup exit", [
        'Tobias Renner, who took charge in the summer, did not look for excuses. "They wanted it more," the 48-year-old said.',
        'Renner praised the visitors. Kai Obuya insisted the win owed nothing to luck. "We worked on that corner all week," the defender said.',
      ]),
    );
    expect(speakerOf(ix, "They wanted it more")).toBe("Tobias Renner");
    expect(speakerOf(ix, "We worked on that corner")).toBe("Kai Obuya");
  });

  it("gives 'the deputy governor' to the person just named when the text gives them no other office, and never to someone with one", () => {
    const ix = index(
      article("d2", "Rates", [
        'Lena Ostrova has spent two decades at the central bank. Ostrova took up her new post in May.',
        'The deputy governor was blunt. "Anyone hoping for cuts is going to be disappointed," she said.',
        'Finance Minister Paul Greaves answered questions. "We will not comment on rates," the spokesman said.',
      ]),
    );
    expect(speakerOf(ix, "Anyone hoping for cuts")).toBe("Lena Ostrova");
    expect(speakerOf(ix, "We will not comment")).toBe("");
  });

  it("does not give 'the British minister' to the last person named", () => {
    const ix = index(article("d3", "Treaty", ['Mr. Hollis sent a note on Monday. In reply the British minister expressed "his entire concurrence in the course recommended by the governor."']));
    expect(speakerOf(ix, "his entire concurrence")).toBe("");
  });

  it("gives 'the hospice said' to the body whose name ends in 'Hospice'", () => {
    const ix = index(
      article("d4", "Fraud", [
        "He moved money from the Little Lanterns Hospice accounts into his own.",
        'The hospice said in a statement that it had "tightened every one of its financial controls".',
      ]),
    );
    expect(speakerOf(ix, "tightened every one")).toBe("Little Lanterns Hospice");
  });

  it("names a lede's role-only speaker after the next paragraph opens with a full name", () => {
    const ix = index(
      article("d5", "Cup exit", [
        'The Harcourt Rovers manager admitted his side had been outplayed. "We were second best from the first whistle," he said.',
        "Tobias Renner, who took charge in the summer, did not look for excuses.",
      ]),
    );
    expect(speakerOf(ix, "We were second best")).toBe("Tobias Renner");
  });
});

describe("an office that opens the sentence", () => {
  it("keeps 'Mayor' as Helen Brandt's role though the sentence's capital hides it, so 'the mayor said' is hers", () => {
    const ix = index(article("o1", "Bridge", ["Mayor Helen Brandt opened the bridge on Monday.", '"We are delighted," the mayor said.']));
    expect(speakerOf(ix, "We are delighted")).toBe("Helen Brandt");
    expect(ix.quote("mayor").speaker?.name).toBe("Helen Brandt");
  });
});

describe("verbs of match reports", () => {
  it("reads 'fumed X' and 'X retorted:' as speech", () => {
    const ix = index(article("v1", "Derby", ['Coach Mia Rossi was furious. "That was never a penalty," fumed Rossi.', 'Rossi retorted: "Ask the referee."']));
    expect(speakerOf(ix, "never a penalty")).toBe("Mia Rossi");
    expect(speakerOf(ix, "Ask the referee")).toBe("Mia Rossi");
  });
});

describe("a participle of speech after the clause", () => {
  it("gives ', posting: \"...\"' and ', arguing that \"...\"' to the sentence's subject", () => {
    const ix = index(
      article("p1", "Waiting lists", [
        "Health Secretary Maria Delgado was criticised.",
        'Delgado hit back on social media, posting: "The facts speak for themselves."',
        'Dr Ken Oduya was unmoved, arguing that "the plan is built on sand".',
      ]),
    );
    expect(speakerOf(ix, "The facts speak")).toBe("Maria Delgado");
    expect(speakerOf(ix, "built on sand")).toBe("Ken Oduya");
  });
});

describe("court reports", () => {
  it("does not take the noun in 'In a statement read to the court,' for a speaker", () => {
    const ix = index(
      article("c1", "Fraud", ['In a victim impact statement read to the court, hospice director Ruth Amberley said staff felt betrayed. "Every pound he took was a pound we could not spend," she said.']),
    );
    expect(speakerOf(ix, "Every pound he took")).toBe("Ruth Amberley");
  });

  it("leaves honours after a name out of it ('Martin Hale KC', 'Ann Lee MP')", () => {
    const ix = index(
      article("c2", "Fraud", [
        'Defending, Martin Hale KC said his client was ashamed. "He has lost his good name," Mr Hale said.',
        '"It is a scandal," said Ann Lee MP.',
      ]),
    );
    expect(speakerOf(ix, "He has lost his good name")).toBe("Martin Hale");
    expect(speakerOf(ix, "It is a scandal")).toBe("Ann Lee");
    expect(ix.quote("Hale").speaker?.name).toBe("Martin Hale");
  });
});
