/**
 * Letters after a name ("Rhys Bevan AM", "Mairi Dunn MLA") are an honour or an office, not part of
 * the name, whether or not the lexicon lists them. Every article here is invented.
 */
import { describe, expect, it } from "vitest";
import { article, find, index } from "./helpers/quote-articles.js";

const story = article("p1", "Hospital waits", [
  "Responding to the figures, Welsh Liberal health spokesman Rhys Bevan AM said: \u201cThese waits are a scandal and the minister knows it.\u201d",
  "\u201cWe will table questions on Tuesday,\u201d said Mairi Dunn MLA, who chairs the health committee.",
]);

describe("letters after a name", () => {
  it("end the name: the speaker is the person, found by surname, and the letters are no alias", () => {
    const ix = index(story);
    const [bevan] = find(ix, "waits are a scandal");
    expect(bevan?.speaker).toBe("Rhys Bevan");
    expect(ix.quote("Bevan").quotes).toHaveLength(1);
    expect(ix.quote("Rhys Bevan").speaker?.aliases ?? []).not.toContain("AM");
    const [dunn] = find(ix, "table questions");
    expect(dunn?.speaker).toBe("Mairi Dunn");
  });

  it("are in no speaker's name", () => {
    const names = index(story).speakers().map((s) => s.name);
    expect(names.some((n) => /Rhys Bevan AM|Mairi Dunn MLA/.test(n))).toBe(false);
  });
});
