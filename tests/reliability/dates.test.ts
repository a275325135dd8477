/** Issue 13 item 14: any valid ISO date is a date, the first centuries included. */
import { describe, expect, test } from "vitest";
import { manifestEntrySchema } from "../../src/corpus/manifest.js";

const published = (date: string) => manifestEntrySchema().safeParse({ published: date });

describe("dates before year 100", () => {
  test.each(["0050-03-01", "0099-12-31", "0001-01-01", "0000-01-01", "0096-02-29", "0079-08-24T13:00:00Z"])("%s is a real date", (date) => {
    expect(published(date).success).toBe(true);
  });

  test.each(["0099-02-29", "0050-13-01", "0010-04-31", "0100-02-29"])("%s is not", (date) => {
    const r = published(date);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/not a real calendar date|ISO date/);
  });
});
