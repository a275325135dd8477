/**
 * Reading dates: each relative date against its own article's `published` date, weekdays by
 * tense, story-relative dates from the story's last date, and nothing relative from an article
 * without a date. Invented sentences, written for these tests.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { isoDate } from "../src/dates/calendar.js";
import { articleDates, resolveWeekday } from "../src/dates/read-dates.js";
import { writeCorpus } from "./helpers/temp-corpus.js";


/** Each article's dates as "written -> ISO date". */
function datesOf(files: Record<string, string>, published: Record<string, string | null>): Record<string, string[]> {
  const manifest = Object.fromEntries(Object.entries(published).map(([id, p]) => [id, { published: p }]));
  const engine = Engine.fromDir(writeCorpus({ ...files, "sources.json": JSON.stringify(manifest) }));
  return Object.fromEntries(
    engine.articles.map((a) => [a.id, articleDates(a, (t) => engine.index.idf(t)).spans.flatMap((s) => s.mentions.map((m) => `${m.text} -> ${isoDate(m.date)}`))]),
  );
}

describe("weekdays", () => {
  it("are read against the article's own date: 'on Monday' in a Tuesday story is the day before, in a Monday story that day", () => {
    const same = "Council votes\n\nThe council voted on Monday to close the old library.\n";
    const d = datesOf({ "tue.txt": same, "mon.txt": same, "sun.txt": same }, { tue: "2024-03-12", mon: "2024-03-11", sun: "2024-03-17" });
    expect(d.tue).toEqual(["on Monday -> 2024-03-11"]);
    expect(d.mon).toEqual(["on Monday -> 2024-03-11"]);
    // A Sunday story's Monday is six days back, not the next day.
    expect(d.sun).toEqual(["on Monday -> 2024-03-11"]);
  });

  it("look ahead when the clause speaks of the future, and 'last'/'next' never mean the day itself", () => {
    const d = datesOf(
      {
        "a.txt": [
          "Talks",
          "",
          "The union will meet the employers on Thursday, a spokesman said on Tuesday.",
          "",
          "Negotiators last met on Wednesday.",
          "",
          "The two sides first talked last Tuesday.",
          "",
          "A vote is expected to take place next Tuesday.",
          "",
          "A ballot will be held on Monday and a rally was held on Sunday.",
          "",
        ].join("\n"),
      },
      { a: "2024-03-12" },
    );
    expect(d.a).toEqual([
      "on Thursday -> 2024-03-14",
      "on Tuesday -> 2024-03-12",
      "on Wednesday -> 2024-03-06",
      "last Tuesday -> 2024-03-05",
      "next Tuesday -> 2024-03-19",
      "on Monday -> 2024-03-18",
      "on Sunday -> 2024-03-10",
    ]);
  });

  it("give no date in an article without one, which contributes only explicit dates", () => {
    const d = datesOf(
      {
        "undated.txt": "Profile\n\nShe resigned on Friday after the vote.\n\nShe was elected in May 2012 and re-elected on 4 June 2016.\n\nTariffs rose in January and last year.\n",
      },
      { undated: null },
    );
    expect(d.undated).toEqual(["May 2012 -> 2012-05", "on 4 June 2016 -> 2016-06-04"]);
  });

  it("resolveWeekday: the latest such day on or before, the next for the future", () => {
    const tuesday = { year: 2020, month: 11, day: 10 };
    expect(resolveWeekday(tuesday, 1, null, false)).toEqual({ year: 2020, month: 11, day: 9 });
    expect(resolveWeekday(tuesday, 2, null, false)).toEqual(tuesday);
    expect(resolveWeekday(tuesday, 3, null, false)).toEqual({ year: 2020, month: 11, day: 4 });
    expect(resolveWeekday(tuesday, 3, null, true)).toEqual({ year: 2020, month: 11, day: 11 });
    expect(resolveWeekday(tuesday, 2, "last", false)).toEqual({ year: 2020, month: 11, day: 3 });
    expect(resolveWeekday(tuesday, 2, "next", false)).toEqual({ year: 2020, month: 11, day: 17 });
  });
});

describe("a month or a day without its year", () => {
  it("takes the year the weekday written with it fits, and looks ahead when the sentence is about what is due", () => {
    const d = datesOf(
      {
        "a.txt": "Rally\n\nThe rally held on Saturday, October 15, drew thousands.\n\nThe inspectors' report is due in August.\n",
      },
      { a: "2022-10-06" },
    );
    // Without the weekday, a past October 15 would be 2021's, a Friday.
    expect(d.a).toEqual(["on Saturday, October 15 -> 2022-10-15", "August -> 2023-08"]);
  });
});

describe("other relative dates", () => {
  it("count from the day of writing: years, months, weeks and days ago, yesterday, a month or day without a year", () => {
    const d = datesOf(
      {
        "a.txt": [
          "Flood",
          "",
          "Four years ago, the river burst its banks.",
          "",
          "The levee was inspected last month and again three weeks ago.",
          "",
          "Rain fell yesterday.",
          "",
          "The works began in November and will end on February 3.",
          "",
          "Residents were warned last week.",
          "",
        ].join("\n"),
      },
      { a: "2024-01-17" },
    );
    expect(d.a).toEqual([
      "Four years ago -> 2020",
      "last month -> 2023-12",
      "three weeks ago -> 2023-12-27",
      "yesterday -> 2024-01-16",
      "November -> 2023-11",
      "February 3 -> 2024-02-03",
      "last week -> 2024-01",
    ]);
  });

  it("count from the story's last date, skipping dates that only say when something was said", () => {
    const d = datesOf(
      {
        "a.txt": [
          "Rescue",
          "",
          "The climbers went missing last Saturday.",
          "",
          "Rescuers found their tent two days later, the police said on Tuesday.",
          "",
          "The first climber was flown out on Thursday, the team said on Friday.",
          "",
          "The second had been found the day before.",
          "",
          "He was arrested in March 2020 and charged three months later.",
          "",
        ].join("\n"),
      },
      { a: "2024-03-16" },
    );
    expect(d.a).toEqual([
      "last Saturday -> 2024-03-09",
      "two days later -> 2024-03-11",
      "on Tuesday -> 2024-03-12",
      "on Thursday -> 2024-03-14",
      "on Friday -> 2024-03-15",
      "the day before -> 2024-03-13",
      "March 2020 -> 2020-03",
      "three months later -> 2020-06",
    ]);
  });

  it("dates 'X came a day after Y' by another mention of X, or by Y's date", () => {
    const d = datesOf(
      {
        "a.txt": [
          "Strike",
          "",
          "The strike was called on Monday, the union said.",
          "",
          "The strike came a day after pay talks collapsed.",
          "",
          "Services resumed two days after the November 3 deal.",
          "",
        ].join("\n"),
      },
      { a: "2023-11-08" },
    );
    expect(d.a).toEqual(["on Monday -> 2023-11-06", "a day after -> 2023-11-06", "two days after -> 2023-11-05", "November 3 -> 2023-11-03"]);
  });

  it("leave words that are no dates alone: may, march, now, stretches of time, clock times", () => {
    const d = datesOf(
      {
        "a.txt": "Plans\n\nProtesters may march now. Prices rose over the past year and for several years before. In 27 years it never flooded. The count ended at 3 am.\n",
      },
      { a: "2024-05-02" },
    );
    expect(d.a).toEqual([]);
  });
});

describe("dates the reader used to misread", () => {
  it("reads the day named after a part of the day ('on the evening of Sunday, March 3'), and no second as a date ('for a second night on Tuesday')", () => {
    const d = datesOf(
      {
        "a.txt": "Kiln fire\n\nA caretaker smelled smoke on the evening of Sunday, March 3, as he locked the pottery.\n\nThe studio stayed shut for a second night on Tuesday while the roof was made safe.\n\nThe glaze store burned on the morning of March 1.\n",
      },
      { a: "2024-03-06" },
    );
    expect(d.a).toEqual(["Sunday, March 3 -> 2024-03-03", "Tuesday -> 2024-03-05", "March 1 -> 2024-03-01"]);
  });

  it("gives no date to a wait or a delay counted from an event, which is a rule or a forecast ('must wait 12 weeks after disinfection')", () => {
    // Other articles, so that the words of the event counted from are rare enough to find it by.
    const others = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n${i}.txt`, `Notice ${i}\n\nThe parish council met in the village hall to discuss item ${i}.\n`]));
    const d = datesOf(
      {
        "a.txt": [
          "Hatchery closed",
          "",
          "The hatchery tanks were drained and disinfected on Saturday.",
          "",
          "Under the licence, the hatchery must wait 12 weeks after disinfection.",
          "",
          "Orders would be delayed by up to six weeks after the tanks were disinfected, a supplier warned.",
          "",
          "The inspectors arrived two days after the tanks were disinfected.",
          "",
        ].join("\n"),
        ...others,
      },
      { a: "2024-05-08", ...Object.fromEntries(Object.keys(others).map((f) => [f.replace(".txt", ""), "2024-05-08"])) },
    );
    expect(d.a).toEqual(["on Saturday -> 2024-05-04", "two days after -> 2024-05-06"]);
  });
});

describe("wire datelines", () => {
  it("are the day the story was filed, not an event: 'HOLMWICK, May 9 (Coastline Wire) -' gives no date, the events after it do", () => {
    const d = datesOf(
      {
        "a.txt": "Pier fire\n\nHOLMWICK, May 9 (Coastline Wire) - Fire destroyed the end of Holmwick pier on Tuesday night.\n\nThe pier reopened in May 2021.\n",
        "b.txt": "Pier fire\n\nBrissel, Norland, Oct. 3 — Dockers at Brissel walked out on Monday.\n",
        "c.txt": "Pier fire\n\nHolmwick, the town council said on May 9, will rebuild the pier.\n",
      },
      { a: "2024-05-09", b: "2024-10-03", c: "2024-05-10" },
    );
    expect(d.a).toEqual(["on Tuesday night -> 2024-05-07", "May 2021 -> 2021-05"]);
    expect(d.b).toEqual(["on Monday -> 2024-09-30"]);
    // A date after a place but with no dash is the sentence's own.
    expect(d.c).toEqual(["May 9 -> 2024-05-09"]);
  });
});
