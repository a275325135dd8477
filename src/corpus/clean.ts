/**
 * Tells article prose from page furniture (menus, share buttons, captions, credits, pitches,
 * comment forms, keyword lines). Rules look at a paragraph's shape and wording, the way any news
 * page is built, never at the names of particular sites. Cleaning only classifies spans; it
 * never edits text.
 */
import type { Furniture, Span } from "./types.js";

/** Prose ends like a sentence: terminal punctuation, maybe closing quotes or brackets. */
const ENDS_LIKE_PROSE = /[.!?…:]["”’')\]]*$/;

/** Photo and image credits: agency credits, Creative Commons lines, "Photo: ...", "| Reuters". */
const CREDIT = [
  /\bvia (?:Getty|Shutterstock|AP|AFP|Reuters|Wikimedia)\b/i,
  /\((?:CC|Creative Commons)[ -]BY[^)]*\)/i,
  /^(?:photo|image|picture|illustration|file photo|credit)s?\s*(?:credit)?\s*[:|]/i,
  /\b(?:photo|image|picture)s?\s+(?:by|courtesy of)\s+\p{Lu}/iu,
  /\|\s*(?:Reuters|AP|AFP|Getty Images|EPA|Shutterstock|File|Photo)\s*$/i,
  /\/(?:AFP|AP|Reuters|EPA|Getty Images|Bloomberg)\b/,
  // A credit closing a caption: "... on Monday. Image: Name", "... home (Photo: Name)".
  // (No `i` flag: with it, \p{Lu} would match lower case too, and a credit names someone.)
  /(?:[.!?]\s+|\(\s*)(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|PHOTO|IMAGE|PICTURE|CREDIT)[sS]?\s*:\s*\p{Lu}[^.!?]*$/u,
  // Broadcasters' caption labels: "Image caption, ...", "Image source, ...".
  /^(?:image|photo|video|media) (?:caption|source|credit)\b/i,
];

/** Calls to action and site chrome: comment forms, sharing, subscriptions, newsletters. */
const CALL_TO_ACTION = [
  /\b(?:click|tap) here\b/i,
  /\bleave a (?:reply|comment)\b/i,
  /\b(?:please )?enter your (?:comment|name|email|e-mail)\b/i,
  /\byour (?:email|e-mail)(?: address)? will not be published\b/i,
  /\b(?:sign up|subscribe|subscription|newsletter)\b/i,
  /\bshare (?:to|this|on|with) (?:friends|facebook|twitter|whatsapp|your)\b/i,
  /\bjoin (?:our|now|us)\b/i,
  /\bfollow (?:us|this link)\b/i,
  /\ball rights reserved\b/i,
  /\b(?:read|see) (?:more|also)\s*:/i,
  /\b(?:download|get) (?:our|the) app\b/i,
  /\b(?:support|be part of) (?:our |quality |independent )?journalism\b/i,
  /\bad-free\b/i,
  // Log-in walls, comment prompts, tip lines, inbox pitches.
  /\b(?:log ?in|sign in|register) to (?:comment|continue|read)\b/i,
  /\bhave your say\b/i,
  /\bshare your (?:thoughts|views|comments|opinion)\b/i,
  /\b(?:in the )?comments(?: section)? below\b/i,
  /\bgot a (?:story|news tip|tip)\b/i,
  /^(?:e-?mail|contact) us\b/i,
  /\b(?:delivered|straight) to your inbox\b/i,
];

/**
 * Notices about the page rather than the news: cookie and consent banners, wire service lines,
 * copyright and reuse notices, timestamps, keyword lines, contributor and contact lines.
 */
const PAGE_NOTICE = [
  // Cookie and consent banners.
  /\b(?:we|our partners|this (?:site|website)) uses? cookies\b/i,
  /\bcookies and similar technologies\b/i,
  /\bcookie (?:policy|settings|preferences|notice)\b/i,
  /\b(?:our|the site's) (?:privacy (?:policy|notice)|terms (?:of (?:use|service)|and conditions)|cookie policy)\b/i,
  /\b(?:you(?:'ve|’ve| have) consented to|unsubscribe at any time|by (?:signing up|subscribing|continuing|clicking))\b/i,
  // Wire and agency service lines: credits, standards notes, licensing and reuse notices.
  /^our (?:editorial )?(?:standards|guidelines|values)\s*:/i,
  /\btrust principles\b/i,
  /\bacquire licensing rights\b/i,
  /\bmay not be (?:published|reproduced|copied|broadcast)(?:,| or) (?:broadcast|distributed|rewritten|redistributed|transmitted)\b/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\s*©?\s*\d{4})/i,
  // Keyword and tag lines, even when they end in a period.
  /^(?:topics|tags|keywords|related topics|filed under)\s*:/i,
  // Notes about the page rather than the news: "This article was first published on ...".
  /^this (?:article|story|piece) (?:was|has been) (?:first |originally )?(?:published|updated|amended)\b/i,
  // Timestamps: "Published 14:02 GMT, 3 May", "Updated: 3 May 2031.", a date or time right after
  // the word (prose says "Published in 1851, the novel ...").
  /^(?:published|updated|last updated|posted|first published|last modified)\s*:?\s*(?:on\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[^!?]{0,60}?(?:\d{1,2}[:.]\d{2}|\b\d{4}\b)/i,
  /\bcontributed to this (?:report|story|article)\b/i,
  /^(?:contact|e-?mail|reach) (?:the )?(?:reporter|writer|author|editor|columnist|us)\b/i,
];

/**
 * A wire credit line: "Reporting by A; Editing by B", "(Writing by C)". Only as a paragraph of
 * its own that reads like a list of credits, since prose may begin "Reporting by ...".
 */
const CREDIT_LINE = /^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|written|translated|research)(?: and [a-z]+)? by /i;
const UPPER_START = /^\p{Lu}/u;

function isCreditLine(text: string): boolean {
  const m = CREDIT_LINE.exec(text);
  // A name follows the "by" (checked without the `i` flag, which would let any letter pass).
  if (!m || !UPPER_START.test(text.slice(m[0].length, m[0].length + 2))) return false;
  return CREDIT_LIST.test(text) || atMostWords(text, 12);
}
const CREDIT_LIST = /;|\b(?:editing|edited|writing|additional reporting) by\b|^\(/i;

/**
 * An author bio: a name, then "is a (senior) reporter ..." or "covers ...". Bios sit at the foot
 * of the page; the same wording about a journalist in the news is prose, so position decides
 * (see `classifyParagraphs`).
 */
const AUTHOR_BIO =
  /^(?!(?:The|A|An|This|That|Its|His|Her|Their)\s)(?:\p{Lu}\p{Ll}[\p{L}'’-]*\s+){2,3}(?:is (?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|producer|photographer|critic)\b|(?:covers|writes about|reports on)\s)/u;

/** A price in a pitch: "Rs 100", "$4.99/month", "€5 per month". */
const PRICE = /(?:\b(?:Rs|INR|USD|EUR|GBP)\.?\s?\d|[$€£₹]\s?\d)/;

/** Calls to action count only in short paragraphs: long prose may mention a newsletter. */
const SHORT_WORDS = 45;

function normalizeForRepeat(s: string): string {
  // NFKC leaves plain ASCII as it is; skipping it saves most of the cost on long English text.
  const folded = /[^\t-~]/.test(s) ? s.normalize("NFKC") : s;
  return folded.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();
}

/** Captions and credit lines are at most this long. */
const CAPTION_WORDS = 80;

/** Sentence ends inside a paragraph: terminal punctuation, closers, space, a capital. */
const INNER_SENTENCE_END = /[.!?]["”’')\]]*\s+["“‘(]?\p{Lu}/gu;

/**
 * A long paragraph of several full sentences whose last line lost its punctuation (a pasted
 * table, a truncated export) is prose with a ragged end, not a menu or a headline: dropping it
 * would drop a whole article when the file is one paragraph.
 */
function isRaggedProse(text: string, short: boolean): boolean {
  if (short) return false;
  let ends = 0;
  for (const _ of text.matchAll(INNER_SENTENCE_END)) if (++ends >= 3) return true;
  return false;
}

/** `wordCount(s) <= max`, without splitting a long paragraph to find out. */
function atMostWords(s: string, max: number): boolean {
  const word = /\S+/g;
  let n = 0;
  while (word.exec(s)) if (++n > max) return false;
  return true;
}

/**
 * Each credit pattern with a cheap pattern every match of it also matches: the Unicode-aware,
 * case-insensitive patterns are slow on a long paragraph, and most paragraphs fail the cheap one.
 */
const CREDIT_HINTS = new Map<RegExp, RegExp>([
  [CREDIT[0]!, /via /i],
  [CREDIT[1]!, /\(c/i],
  [CREDIT[3]!, /(?:photo|image|picture)s?\s+(?:by|courtesy)/i],
  [CREDIT[6]!, /(?:photo|image|picture|credit)s?\s*:/i],
]);
const isCredit = (text: string) => CREDIT.some((re) => (CREDIT_HINTS.get(re)?.test(text) ?? true) && re.test(text));

/** Why a paragraph is furniture by its own shape and wording, or null when it reads as prose. */
export function furnitureReason(paragraph: string): string | null {
  const text = paragraph.trim();
  if (!/\p{L}/u.test(text)) return "no words";
  // Captions are short: a long paragraph that mentions a photo credit is still prose.
  if (atMostWords(text, CAPTION_WORDS) && isCredit(text)) return "photo credit";
  const short = atMostWords(text, SHORT_WORDS);
  if (short && CALL_TO_ACTION.some((re) => re.test(text))) return "call to action";
  // Notices and credit lines matter only where they end like a sentence: without a full stop they
  // are furniture anyway, and a scraped page has thousands of such lines to spare the patterns.
  const endsLikeProse = ENDS_LIKE_PROSE.test(text);
  if (short && endsLikeProse && PAGE_NOTICE.some((re) => re.test(text))) return "page notice";
  if (short && endsLikeProse && isCreditLine(text)) return "credit line";
  // A bare price is a pitch ("Rs 100", "£4.99 a month"); a sentence with a price is news.
  if (atMostWords(text, 8) && PRICE.test(text)) return "price";
  if (!endsLikeProse && !isRaggedProse(text, short)) return "no sentence punctuation";
  if (atMostWords(text, 2)) return "too short for prose";
  return null;
}

/** Quoted words, which speak for whoever is quoted rather than for the page. */
const QUOTED = /["“][^"”]*["”]/g;
/** The page talking about itself or to its reader: we, our, us, you, your. */
const FIRST_OR_SECOND_PERSON = /\b(?:we|our|us|you|your)\b/i;

/**
 * Does a paragraph speak for the publisher or to the reader, outside any quotation? A pitch's
 * body does ("we still do it", "your support"); a news paragraph the page put between two
 * widgets ("The council said it would ...") does not, and must stay.
 */
function speaksForThePage(paragraph: string): boolean {
  return FIRST_OR_SECOND_PERSON.test(paragraph.replace(QUOTED, " "));
}

/** A labelled or question headline, as in a list of links: "Drought map: Which ... dry?" */
const HEADLINE_LABEL = /^[\p{L}\d'’ -]{1,30}:\s+\p{Lu}/u;
const ENDS_WITH_QUESTION = /\?["”’')\]]*$/;

function isHeadlineShaped(paragraph: string): boolean {
  return atMostWords(paragraph, 14) && (HEADLINE_LABEL.test(paragraph) || ENDS_WITH_QUESTION.test(paragraph));
}

export interface Classified {
  kept: Span[];
  furniture: Furniture[];
}

/**
 * Classifies paragraphs in document order. Besides each paragraph's own shape, two rules look at
 * the page as a whole:
 * - repetition: text that appears twice (an echoed headline, a pitch repeated in two widgets) is
 *   furniture everywhere it appears, and so is an echo of the title;
 * - surroundings: past the article's last two consecutive prose paragraphs, a prose-shaped
 *   paragraph with furniture on both sides belongs to the furniture block it sits in (the body of
 *   a subscription pitch between its heading and its price list).
 */
export function classifyParagraphs(text: string, paragraphs: Span[], title: string): Classified {
  const texts = paragraphs.map((p) => text.slice(p.start, p.end));
  const keys = texts.map(normalizeForRepeat);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const titleKey = normalizeForRepeat(title);
  const reasons: (string | null)[] = texts.map((t, i) => {
    const key = keys[i]!;
    if (key === titleKey) return "title";
    if ((counts.get(key) ?? 0) > 1) return "repeated";
    return furnitureReason(t);
  });

  let lastProsePair = -1;
  for (let i = 1; i < reasons.length; i++) {
    if (reasons[i] === null && reasons[i - 1] === null) lastProsePair = i;
  }
  for (let i = Math.max(lastProsePair + 1, 1); i < reasons.length - 1; i++) {
    if (reasons[i] === null && reasons[i - 1] !== null && reasons[i + 1] !== null && (speaksForThePage(texts[i]!) || isHeadlineShaped(texts[i]!))) {
      reasons[i] = "inside a furniture block";
    }
  }
  // Author bios at the foot of the page: bio-shaped paragraphs with no prose after them.
  for (let i = reasons.length - 1; i >= 0; i--) {
    if (reasons[i] !== null) continue;
    if (!AUTHOR_BIO.test(texts[i]!)) break;
    reasons[i] = "author bio";
  }

  const kept: Span[] = [];
  const furniture: Furniture[] = [];
  paragraphs.forEach((p, i) => {
    const reason = reasons[i];
    if (reason === null || reason === undefined) kept.push(p);
    else furniture.push({ ...p, reason });
  });
  return { kept, furniture };
}
