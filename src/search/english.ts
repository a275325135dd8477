/**
 * Small, general English word knowledge for the analyzer: irregular inflections that a suffix
 * stemmer cannot undo ("wrote" is not "write" to Porter), and British spellings folded onto
 * American ones so that "criticised" and "criticized" meet. Nothing here is about any article.
 */

/**
 * Irregular verb forms as "base past participle" (participle omitted when equal to the past),
 * plus a few irregular plurals. Forms that are more often another word in news copy ("left",
 * "lay", "rose", "ground", "wound", "bound", "bit") are left out on purpose.
 */
const IRREGULAR_SOURCE = `
arise arose arisen|awake awoke awoken|be was been|bear bore borne|beat beat beaten|become became become
begin began begun|bend bent|bet bet|bind bound|bleed bled|blow blew blown|break broke broken
breed bred|bring brought|broadcast broadcast|build built|burn burnt|buy bought|catch caught
choose chose chosen|cling clung|come came come|cost cost|creep crept|cut cut|deal dealt|dig dug
draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt
fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forecast forecast
foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen
get got gotten|give gave given|go went gone|grow grew grown|hang hung|have had|hear heard|hide hid hidden
hold held|hurt hurt|keep kept|kneel knelt|know knew known|lead led|lean leant|leap leapt|learn learnt
lend lent|lose lost|make made|mean meant|meet met|mislead misled|mistake mistook mistaken
overcome overcame overcome|oversee oversaw overseen|overtake overtook overtaken
overthrow overthrew overthrown|pay paid|prove proved proven|quit quit|ride rode ridden|ring rang rung
rise rose risen|run ran run|say said|see saw seen|seek sought|sell sold|send sent|set set|sew sewed sewn
shake shook shaken|shine shone|shoot shot|show showed shown|shrink shrank shrunk|shut shut|sing sang sung
sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|speed sped|spend spent|spin spun
spread spread|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|stride strode stridden
strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung
take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|understand understood
undergo underwent undergone|undertake undertook undertaken|uphold upheld|upset upset|wake woke woken
wear wore worn|weep wept|win won|withdraw withdrew withdrawn|withhold withheld|withstand withstood
write wrote written|man men|woman women|child children|foot feet|tooth teeth|mouse mice|goose geese
`;

/** Forms kept in the table for completeness but too often another word ("a rose", "a bore"). */
const AMBIGUOUS_FORMS: ReadonlySet<string> = new Set(["bound", "rose", "bore"]);

/** Irregular form to its base word, e.g. "wrote" to "write". Bases map to themselves implicitly. */
export const IRREGULAR: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of IRREGULAR_SOURCE.split(/[|\n]/)) {
    const [base, ...forms] = entry.trim().split(/\s+/);
    if (!base) continue;
    for (const f of forms) if (f !== base && !AMBIGUOUS_FORMS.has(f)) map.set(f, base);
  }
  return map;
})();

/** A few spelling pairs that no suffix rule covers. */
const SPELLING_WORDS: ReadonlyMap<string, string> = new Map([
  ["defence", "defense"],
  ["offence", "offense"],
  ["licence", "license"],
  ["pretence", "pretense"],
  ["programme", "program"],
  ["programmes", "programs"],
  ["grey", "gray"],
  ["cheque", "check"],
  ["cheques", "checks"],
]);

/**
 * British spellings onto American ones (-ise/-yse to -ize/-yze, -our to -or, -tre to -ter,
 * -ogue to -og). Applied to index and query alike, so over-application is harmless: both sides
 * are rewritten the same way.
 */
export function americanSpelling(w: string): string {
  const whole = SPELLING_WORDS.get(w);
  if (whole) return whole;
  if (w.length < 5) return w;
  return w
    .replace(/^(\p{L}{3,})is(e|ed|es|ing|ation|ations|er|ers)$/u, "$1iz$2")
    .replace(/^(\p{L}{2,})ys(e|ed|es|ing)$/u, "$1yz$2")
    .replace(/^(\p{L}{2,}[^aeiou\P{L}])our(s|ed|ing|ite|ites|able|ably|er|ers|less)?$/u, "$1or$2")
    .replace(/^(\p{L}{2,}[^aeiou\P{L}])(t|b)re(s|d)?$/u, "$1$2er$3")
    .replace(/^(\p{L}{3,})ogue(s)?$/u, "$1og$2");
}
