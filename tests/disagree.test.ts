/**
 * "Outlets differ": the figures a sentence states and when two outlets' figures cannot both be
 * true. Invented sentences, written for these tests; like is compared with like only.
 */
import { describe, expect, it } from "vitest";
import { disagreements, type Member } from "../src/disagree/compare.js";
import { consistent, figuresIn } from "../src/disagree/figures.js";
import { Engine } from "../src/engine.js";
import { NounNet } from "../src/text/wordnet.js";
import { writeCorpus } from "./helpers/temp-corpus.js";


const figures = (s: string) => figuresIn(s).map((f) => `${f.kind} ${f.key} ${f.bound} ${f.value} "${f.text}"`);
const members = (...sentences: string[]): Member[] => sentences.map((s, i) => ({ n: i + 1, figures: figuresIn(s) }));

describe("figures", () => {
  it("reads durations with their bounds, and counts with the noun they count", () => {
    expect(figures("Putin congratulated Trump two hours after the media declared him the winner.")).toEqual(['duration time exact 7200 "two hours after"']);
    expect(figures("He called within an hour, and rescuers took half an hour to arrive.")).toEqual(['duration time atMost 3600 "within an hour"', 'duration time exact 1800 "half an hour"']);
    expect(figures("The blast injured 14 people and about 400 metres of track.")).toEqual(['count peopl exact 14 "14 people"', 'count metr approx 400 "about 400 metres"']);
    expect(figures("Tariffs of 25 percent, a 20% levy and $5 million in aid.")).toEqual(['count percent exact 25 "25 percent"', 'count percent exact 20 "20%"', 'count dollar exact 5000000 "$5 million"']);
    expect(figures("Four of the nine miners were freed; twelve people waited.")).toEqual(['count miner exact 4 "Four of the nine miners"', 'count miner exact 9 "Four of the nine miners"', 'count peopl exact 12 "twelve people"']);
  });

  it("takes no year, ordinal, clock time, age or day of a date for a count", () => {
    expect(figures("In 2016 the 46th president arrived at 3 am on March 9, four years ago, aged 40.")).toEqual([]);
    expect(figures("A 40-year-old man was one of the first.")).toEqual([]);
  });

  it("reads 'a second tank' as no duration, but 'a second later' as one", () => {
    expect(figures("Engineers pumped the solvent into a second tank.")).toEqual([]);
    expect(figuresIn("The alarm sounded a second later.").map((f) => f.text)).toEqual(["a second later"]);
  });

  it("judges bounds and approximations, not wording", () => {
    expect(consistent({ value: 7200, bound: "exact" }, { value: 3600, bound: "atMost" })).toBe(false);
    expect(consistent({ value: 1800, bound: "exact" }, { value: 3600, bound: "atMost" })).toBe(true);
    expect(consistent({ value: 2000, bound: "approx" }, { value: 1850, bound: "exact" })).toBe(true);
    expect(consistent({ value: 2000, bound: "approx" }, { value: 1500, bound: "exact" })).toBe(false);
    expect(consistent({ value: 7, bound: "atMost" }, { value: 10, bound: "atMost" })).toBe(false);
    expect(consistent({ value: 100, bound: "atLeast" }, { value: 120, bound: "exact" })).toBe(true);
  });
});

describe("approximate figures", () => {
  const agree = (a: string, b: string) => {
    const [fa] = figuresIn(a);
    const [fb] = figuresIn(b);
    return consistent(fa!, fb!);
  };
  it("hold the values nearer them than the next round number: 'about 600 metres' is not 550, 'roughly 7,200 tickets' not 7,700", () => {
    expect(agree("buried about 600 metres down", "buried 550 metres down")).toBe(false);
    expect(agree("buried about 600 metres down", "buried 580 metres down")).toBe(true);
    expect(agree("sold roughly 7,200 tickets", "sold 7,700 tickets")).toBe(false);
    expect(agree("sold roughly 7,200 tickets", "sold 7,230 tickets")).toBe(true);
    expect(agree("employs about 90 nurses", "employs 80 nurses")).toBe(false);
    expect(agree("employs about 90 nurses", "employs 88 nurses")).toBe(true);
  });
  it("give a little however precisely written ('about 137 seats' may be 133), and never a tenth ('about 1,000 acres' is not 880)", () => {
    expect(agree("about 137 seats", "133 seats")).toBe(true);
    expect(agree("about 1,000 acres", "880 acres")).toBe(false);
    expect(agree("about 1,000 acres", "940 acres")).toBe(true);
    expect(agree("for about five hours", "for five hours")).toBe(true);
    expect(agree("for about 40 minutes", "for 30 minutes")).toBe(false);
  });
});

describe("disagreements", () => {
  it("flags a duration one outlet gives as two hours and another as within an hour", () => {
    const d = disagreements(
      members(
        "In 2016, Putin was one of the first to congratulate Trump, two hours after U.S. media declared him the winner.",
        "In 2016, Putin congratulated Trump within an hour after he was announced winner.",
      ),
    );
    expect(d).toEqual([{ kind: "duration", values: [{ text: "two hours after", citations: [1] }, { text: "within an hour after", citations: [2] }] }]);
  });

  it("flags counts of the same noun, and groups outlets that agree", () => {
    const d = disagreements(
      members("The ferry collided with a cargo ship, injuring 14 people.", "The ferry hit a cargo ship, injuring twelve people.", "Fourteen people were hurt when the ferry hit a ship."),
    );
    expect(d).toEqual([{ kind: "count", values: [{ text: "14 people", citations: [1, 3] }, { text: "twelve people", citations: [2] }] }]);
  });

  it("never flags wording alone, different nouns, or a sentence that gives two figures of the noun", () => {
    expect(disagreements(members("Twelve people were injured.", "12 people were injured on the ferry."))).toEqual([]);
    expect(disagreements(members("Three miners were injured in a fire.", "A fire injured three workers."))).toEqual([]);
    expect(disagreements(members("Three miners were hurt and 40 boats sank.", "Forty-one boats sank, the harbour said."))).toEqual([
      { kind: "count", values: [{ text: "40 boats", citations: [1] }, { text: "Forty-one boats", citations: [2] }] },
    ]);
    expect(disagreements(members("Four of the nine miners were freed on Wednesday.", "Four miners had been freed the day before."))).toEqual([]);
    expect(disagreements(members("About 2,000 residents left.", "Some 1,900 residents left."))).toEqual([]);
    expect(disagreements(members("The talks lasted two hours."))).toEqual([]);
  });

  it("flags dates that cannot be the same day, and lets a year meet the day it contains", () => {
    const day = (year: number, month: number | null, dayOf: number | null, text: string, relative = false) => ({ date: { year, month, day: dayOf }, text, relative });
    const flagged = disagreements([
      { n: 1, figures: [], date: day(2024, 3, 11, "on Monday", true) },
      { n: 2, figures: [], date: day(2024, 3, 12, "on Tuesday", true) },
      { n: 3, figures: [], date: day(2024, 3, 11, "March 11") },
    ]);
    expect(flagged).toEqual([{ kind: "date", values: [{ text: "on Monday (Mon 11 Mar 2024)", citations: [1, 3] }, { text: "on Tuesday (Tue 12 Mar 2024)", citations: [2] }] }]);
    expect(disagreements([{ n: 1, figures: [], date: day(2016, null, null, "2016") }, { n: 2, figures: [], date: day(2016, 11, 9, "November 9, 2016") }])).toEqual([]);
  });
});

describe("ask --json disagreements", () => {
  it("are computed over the lead and its corroborating citations, without changing what is cited", () => {
    const dir = writeCorpus({
      "a.txt": "Ferry crash\n\nThe ferry Northern Star collided with a cargo ship in Port Alder harbour on Saturday, injuring 14 people.\n",
      "b.txt": "Ferry collision\n\nThe ferry Northern Star collided with a cargo ship in Port Alder harbour on Saturday, injuring 12 people.\n",
      "sources.json": JSON.stringify({ a: { outlet: "Courier", published: "2024-03-11" }, b: { outlet: "Wire", published: "2024-03-12" } }),
    });
    const engine = Engine.fromDir(dir);
    const r = engine.ask("how many people were injured when the ferry collided");
    expect(r.citations.map((c) => [c.articleId, c.sameAs])).toEqual([
      ["a", null],
      ["b", 1],
    ]);
    expect(r.disagreements).toEqual([{ kind: "count", values: [{ text: "14 people", citations: [1] }, { text: "12 people", citations: [2] }] }]);
    // Both outlets' "on Saturday" is Saturday 9 March: no date flag although the articles' dates differ.
    expect(r.disagreements.some((d) => d.kind === "date")).toBe(false);
  });
});

describe("timeline rows of one event told in different words", () => {
  it("groups two outlets' counts of one thing on one day when the same word governs them, and flags the counts", () => {
    const dir = writeCorpus({
      "a.txt": "Chemical leak\n\nFirefighters evacuated 230 residents from homes along Mill Lane and Weir Street on Tuesday afternoon as a cloud drifted over the town.\n",
      "b.txt": "Leak clean-up\n\nCrews evacuated 260 residents from the streets around the plant on Tuesday afternoon.\n",
      "c.txt": "Leak follow-up\n\nThe spill spread five kilometres downstream on Wednesday, and anglers found dead fish 20 kilometres away on Wednesday evening.\n",
      "sources.json": JSON.stringify({ a: { published: "2023-05-12" }, b: { published: "2023-05-15" }, c: { published: "2023-05-15" } }),
    });
    const events = Engine.fromDir(dir).timeline().events;
    const row = events.find((e) => e.citations.length === 2);
    expect(row?.date).toBe("2023-05-09");
    expect(row?.disagreements).toEqual([{ kind: "count", values: [{ text: "230 residents", citations: [1] }, { text: "260 residents", citations: [2] }] }]);
    expect(events.filter((e) => e.disagreements.length > 0)).toHaveLength(1);
  });
});

describe("like figures across differently worded reports", () => {
  const corpus = (files: Record<string, string>, published: Record<string, string>) =>
    Engine.fromDir(writeCorpus({ ...files, "sources.json": JSON.stringify(Object.fromEntries(Object.entries(published).map(([id, p]) => [id, { outlet: id.toUpperCase(), published: p }]))) }));

  it("cites another outlet's undated sentence on the dated row when its figure of the same thing differs", () => {
    const events = corpus(
      {
        "a.txt": "Warehouse fire\n\nA fire broke out at a paper warehouse on the Ashby estate on Thursday evening and burned for six hours before crews brought it under control.\n",
        "b.txt": "Fire took nine hours\n\nFirefighters needed nearly nine hours to bring the Ashby warehouse fire under control.\n\nThe owner thanked the crews.\n",
      },
      { a: "2025-03-07", b: "2025-03-08" },
    ).timeline().events;
    const row = events.find((e) => e.citations.some((c) => c.excerpt.includes("nine hours")));
    expect(row?.date).toBe("2025-03-06");
    expect(row?.citations.map((c) => c.articleId)).toEqual(["a", "b"]);
    expect(row?.disagreements).toEqual([{ kind: "duration", values: [{ text: "six hours before", citations: [1] }, { text: "nearly nine hours", citations: [2] }] }]);
  });

  it("compares the figure of a wire story's first sentence, whose dateline is no second date of it", () => {
    const events = corpus(
      {
        "a.txt": "Flats evacuated\n\nPolice evacuated 60 residents from Orme House in Lydstep after a boiler exploded on Friday night.\n",
        "b.txt": "Boiler blast\n\nLYDSTEP, Aug. 4 (Westway Wire) - About 90 residents were moved out of Orme House, a tower block in Lydstep, after the explosion on Friday night.\n",
      },
      { a: "2025-08-02", b: "2025-08-04" },
    ).timeline().events;
    expect(events.flatMap((e) => e.disagreements.map((d) => `${d.kind}: ${d.values.map((v) => v.text).join(" / ")}`))).toContain("count: 60 residents / About 90 residents");
  });

  it("gives two undated differing figures a row of their own at the story's time, saying so", () => {
    const events = corpus(
      {
        "a.txt": "Ferry aground\n\nThe ferry Lorne Isle ran aground outside Skerra harbour on Friday evening.\n\nDivers found a two-metre gash in the hull, the operator said.\n",
        "b.txt": "Ferry repairs\n\nThe Lorne Isle was towed to Port Arden on Sunday.\n\nThe hull was found to have a three-metre gash below the waterline.\n",
      },
      { a: "2024-10-05", b: "2024-10-14" },
    ).timeline().events;
    const row = events.find((e) => e.disagreements.length > 0);
    expect(row?.citations.map((c) => c.excerpt)).toEqual(["Divers found a two-metre gash in the hull, the operator said.", "The hull was found to have a three-metre gash below the waterline."]);
    expect(row?.date).toBe("2024-10-04");
    expect(row?.read_as).toMatch(/^not dated: told after 'on Friday evening'/);
    expect(row?.disagreements.map((d) => d.kind)).toEqual(["count"]);
  });

  it("compares each outlet's figure with one figure of the other outlet only, and never figures of different sizes or days", () => {
    const events = corpus(
      {
        "a.txt": "Search\n\nThe mountain rescue team began searching on Sunday with 52 volunteers.\n\nIn all, 210 volunteers from six rescue teams took part in the four-day search.\n\nThe trust ran an eight-week consultation from October 3, 2022.\n",
        "b.txt": "Found\n\nOn Sunday, the first day of the search, 38 volunteers combed the lower slopes.\n\nIn all, 180 volunteers took part in the search.\n\nAn ambulance took 35 minutes to reach the hospital last October.\n",
      },
      { a: "2024-08-13", b: "2024-08-15" },
    ).timeline().events;
    const flags = events.flatMap((e) => e.disagreements.map((d) => d.values.map((v) => v.text).join(" / ")));
    expect(flags.sort()).toEqual(["210 volunteers / 180 volunteers", "52 volunteers / 38 volunteers"]);
  });
});

describe("like dates across differently worded reports", () => {
  const corpus = (files: Record<string, string>, published: Record<string, string>) =>
    Engine.fromDir(writeCorpus({ ...files, "sources.json": JSON.stringify(Object.fromEntries(Object.entries(published).map(([id, p]) => [id, { outlet: id.toUpperCase(), published: p }]))) }));
  const dateFlags = (events: ReturnType<Engine["timeline"]>["events"]) => [
    ...new Set(events.flatMap((e) => e.disagreements.filter((d) => d.kind === "date").map((d) => d.values.map((v) => v.text).join(" / ")))),
  ];

  it("flags one event two outlets date differently in other words, citing both on each date's row", () => {
    const events = corpus(
      {
        "a.txt": "Ferry freed\n\nThe Lorne Isle ran aground near Skerra on Friday evening.\n\nA salvage team refloated the ferry on Sunday at high tide, and it was towed to Port Arden.\n",
        "b.txt": "Ferry repairs\n\nThe Lorne Isle ran aground near Skerra on October 4.\n\nThe ship was refloated on October 5 and towed to Port Arden for repairs.\n",
      },
      { a: "2024-10-07", b: "2024-10-14" },
    ).timeline().events;
    const rows = events.filter((e) => e.citations.some((c) => c.excerpt.includes("refloated")));
    expect(rows.map((r) => r.date).sort()).toEqual(["2024-10-05", "2024-10-06"]);
    for (const r of rows) expect(r.citations.map((c) => c.articleId).sort()).toEqual(["a", "b"]);
    expect(dateFlags(events).sort()).toEqual(["October 5 (Sat 5 Oct 2024) / on Sunday (Sun 6 Oct 2024)", "on Sunday (Sun 6 Oct 2024) / October 5 (Sat 5 Oct 2024)"]);
  });

  it("leaves alone an outlet that tells of the event on the other's date and again on another day", () => {
    const events = corpus(
      {
        "a.txt": "Search\n\nVolunteers searched the lower slopes of Greyfell on Saturday.\n",
        "b.txt": "Hiker found\n\nThe hiker was reported missing on Friday.\n\nVolunteers searched the lower slopes of Greyfell on Saturday morning.\n\nVolunteers searched the lower slopes of Greyfell again on Sunday.\n",
      },
      { a: "2024-08-11", b: "2024-08-14" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });

  it("never takes a later act on the same people for the event they were part of ('airlifted 14 walkers ... on Thursday' / 'airlifted walkers ... went home last Saturday')", () => {
    const events = corpus(
      {
        "a.txt": "Moor rescue\n\nThe fog came down over Harker Moor on Thursday.\n\nMountain rescuers airlifted 14 walkers from the ridge above Harker Tarn on Thursday evening.\n",
        "b.txt": "Walkers home\n\nThe moor reopened to walkers this week.\n\nAirlifted walkers from the ridge above Harker Tarn went home last Saturday, though several said they would not return.\n",
      },
      { a: "2024-09-13", b: "2024-09-19" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });

  it("still flags one act told with different verbs by the two outlets ('entered the burned-out shop on Friday' / 'first went inside the shop on Monday')", () => {
    const events = corpus(
      {
        "a.txt": "Shop fire\n\nA fire gutted a bakery on Quay Street on Tuesday night.\n\nFire investigators entered the burned-out bakery for the first time on Friday, once the roof had been propped.\n",
        "b.txt": "Bakery cause\n\nThe Quay Street bakery fire started in a faulty oven, investigators said.\n\nInvestigators first went inside the bakery on March 17, once engineers had declared the building safe.\n",
      },
      { a: "2025-03-15", b: "2025-03-25" },
    ).timeline().events;
    expect(dateFlags(events).length).toBeGreaterThan(0);
  });

  it("never flags a plan that went otherwise", () => {
    const events = corpus(
      {
        "a.txt": "Collision\n\nThe ferry Northern Star collided with a cargo ship on Saturday.\n\nServices on the route are expected to resume on Thursday.\n",
        "b.txt": "Ferry back\n\nFerry services resumed on Friday, a day later than the operator had planned.\n",
      },
      { a: "2024-03-12", b: "2024-03-16" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });

  it("never flags two outlets' leads written on different days: each tells its day's news", () => {
    const events = corpus(
      {
        "a.txt": "Schools shut\n\nBrackwater's public schools were closed for a second day on Wednesday after a ransomware attack locked staff out of the district's computer systems.\n",
        "b.txt": "Schools reopen\n\nBrackwater's eleven public schools reopened on Monday after a ransomware attack that kept students at home for four school days.\n",
      },
      { a: "2024-02-07", b: "2024-02-16" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });
});

describe("dates of what was said", () => {
  const corpus = (files: Record<string, string>, published: Record<string, string>) =>
    Engine.fromDir(writeCorpus({ ...files, "sources.json": JSON.stringify(Object.fromEntries(Object.entries(published).map(([id, p]) => [id, { outlet: id.toUpperCase(), published: p }]))) }));
  const dateFlags = (events: ReturnType<Engine["timeline"]>["events"]) => [
    ...new Set(events.flatMap((e) => e.disagreements.filter((d) => d.kind === "date").map((d) => d.values.map((v) => v.text).join(" / ")))),
  ];

  it("are compared with another outlet's date of the same saying: 'announced on Friday' / 'announced a review ... on Thursday'", () => {
    const events = corpus(
      {
        "a.txt": "Tram review\n\nThe city tramway has run over budget since it opened in 2019.\n\nMayor Ines Calloway announced an independent review of the tramway contract on Thursday, citing rising costs.\n",
        "b.txt": "Tram costs\n\nFares on the tramway rose by a fifth this month.\n\nThe independent review of the tramway contract, announced on Friday by Mayor Ines Calloway, will report in the spring.\n",
      },
      { a: "2024-06-08", b: "2024-06-20" },
    ).timeline().events;
    expect(dateFlags(events).length).toBeGreaterThan(0);
  });

  it("in the same words on different days are two statements, not one event on disputed dates", () => {
    const events = corpus(
      {
        "a.txt": "Pit fall\n\nA climber fell into a disused mine shaft near Orlby.\n\nThe climber remains in a serious condition at Orlby Infirmary, a hospital spokesman said on Tuesday.\n",
        "b.txt": "Shaft rescue\n\nRescuers winched the climber out of the shaft.\n\nThe climber remains in a serious condition at Orlby Infirmary, the hospital said on Friday.\n",
      },
      // Each outlet's statement of its own day.
      { a: "2024-06-11", b: "2024-06-14" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });

  it("are never compared with the date of what happened: 'police said on Monday' / 'police arrested the driver on Sunday'", () => {
    const events = corpus(
      {
        "a.txt": "Crash\n\nA van hit a bus shelter on the Dunmere ring road.\n\nPolice in Dunmere said on Monday that the driver would appear in court next month.\n",
        "b.txt": "Crash arrest\n\nNo one at the bus shelter was hurt.\n\nPolice in Dunmere arrested the van driver on Sunday.\n",
      },
      { a: "2024-06-11", b: "2024-06-12" },
    ).timeline().events;
    expect(dateFlags(events)).toEqual([]);
  });
});

describe("count nouns that count the same kind of thing", () => {
  const net = NounNet.open()!;

  it("links one synset, a kind and what it is a kind of, and a collective noun written as is with its members", () => {
    expect(net.alike("pupils", "students")).toBe(true);
    expect(net.alike("hens", "chickens")).toBe(true);
    expect(net.alike("lorries", "trucks")).toBe(true);
    expect(net.alike("passengers", "people")).toBe(true);
    expect(net.alike("people", "staff")).toBe(true);
  });

  it("keeps apart things that only sit side by side, units of one measure, and groups counted as groups", () => {
    expect(net.alike("residents", "homes")).toBe(false);
    expect(net.alike("passengers", "crew")).toBe(false);
    expect(net.alike("metres", "kilometres")).toBe(false);
    expect(net.alike("hectares", "acres")).toBe(false);
    expect(net.alike("families", "people")).toBe(false);
  });

  it("flags one count two outlets give under alike nouns on the timeline", () => {
    const dir = writeCorpus({
      "a.txt": "Ferry aground\n\nThe ferry ran aground outside Skerra harbour on Friday evening.\n\nFour people were treated for minor injuries at the scene.\n",
      "b.txt": "Ferry inquiry\n\nThe ferry was refloated on Sunday.\n\nSeven passengers were treated by paramedics for minor injuries.\n",
      "sources.json": JSON.stringify({ a: { outlet: "A", published: "2024-10-05" }, b: { outlet: "B", published: "2024-10-07" } }),
    });
    const flags = Engine.fromDir(dir)
      .timeline()
      .events.flatMap((e) => e.disagreements.map((d) => `${d.kind}: ${d.values.map((v) => v.text).join(" / ")}`));
    expect(flags).toEqual(["count: Four people / Seven passengers"]);
  });
});
