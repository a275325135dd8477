/**
 * How `quote` reads what a user types: a name after its office or honorific, a role spelt another
 * way, a transliterated first name, and a role that a narrowing word ("opposition") sets apart.
 * Every article here is invented; nothing in the engine knows these names.
 */
import { describe, expect, it } from "vitest";
import { article, index } from "./helpers/quote-articles.js";

const ix = index(
  article("q1", "Harbour closed", [
    'Valdorian President Mikhail Orlenko said the harbour would reopen. "We will not abandon the fishermen," Orlenko said.',
    'Opposition leader Alexey Brodny called it a stunt. "Words cost nothing," Brodny wrote.',
    'Port spokeswoman Irina Salt said: "Repairs will take a month." Ms Salt added that divers were on site.',
    'Harbour chief Jan Salt, her brother, said: "The wall is older than the town."',
    'Former president Oleg Vanko, who led the country until 2019, said nothing.',
  ]),
);

describe("a name after its office or honorific", () => {
  it("finds 'President Orlenko' and 'Valdorian President Mikhail Orlenko'", () => {
    expect(ix.quote("President Orlenko").speaker?.name).toBe("Mikhail Orlenko");
    expect(ix.quote("Valdorian President Mikhail Orlenko").speaker?.name).toBe("Mikhail Orlenko");
    expect(ix.quote("President Orlenko").quotes.map((q) => q.text)).toContain("We will not abandon the fishermen,");
  });

  it("never takes an unknown first name before a known surname for a title ('Peter Orlenko')", () => {
    expect(ix.quote("Peter Orlenko").speaker).toBeNull();
  });

  it("lets the honorific's gender and the role pick between namesakes", () => {
    expect(ix.quote("Ms Salt").speaker?.name).toBe("Irina Salt");
    expect(ix.quote("Harbour chief Salt").speaker?.name).toBe("Jan Salt");
  });
});

describe("everyday forms of a given name", () => {
  const names = index(
    article("n1", "Mill sold", [
      'Robert Marlowe, the mill\'s owner, said: "We had no choice."',
      'Joe Finch, a union steward, said: "Nobody asked us."',
      'Marlowe later added, "The buyer will keep every job."',
    ]),
  );

  it("finds 'Bob Marlowe' as Robert Marlowe and 'Joseph Finch' as Joe Finch", () => {
    expect(names.quote("Bob Marlowe").speaker?.name).toBe("Robert Marlowe");
    expect(names.quote("bob marlowe").quotes.map((q) => q.text)).toContain("We had no choice.");
    expect(names.quote("Joseph Finch").speaker?.name).toBe("Joe Finch");
  });

  it("takes no other given name for a nickname ('Bill Marlowe', 'James Finch')", () => {
    expect(names.quote("Bill Marlowe").speaker).toBeNull();
    expect(names.quote("James Finch").speaker).toBeNull();
  });
});

describe("roles and spellings", () => {
  it("reads 'spokesperson' for 'spokeswoman' and 'spokesman'", () => {
    expect(ix.quote("port spokesperson").speaker?.name).toBe("Irina Salt");
    expect(ix.quote("Port spokesman").speaker?.name).toBe("Irina Salt");
  });

  it("does not give 'Valdorian leader' to the opposition leader, but to the president", () => {
    expect(ix.quote("opposition leader").speaker?.name).toBe("Alexey Brodny");
    expect(ix.quote("Valdorian leader").speaker?.name).toBe("Mikhail Orlenko");
  });

  it("matches a transliterated first name ('Aleksei' is 'Alexey')", () => {
    expect(ix.quote("Aleksei Brodny").speaker?.name).toBe("Alexey Brodny");
    expect(ix.quote("Aleksei Brodny").quotes.map((q) => q.text)).toEqual(["Words cost nothing,"]);
  });

  it("reads 'president of Valdoria' as the 'Valdorian President'", () => {
    expect(ix.quote("president of Valdoria").speaker?.name).toBe("Mikhail Orlenko");
    expect(ix.quote("Valdoria's president").speaker?.name).toBe("Mikhail Orlenko");
  });

  it("reads 'U.S.' and 'US' in a role as one word", () => {
    const us = index(article("q2", "Trade", ['U.S. Trade Representative Carla Heng said: "Tariffs stay."']));
    expect(us.quote("US Trade Representative").speaker?.name).toBe("Carla Heng");
  });
});
