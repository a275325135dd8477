/**
 * An invented news story, told by four invented outlets, for the ask tests: the method must work
 * beyond the five seed articles. Three outlets carry one wire sentence in near-identical words;
 * the rest add facts of their own (a reason, a date, a number, quotes, a cost).
 */
import { buildArticle } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { PassageIndex } from "../../src/search/passage-index.js";

export const STORY_FILES: Record<string, string> = {
  "ledger.txt": `Marrowfield delays reopening of Larkspur Bridge

The Marrowfield port authority has postponed the reopening of the Larkspur Bridge until inspectors finish a new round of safety checks, officials said on Thursday.

Engineers found hairline cracks in two steel supports during a routine survey in March, according to the authority's chief engineer, Tomasz Wielgosz.

"We will not reopen a bridge that we cannot vouch for," Wielgosz told reporters. "The cracks are small, but small cracks grow."

The bridge carries about 41,000 vehicles a day and has been closed since February 12.

Mayor Ines Okafor said the city would pay for free shuttle buses across the river until the bridge reopens.

Share this article

Subscribe now for $1 a week
`,
  "courier.txt": `Bridge stays shut as safety checks go on

The Marrowfield port authority has postponed the reopening of the Larkspur Bridge until inspectors complete a new round of safety checks, officials said Thursday.

Chief engineer Tomasz Wielgosz said the delay was necessary because engineers had found hairline cracks in two steel supports.

Local businesses on the east bank say the closure has cut their sales by nearly a third.

Shop owner Dana Pryce said: "We are losing customers every week the bridge stays shut."

The authority expects to announce a new reopening date in June.
`,
  "northline.txt": `Larkspur Bridge reopening put off

Marrowfield's port authority postponed the reopening of the Larkspur Bridge until inspectors finish a new round of safety checks, officials said on Thursday.

The decision came after engineers found hairline cracks in two steel supports.

Mayor Ines Okafor criticised the authority for announcing the delay without consulting the city council.

"People found out from the news, and that is not acceptable," she said.

The council will debate the closure at its meeting on May 3.
`,
  "coastal.txt": `Larkspur repairs could cost 14 million euros

Repairs to the Larkspur Bridge could cost as much as 14 million euros, the port authority estimated on Friday.

The authority said it would ask the national government to cover half of the cost.

Wielgosz wrote in a letter to the council that the repairs would take at least eight weeks.
`,
};

export const STORY_MANIFEST = {
  ledger: { url: "https://ledger.example/marrowfield/larkspur-bridge-delay", outlet: "Harbor Ledger", published: "2031-04-08" },
  courier: { url: "https://courier.example/news/bridge-stays-shut", outlet: "Valley Courier", published: "2031-04-08" },
  northline: { outlet: "Northline News", published: "2031-04-09" },
  coastal: { url: "https://coastal.example/larkspur-repairs-cost?id=7&src=wire", outlet: "Coastal Wire", published: "2031-04-10" },
};

/** The story as a corpus folder's files (articles plus sources.json). */
export function storyFolderFiles(): Record<string, string> {
  return { ...STORY_FILES, "sources.json": JSON.stringify(STORY_MANIFEST, null, 2) };
}

export function storyArticles(): Article[] {
  return Object.entries(STORY_FILES).map(([file, text]) => {
    const id = file.replace(/\.txt$/, "");
    const meta = STORY_MANIFEST[id as keyof typeof STORY_MANIFEST];
    return buildArticle(id, file, text, { url: null, ...meta });
  });
}

export function storyIndex(): PassageIndex {
  return new PassageIndex(storyArticles());
}
