/**
 * Speaker attribution on short invented articles: every cue pattern news uses, pronouns and bare
 * roles, organisations, and the traps (a pronoun whose nearest name is not the speaker, a quote
 * inside a quote, a quoted headline, apostrophes). Names here are made up; nothing in the engine
 * knows them.
 */
import { describe, expect, it } from "vitest";
import { article, find, index, speakerOf } from "./helpers/quote-articles.js";

describe("cue patterns", () => {
  const strike = article("a1", "Port strike enters second week", [
      "Dock workers in Valmora stayed off the job on Monday, the union's leader Marta Kowalczyk told reporters outside the harbour.",
      '"We will stay out until the port authority talks to us," Kowalczyk said.',
      '"Nobody has called us," said Kowalczyk, who has led the union since 2019.',
      'Port director Henrik Olsen said: "The harbour is open for business and always has been."',
      'Olsen added that the union\'s demands were "simply unaffordable for a public port."',
      '"Talks can resume tomorrow," Olsen told the local radio station.',
      'According to Olsen, "the ships are being diverted to other ports already."',
      '"Shipping lines are losing patience," the Valmora Chamber of Commerce said in a statement.',
      'The regional government cited Olsen as saying: "We are ready to compromise on hours."',
      'Olsen\'s message to the strikers was, "Come back and we will talk."',
      '"Solidarity with the dockers of Valmora," the writer Piotr Zielinski wrote on Twitter.',
  ]);
  const ix = index(strike);

  it.each([
    ["We will stay out until", "Marta Kowalczyk"], // "..., X said"
    ["Nobody has called us", "Marta Kowalczyk"], // "..., said X"
    ["The harbour is open", "Henrik Olsen"], // "X said: ..."
    ["simply unaffordable", "Henrik Olsen"], // partial quote inside the sentence
    ["Talks can resume", "Henrik Olsen"], // "X told ..."
    ["the ships are being diverted", "Henrik Olsen"], // "according to X"
    ["We are ready to compromise", "Henrik Olsen"], // "cited X as saying"
    ["Come back and we will talk", "Henrik Olsen"], // "X's message to Y was"
    ["Solidarity with the dockers", "Piotr Zielinski"], // "X wrote on Twitter"
  ])("%s -> %s", (fragment, speaker) => {
    expect(speakerOf(ix, fragment)).toBe(speaker);
  });

  it("lets organisations speak", () => {
    expect(speakerOf(ix, "Shipping lines are losing patience")).toBe("Valmora Chamber of Commerce");
    expect(ix.quote("Valmora Chamber of Commerce").quotes.map((q) => q.text)).toEqual(["Shipping lines are losing patience,"]);
  });

  it("gives each quote its exact text and offsets, and the sentence around it as context", () => {
    expect(ix.occurrences.length).toBeGreaterThan(9);
    for (const o of ix.occurrences) {
      expect(strike.text.slice(o.start, o.end)).toBe(o.text);
      expect(strike.text.slice(o.contextStart, o.contextEnd)).toBe(o.context);
      expect(strike.text[o.start - 1]).toMatch(/["“]/);
      expect(strike.text[o.end]).toMatch(/["”]/);
    }
    const [o] = find(ix, "Talks can resume");
    expect(o!.context).toBe('"Talks can resume tomorrow," Olsen told the local radio station.');
    expect(o!.contextStart).toBeLessThan(o!.start);
    expect(o!.contextEnd).toBeGreaterThan(o!.end);
  });
});

describe("pronouns and bare roles", () => {
  it("resolves 'he' to the sentence's subject, not to the nearest name (the trap)", () => {
    const ix = index(
      article("p1", "Opposition reacts to the vote", [
        "Opposition leader Ilya Sorokin congratulated Marta Kowalczyk and Henrik Olsen on Sunday.",
        '"This is a good day for the country," he wrote in a Twitter post.',
      ]),
    );
    expect(speakerOf(ix, "a good day for the country")).toBe("Ilya Sorokin");
  });

  it("follows a chain: 'X said ...', 'He added that ...', then '..., he said'", () => {
    const ix = index(
      article("p2", "Ministry defends budget", [
        'Treasury spokeswoman Anna Berg said the budget was balanced. "There is no hole in it," Berg said.',
        "She added that the figures would be published in full next week.",
        '"Everyone will be able to check them," she said.',
      ]),
    );
    expect(speakerOf(ix, "Everyone will be able to check")).toBe("Anna Berg");
  });

  it("does not give 'she' to a man, nor 'he' to a woman, when the text says which is which", () => {
    const ix = index(
      article("p3", "Council meets", [
        "Treasury spokeswoman Anna Berg met Mr. Tomas Lind on Friday.",
        '"We agreed on nothing," she said.',
      ]),
    );
    expect(speakerOf(ix, "We agreed on nothing")).toBe("Anna Berg");
  });

  it("resolves a bare role to the person the article gave that role", () => {
    const ix = index(
      article("p4", "Budget row continues", [
        "Treasury spokeswoman Anna Berg dismissed the criticism on Tuesday.",
        "The opposition had called the plan a fraud.",
        'The spokeswoman said: "Our numbers are audited every year."',
      ]),
    );
    expect(speakerOf(ix, "Our numbers are audited")).toBe("Anna Berg");
  });

  it("finds a speaker by role, learned from an apposition", () => {
    const ix = index(
      article("p5", "Harbour talks", ["Port director Henrik Olsen spoke on Monday.", '"We are close to a deal," Olsen said.']),
      article("p6", "Harbour talks again", ['"There is no deal yet," said Olsen, the port director, on Tuesday.']),
    );
    const r = ix.quote("port director");
    expect(r.speaker?.name).toBe("Henrik Olsen");
    expect(r.quotes.map((q) => q.text).sort()).toEqual(["There is no deal yet,", "We are close to a deal,"]);
    expect(r.speaker?.aliases).toEqual(expect.arrayContaining(["Olsen"]));
  });

  it("leaves the quote unattributed when two people could be 'he'", () => {
    const ix = index(
      article("p7", "Two leaders meet", [
        "Mr. Tomas Lind and Mr. Jan Novak met in the capital on Monday.",
        '"It was a useful meeting," he said.',
      ]),
    );
    expect(speakerOf(ix, "It was a useful meeting")).toBe("");
  });

  it("does not hand a quote to an earlier speaker when its own speaker has no name", () => {
    const ix = index(
      article("p8", "Storm hits coast", [
        '"The damage is limited," Mayor Elena Rossi said on Monday.',
        '"I have never seen anything like it," a fisherman said.',
        'Later a neighbour told reporters, "the whole street was flooded."',
      ]),
    );
    expect(speakerOf(ix, "The damage is limited")).toBe("Elena Rossi");
    expect(speakerOf(ix, "I have never seen anything like it")).toBe("");
    expect(speakerOf(ix, "the whole street was flooded")).toBe("");
  });

  it("keeps an unattributed quote out of every speaker's list", () => {
    const ix = index(article("p9", "Mystery note", ['A note on the door read: "Closed until further notice."', "Nobody knew who had left it."]));
    expect(ix.speakers()).toEqual([]);
  });
});

describe("quote shapes", () => {
  it("continues the speaker into a quote that stands alone right after, and across paragraphs", () => {
    const ix = index(
      article("s1", "Coach speaks", [
        '"We played badly," coach Lena Maier said. "There is no other way to say it."',
        '"Next week will be different."',
        "The club has lost four games in a row.",
        '"This will not stand."',
      ]),
    );
    expect(speakerOf(ix, "There is no other way")).toBe("Lena Maier");
    expect(speakerOf(ix, "Next week will be different")).toBe("Lena Maier");
    // Not right after a quote of hers: a narrative paragraph intervenes.
    expect(speakerOf(ix, "This will not stand")).toBe("");
  });

  it("attributes a multi-paragraph quote as one statement", () => {
    const ix = index(
      article("s2", "Mayor's address", [
        'Mayor Elena Rossi said: "The city has come through a hard winter.',
        '"We will rebuild the bridge by spring and the school by autumn."',
      ]),
    );
    const [q] = find(ix, "hard winter");
    expect(q!.speaker).toBe("Elena Rossi");
    expect(q!.text).toContain("school by autumn.");
    expect(q!.parts).toHaveLength(2);
  });

  it("keeps a quote inside a quote within the outer speaker's statement", () => {
    const ix = index(
      article("s3", "Union leader recalls talks", [
        '"The director told me \'never again\' and walked out," union leader Marta Kowalczyk said.',
      ]),
    );
    expect(ix.occurrences).toHaveLength(1);
    expect(ix.occurrences[0]!.speaker).toBe("Marta Kowalczyk");
    expect(ix.occurrences[0]!.text).toBe("The director told me 'never again' and walked out,");
  });

  it("keeps one- and two-word scare quotes apart as fragments, listed only on request", () => {
    const ix = index(
      article("s4", "Plan criticised", [
        'Opposition leader Ilya Sorokin called the plan "reckless" and said it would "hurt families who already struggle to pay rent."',
      ]),
    );
    expect(find(ix, "reckless")[0]!.kind).toBe("fragment");
    expect(ix.quote("Sorokin").quotes.map((q) => q.text)).toEqual(["hurt families who already struggle to pay rent."]);
    expect(ix.quote("Sorokin", { fragments: true }).quotes.map((q) => q.text).sort()).toEqual(["hurt families who already struggle to pay rent.", "reckless"]);
  });

  it("treats a quoted title as a title, not a statement", () => {
    const ix = index(
      article("s5", "New law", [
        'Senator Ruth Adler introduced a bill titled "A Fair Deal for Renters Everywhere" on Monday.',
        'Parliament passed the "Clean Harbours Act" last year.',
      ]),
    );
    expect(ix.occurrences.map((o) => o.kind)).toEqual(["title", "title"]);
    expect(ix.speakers()).toEqual([]);
  });

  it("is not fooled by apostrophes or a quoted headline", () => {
    const ix = index(
      article("s6", "“No deal,” says Kowalczyk’s union", [
        "Kowalczyk’s union rejected the offer, and the members’ vote was unanimous in the ’90s style.",
        "Union leader Marta Kowalczyk said the offer was “an insult to every worker here.”",
      ]),
    );
    expect(ix.occurrences.map((o) => o.text)).toEqual(["an insult to every worker here."]);
    expect(ix.occurrences[0]!.speaker).toBe("Marta Kowalczyk");
  });
});

describe("entities", () => {
  it("joins spelling variants of a name and finds them by either spelling or the surname", () => {
    const ix = index(
      article("e1", "Activist speaks", ['"The vote was stolen," opposition activist Alexei Varga said.']),
      article("e2", "Activist speaks again", ['"We will be back," opposition activist Alexey Varga said.']),
    );
    for (const q of ["Alexei Varga", "Alexey Varga", "Varga", "alexey varga"]) {
      expect(ix.quote(q).quotes).toHaveLength(2);
    }
    expect(ix.speakers()).toHaveLength(1);
  });

  it("keeps different people with the same surname apart", () => {
    const ix = index(
      article("e3", "Family business", ['"Sales are up," chief executive Maria Lind said.', '"Costs are up too," finance director Tomas Lind said.']),
    );
    expect(ix.quote("Maria Lind").quotes.map((q) => q.text)).toEqual(["Sales are up,"]);
    expect(ix.quote("Tomas Lind").quotes.map((q) => q.text)).toEqual(["Costs are up too,"]);
  });

  it("says how many articles mention someone who is never quoted", () => {
    const ix = index(
      article("e4", "Summit", ["Chancellor Greta Holm met the union leaders.", '"It went well," union leader Marta Kowalczyk said.']),
      article("e5", "Summit follow-up", ["Chancellor Greta Holm left for Brussels on Tuesday evening."]),
    );
    const r = ix.quote("Greta Holm");
    expect(r.quotes).toEqual([]);
    expect(r.speaker?.name).toBe("Greta Holm");
    expect(r.mentionedIn).toBe(2);
    const nobody = ix.quote("Somebody Unknown");
    expect(nobody.speaker).toBeNull();
    expect(nobody.mentionedIn).toBe(0);
  });

  it("suggests speakers for autocomplete, best matches first", () => {
    const ix = index(
      article("e6", "Talks", [
        '"We want a deal," union leader Marta Kowalczyk said. "Not at any price," she added.',
        '"The offer stands as it is," port director Henrik Olsen said.',
        '"The city will mediate," Mayor Martin Olsen said.',
      ]),
    );
    expect(ix.suggestSpeakers("mar").map((s) => s.name)).toEqual(["Marta Kowalczyk", "Martin Olsen"]);
    expect(ix.suggestSpeakers("ols").map((s) => s.name).sort()).toEqual(["Henrik Olsen", "Martin Olsen"]);
    expect(ix.suggestSpeakers("", 1).map((s) => s.name)).toEqual(["Marta Kowalczyk"]);
    expect(ix.suggestSpeakers("zzz")).toEqual([]);
  });
});

describe("grouping on invented coverage", () => {
  const ix = index(
    article("g1", "Minister rejects strike demands", [
      "Labour minister Sofia Brandt spoke after the cabinet meeting on Monday.",
      '"We cannot pay for a shorter working week in the ports without cutting hospitals," Brandt said.',
      '"The government will not negotiate under pressure from a blockade," she added.',
    ], { outlet: "Daily One" }),
    article("g2", "Brandt says no to dockers", [
      "The labour ministry issued a statement after the cabinet met.",
      '"We cannot pay for a shorter working week in the ports without cutting hospitals," the ministry quoted Brandt as saying.',
      '"Negotiations under the pressure of a blockade are out of the question for this government," Brandt said.',
    ], { outlet: "Second Paper" }),
    article("g3", "Dockers hold firm", [
      'A docker told the paper: "We cannot pay for a shorter working week in the ports without cutting hospitals, they say, but they found money for the banks."',
    ], { outlet: "Third Weekly" }),
  );
  const group = (article: string, fragment: string) => ix.occurrences.find((o) => o.articleId === article && o.text.includes(fragment))!.group;

  it("groups identical wording across outlets, whoever the outlet names as speaker", () => {
    expect(group("g1", "We cannot pay")).toBe(group("g2", "We cannot pay"));
  });

  it("groups the same statement worded differently by the same speaker", () => {
    expect(group("g1", "will not negotiate")).toBe(group("g2", "Negotiations under the pressure"));
  });

  it("keeps a different statement that reuses some of the words apart", () => {
    expect(group("g3", "We cannot pay")).not.toBe(group("g1", "We cannot pay"));
    expect(group("g1", "will not negotiate")).not.toBe(group("g1", "We cannot pay"));
  });

  it("lists each statement once with every outlet's own wording", () => {
    const r = ix.quote("Sofia Brandt");
    expect(new Set(r.quotes.map((q) => q.group)).size).toBe(2);
    expect(r.quotes).toHaveLength(4);
    expect(new Set(r.quotes.map((q) => q.outlet))).toEqual(new Set(["Daily One", "Second Paper"]));
  });
});
