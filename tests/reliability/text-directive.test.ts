/** Issue 13 item 15: an article URL that already carries a text directive (`#:~:text=`) gets it replaced, not a second one. */
import { describe, expect, test } from "vitest";
import { textFragmentLink } from "../../src/citation/fragment.js";

describe("links to URLs that already carry a text directive", () => {
  const text = "The harbour board voted on Thursday to restore the lighthouse.";
  const span = { start: 0, end: text.length };

  test.each([
    ["https://harbour.example/a#:~:text=old%20words", "https://harbour.example/a#:~:text="],
    ["https://harbour.example/a#section-2:~:text=old", "https://harbour.example/a#section-2:~:text="],
    ["https://harbour.example/a#:~:text=one&text=two", "https://harbour.example/a#:~:text="],
    ["https://harbour.example/a#section-2", "https://harbour.example/a#section-2:~:text="],
    ["https://harbour.example/a", "https://harbour.example/a#:~:text="],
  ])("%s", (url, start) => {
    const link = textFragmentLink(url, text, span)!;
    expect(link.startsWith(start)).toBe(true);
    expect(link.match(/text=/g)).toHaveLength(1);
    expect(link).not.toContain("old");
    expect(link.match(/#/g)).toHaveLength(1);
    expect(link.match(/:~:/g)).toHaveLength(1);
  });
});
