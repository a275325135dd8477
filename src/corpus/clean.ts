/**
 * Tells article prose from page furniture (menus, share buttons, captions, credits, pitches,
 * comment forms, keyword lines). Rules look at a paragraph's shape and wording, the way any news
 * page is built, never at the names of particular sites. Cleaning only classifies spans; it
 * never edits text.
 */
import type { Furniture, Span } from "./types.js";
import { atMostWords } from "../text/words.js";

/** Prose ends like a sentence: terminal punctuation, maybe closing quotes or brackets. */
/**
 * Sentence punctuation at the end (Latin, CJK full stops and marks, the Devanagari danda), maybe
 * closing quotes or brackets, maybe footnote marks ("1998.[3]").
 */
const ENDS_LIKE_PROSE = /[.!?…:。！？।॥]["”’')\]」』）»“]*(?:\[\d{1,4}\])*$/;

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
  /\b(?:download|get|install) (?:our|the)\b.{0,25}\bapp\b/i,
  /\b(?:support|be part of) (?:our |quality |independent )?journalism\b/i,
  /^(?:support|fund) (?:our|us|the) (?:work|reporting|newsroom)\b|\bdonate (?:today|now|here)\b/i,
  /\bunlimited (?:digital )?access\b/i,
  /\b(?:submit|send|write) (?:us )?(?:a )?letter to the editor\b|^want to (?:respond|comment|reply)\b/i,
  /\bad-free\b/i,
  // Log-in walls, comment prompts, tip lines, inbox pitches.
  /\b(?:log ?in|sign in|register) to (?:comment|continue|read)\b/i,
  /\bhave your say\b/i,
  /\bshare your (?:thoughts|views|comments|opinion)\b/i,
  /^(?:share|send) (?:us )?your (?:\p{L}+ )?(?:photos|pictures|videos|stories|story|news|tips)\b/iu,
  /\b(?:in the )?comments(?: section)? below\b/i,
  /\b(?:got|have) a (?:story|news tip|tip)\b/i,
  /^(?:e-?mail|contact) us\b/i,
  /\b(?:delivered|straight) to your inbox\b/i,
  // Page buttons and reader tools: "Listen to this article", "Gift this article", "Print this page".
  /^(?:listen to|gift|save|print|share|e-?mail|bookmark|reuse) (?:this|the) (?:article|story|page|link|content)\b/i,
  /^(?:click|tap) to (?:enlarge|expand|play|view|zoom|share|copy)\b/i,
  /^(?:the )?(?:article|story|content) continues (?:below|after)\b/i,
  /^thanks? (?:you )?for (?:reading|visiting|your support)\b/i,
  /\bregister (?:for )?free\b/i,
  /\benable javascript\b/i,
  /^to advertise\b|\badvertise with us\b/i,
  // Shopping pitches: "Save 20% on headphones today only."
  /^(?:save|get) (?:up to )?(?:\d+%|[$€£]\s?\d[\d.,]*) (?:on|off)\b/i,
  // Embeds hidden by the reader's consent choices: "Update your settings here to see it."
  /\byour (?:privacy|cookie|consent) (?:preferences|settings|choices)\b|\bupdate your (?:settings|preferences)\b/i,
  // Tip lines, methodology links and form help: "Spotted a claim you want us to check? Email us."
  /\b(?:spotted|seen|found|noticed) (?:a|an) (?:claim|error|mistake|typo)\b|(?:^|[.!?]\s+)(?:e-?mail|contact|tell|write to|message) us\b/i,
  /\bread (?:our|the) (?:methodology|guidelines|standards|corrections policy|editorial policy)\b/i,
  /^(?:do not|don't|don’t) (?:include|enter|share|give) (?:any )?(?:personal|private|financial)\b/i,
  // Email editions read on the web: the greeting and the footer of a newsletter.
  /^(?:good (?:morning|afternoon|evening)|hello|hi)\b[,.!]?\s+(?:and welcome|welcome|here(?:'s|’s| is) (?:what|your))\b/i,
  /\byou(?:'re|’re| are) receiving this\b/i,
  /\byour browser (?:does not|doesn't|doesn’t) support\b/i,
  // Reader polls and quizzes: "Quiz: How well do you know ...?", "Take our survey".
  /^(?:quiz|poll|survey|vote)\s*:.*\?$/i,
  /\btake (?:our|the|this) (?:quiz|poll|survey)\b/i,
  /^follow (?:@?\S+ ){1,3}on (?:twitter|x|instagram|facebook|bluesky|threads|tiktok|linkedin|youtube)\b/i,
  // "Read also" links on pages from other languages, often left untranslated by a translation.
  /^(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch|lire aussi|à lire aussi|a lire aussi|à lire également|voir aussi|leggi anche|lee también|lea también|ver también|leia também|lees ook)\b/i,
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
  // Also behind a label ("Editor's note: This article has been updated to include ...") and for
  // machine translation; a correction ("Correction: An earlier version ... said") is news and stays.
  /^(?:(?:editor'?s|editors'|editor’s) note\s*:\s*|note\s*:\s*|update\s*:\s*)?this (?:article|story|piece|report|page) (?:was|has been|is) (?:first |originally |automatically |machine[- ])?(?:published|updated|amended|translated|machine[- ]translated)\b/i,
  /\b(?:may|might|can) (?:have been|be) edited for (?:style|length|clarity|brevity)\b/i,
  /^materials? (?:provided|supplied) by\b/i,
  /\b(?:has been|was|have been|were) (?:lightly )?(?:edited|condensed)(?: and condensed| and edited)? for (?:length|clarity|brevity)\b/i,
  /^this (?:article|story|piece|page|fact check|report|video) is (?:also )?available in\b/i,
  /^this (?:article|story|piece) is (?:more|over) than (?:a|an|one|\d+|\w+) (?:years?|months?|weeks?|days?) old\b/i,
  // Reading-time and metering notices: "Reading time: approx. 2 min.", "You have 2 free articles left."
  /^(?:(?:estimated )?(?:reading|read|listening|listen) time)\s*:?\s*(?:approx\.?|about|ca\.|circa)?\s*\d+\s*(?:min|mins|minutes?)\b/i,
  /^\d+\s*(?:min|mins|minutes?)\.? (?:read|listen)\b/i,
  /\b(?:free|remaining) (?:articles?|stories|reads)\b.{0,30}\b(?:left|remaining|this month)\b/i,
  /^you(?:'ve|’ve| have) (?:read )?(?:\d+|one|two|three|four|five|your)\b.{0,20}\bfree (?:articles?|stories)\b/i,
  // Relative timestamps of a live page: "2 min ago", "Updated 3 hours ago."
  /^(?:(?:updated|posted|published)\s+)?(?:just now|\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago)\.?$/i,
  // The signature of an embedded social post: "— Name (@handle) May 3, 2031".
  /^[—–-]\s*[^()]{1,60}\(@\w+\)\s+\S+\s+\d{1,2},\s+\d{4}/,
  // Timestamps: "Published 14:02 GMT, 3 May", "Updated: 3 May 2031.", a date or time right after
  // the word (prose says "Published in 1851, the novel ...").
  /^(?:published|updated|last updated|posted|first published|last modified)\s*:?\s*(?:on\s+)?(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[^!?]{0,60}?(?:\d{1,2}[:.]\d{2}|\b\d{4}\b)/i,
  /\bcontributed to this (?:report|story|article)\b/i,
  // Market tickers' small print: "Market data provided by X. Delayed by at least 15 minutes."
  /^(?:market )?(?:data|quotes|prices) (?:provided|supplied|powered) by\b|\b(?:data|quotes|prices) (?:are )?delayed (?:by )?(?:at least )?\d+ min/i,
  /\baffiliate (?:disclosure|links?|commission)\b|\b(?:we|may) (?:may )?earn (?:a )?(?:small )?commission\b/i,
  // "Published by the Courier on May 8, 2031.": the page's own imprint, a date at its end.
  /^(?:published|posted|updated|first published) by (?:the )?\S.{0,60}\bon\s+[^.!?]{0,25}\d{4}\.?$/i,
  /\b(?:comments|entries|posts|replies|condolences|guestbook entries) (?:are|will be|may be) (?:pre-?)?(?:moderated|reviewed)\b/i,
  // Disclaimers and series notes: "The views expressed ... are the author's own."
  /\bviews expressed (?:in|here|are|by)\b|\bare (?:the|their|his|her) (?:author|writer)(?:'s|’s|s'|s’)? own\b/i,
  /^this (?:article|story|piece|essay|report|column) is (?:part|one) of (?:a|an|our|the)\b/i,
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

/**
 * A byline, even one that ends in a full stop: "By Jane Doe, Political Correspondent." A name of
 * two to four capitalised words after "By", then only capitalised roles; "By Tuesday, the water
 * had gone." is prose.
 */
const BYLINE =
  /^By\s+(?!(?:The|A|An|This|Then|Now|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:\s*(?:,|\||and|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|of|for|the|at))*)*\.?$/u;

/** A price in a pitch: "Rs 100", "$4.99/month", "€5 per month". */
const PRICE = /(?:\b(?:Rs|INR|USD|EUR|GBP)\.?\s?\d|[$€£₹]\s?\d|\d\s?¢)/;

/**
 * A pitch's price is bare ("Premium from $4.99.") or priced by the period ("Only $2 a month.");
 * "Experts have valued the painting at about £80,000." is news.
 */
const PRICE_PERIOD = /\b(?:a|per|each|every|\/)\s?(?:month|year|week|day|issue)\b|\/\s?(?:mo|yr|month|year|week)\b|\b(?:monthly|yearly|annually|weekly|lifetime)\b/i;

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
  if (endsLikeProse && atMostWords(text, 14) && BYLINE.test(text)) return "byline";
  // A bare price is a pitch ("Rs 100", "£4.99 a month"); a sentence with a price is news.
  if (atMostWords(text, 8) && PRICE.test(text) && (atMostWords(text, 4) || PRICE_PERIOD.test(text))) return "price";
  if (!endsLikeProse && !isRaggedProse(text, short) && !closesQuotedSentence(text)) return "no sentence punctuation";
  if (atMostWords(text, 2)) return LABEL_VALUE.test(text) ? "label and value" : "too short for prose";
  return null;
}

/**
 * A paragraph that ends by closing a quotation with a sentence inside it is prose, whatever the
 * quoted post ends with: 'Mills wrote on Instagram: "Gutted. That one's on me. We go again 💙"'.
 */
function closesQuotedSentence(text: string): boolean {
  const open = Math.max(text.lastIndexOf("“"), text.lastIndexOf('"', text.length - 2));
  return /["”]$/.test(text) && open >= 0 && open < text.length - 1 && /[.!?…]\s/.test(text.slice(open + 1));
}

/** "Verdict: Misleading.": a label and its value, prose when the story runs on both sides. */
const LABEL_VALUE = /^\p{L}+:\s+\p{L}+[.!]$/u;

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

/**
 * The heading of a summary list ("Key points", "What we know so far"): the lines under it are the
 * newsroom's own facts written as fragments, without full stops, and are prose.
 */
const SUMMARY_HEADING =
  /^(?:key (?:points|facts|takeaways|findings|developments)|the key points|at a glance|in brief|in short|summary|the essentials|what we know(?: so far)?|what you need to know)\s*:?$/i;
/** A summary item ends at most in a closing quote or bracket, and has no sentence break inside. */
const SENTENCE_BREAK = /[.!?…]\s/;
/** Page buttons and links begin with a command to the reader: "Show key events only". */
const COMMAND_START =
  /^(?:show|hide|load|view|see|read|watch|listen|follow|get|share|copy|save|print|sign|subscribe|download|click|tap|open|close|skip|back|explore|find|go|jump|browse|join|log|register|try|take|start|sort|filter)\b/i;
/** Summary items are at most this many, each at least this many words. */
const SUMMARY_MAX_ITEMS = 10;
const SUMMARY_MIN_WORDS = 4;

function isSummaryItem(paragraph: string): boolean {
  return (
    !atMostWords(paragraph, SUMMARY_MIN_WORDS - 1) &&
    atMostWords(paragraph, 40) &&
    !SENTENCE_BREAK.test(paragraph) &&
    !COMMAND_START.test(paragraph.replace(/^[-*•·]\s*/, "")) &&
    !speaksForThePage(paragraph) &&
    CALL_TO_ACTION.every((re) => !re.test(paragraph))
  );
}

/** A heading over an author bio: "About the author", "ABOUT THE WRITER". */
const ABOUT_AUTHOR_HEADING = /^about (?:the |this )?(?:authors?|writers?|reporters?|contributors?|columnists?|photographers?|journalists?)\s*:?$/i;

/** Caption controls of a picture; the line after them is its caption: "Enlarge this image". */
const CAPTION_CONTROL = /^(?:(?:enlarge|expand|view|zoom|open) (?:this |the )?(?:image|photo|picture)|(?:hide|show|toggle) caption)$/i;

/**
 * A gallery heading and its control ("Photo gallery", "Show all"): the line right under both is a
 * caption if it has no verb. A bare heading is not enough: the story may simply go on under it.
 */
const GALLERY_HEADING = /^(?:photo gallery|gallery|in pictures|slideshow|photos)\s*:?$/i;
const GALLERY_CONTROL = /^(?:show all|view (?:all|gallery)|see all|expand|next|previous|\d+\s*(?:\/|of)\s*\d+|\d+ (?:photos|images|pictures))$/i;
/** A finite verb, or a past participle: prose has one, "Walter Price at the landing stage." does not. */
const FINITE_VERB = /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|said|says|did|does|do)\b|\b\p{L}{3,}ed\b/iu;
const CAPTION_WORDS_MAX = 25;

/** A video or audio transcript heading; speaker-labelled lines under it are the embedded media. */
const TRANSCRIPT_HEADING = /^(?:video |audio |podcast |full )?transcript\s*:?$/i;
const SPEAKER_LABEL = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}:\s/u;

/** A sponsor heading: the paragraph under it is the advertiser's line, not news. */
const SPONSOR_HEADING = /^(?:presented|sponsored|brought to you|supported|powered) by\s*:?$|^in (?:partnership|association) with\s*:?$|^(?:sponsored|partner) content\s*:?$/i;

/** Words of a widget heading ("Watch highlights") that its own text repeats. */
const HEADING_WORD = /\p{L}{4,}/gu;
const NON_LETTERS = /[^\p{L}]+/u;
function sharesHeadingWord(heading: string, paragraph: string): boolean {
  if (!atMostWords(heading, 4)) return false;
  const stems = [...heading.matchAll(HEADING_WORD)].map((m) => m[0].toLowerCase().replace(/s$/, ""));
  if (stems.length === 0) return false;
  return paragraph
    .toLowerCase()
    .split(NON_LETTERS)
    .some((word) => stems.some((stem) => word.startsWith(stem)));
}

/** The heading of a reader comment thread: "14 comments", "Comments (4)", "Join the conversation". */
const COMMENTS_HEADING =
  /^(?:\d[\d,]*\s+(?:reader )?comments?|(?:reader )?comments?\s*(?:\(\d[\d,]*\))?|join the (?:conversation|discussion)|(?:show|view|load|read) (?:all )?comments)\s*:?$/i;
/** The controls around each comment in a thread: reply and report buttons, likes, relative times. */
const COMMENT_CONTROL =
  /^(?:reply|report|flag|like|likes|sort by|newest|oldest|load more comments|\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\s+ago)\b/i;
/** How far after a comments heading its controls must show, and how many of them. */
const COMMENT_WINDOW = 8;
const COMMENT_CONTROLS_NEEDED = 2;

/** Does a comment thread start at paragraph `i`: its heading, then the controls of its comments? */
function startsCommentThread(texts: string[], i: number): boolean {
  if (!COMMENTS_HEADING.test(texts[i]!.trim())) return false;
  let controls = 0;
  for (let j = i + 1; j < texts.length && j <= i + COMMENT_WINDOW; j++) {
    // A control is a button or a time, a few words at most: "Report by the council ..." is prose.
    const text = texts[j]!.trim();
    if (atMostWords(text, 3) && COMMENT_CONTROL.test(text) && ++controls >= COMMENT_CONTROLS_NEEDED) return true;
  }
  return false;
}

/** A heading over links to other stories: "Related Video", "More on this story", "Read next". */
const RELATED_HEADING =
  /^(?:related(?: (?:video|videos|stories|story|articles?|coverage|content|links?|reading))?|more on this(?: story)?|see also|recommended(?: for you)?|watch|you (?:may|might) also like|further reading|read next|up next)\s*:?$/i;
const RELATED_LINKS_MAX = 6;

/** A byline's name: "By Hannah Soto", "By Jane Doe, Political Correspondent" gives the name. */
const BYLINE_NAME = /^By\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})/u;
/** What follows a name at the start of a bio: "Hannah Soto is a librarian ...". */
const BIO_VERB = /^\s+(?:is|was|has|writes|covers|reports|teaches|works|lives)\b/;

/** A paragraph that is only a quotation: the shape of a pull quote. */
const WHOLLY_QUOTED = /^["“][^"“”]+["”]$/;
const PULL_QUOTE_WORDS = 60;
const PULL_QUOTE_MIN_WORDS = 6;

/** A short label that introduces what follows: "Lesen Sie auch:", "Read more:", "Lire aussi :". */
const LEAD_IN_LABEL = /:\s*$/;
const LEAD_IN_WORDS = 4;

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
    // A pull quote repeats, in quotation marks, words the article says elsewhere.
    if (WHOLLY_QUOTED.test(t.trim()) && atMostWords(t, PULL_QUOTE_WORDS)) {
      const inner = key.slice(1, -1).trim();
      // A short quote ("No.") can turn up inside any sentence; a pull quote is a full line.
      if (!atMostWords(inner, PULL_QUOTE_MIN_WORDS - 1) && keys.some((other, j) => j !== i && other.includes(inner))) return "pull quote";
    }
    return furnitureReason(t);
  });

  // Summary lists: items right under a "Key points" heading are prose although they lack full
  // stops; the heading itself is page furniture.
  for (let i = 0; i < reasons.length; i++) {
    if (!SUMMARY_HEADING.test(texts[i]!.trim())) continue;
    reasons[i] = "list heading";
    for (let j = i + 1; j < reasons.length && j <= i + SUMMARY_MAX_ITEMS; j++) {
      if (reasons[j] !== "no sentence punctuation" || !isSummaryItem(texts[j]!)) break;
      reasons[j] = null;
    }
  }
  // Readers' comments are not the coverage, however well they are written: once the article has
  // begun, a comment thread (a comments heading followed by reply buttons and "3 hours ago" lines)
  // runs to the foot of the page.
  for (let i = 2; i < reasons.length; i++) {
    if (reasons[i - 1] === null && reasons[i - 2] === null) {
      for (let j = i; j < reasons.length; j++) {
        if (!startsCommentThread(texts, j)) continue;
        for (let k = j; k < reasons.length; k++) reasons[k] = "reader comments";
        break;
      }
      break;
    }
  }
  // Headlines under a "Related" heading are links, even a question or a labelled one that reads
  // like a sentence; the first paragraph that is not headline-shaped ends the list.
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] === null || !RELATED_HEADING.test(texts[i]!.trim())) continue;
    for (let j = i + 1; j < reasons.length && j <= i + RELATED_LINKS_MAX; j++) {
      if (reasons[j] !== null) continue;
      if (!isHeadlineShaped(texts[j]!)) break;
      reasons[j] = "related link";
    }
  }
  // The paragraph under an "About the author" heading is the bio, in whatever case or wording.
  for (let i = 0; i < reasons.length - 1; i++) {
    if (reasons[i] !== null && reasons[i + 1] === null && ABOUT_AUTHOR_HEADING.test(texts[i]!.trim())) reasons[i + 1] = "author bio";
  }
  // "Verdict: Misleading." inside the story (prose before and after it) is the story's finding.
  for (let i = 1; i < reasons.length - 1; i++) {
    if (reasons[i] === "label and value" && reasons[i - 1] === null && reasons[i + 1] === null) reasons[i] = null;
  }
  // The line after a caption control is the picture's caption.
  for (let i = 0; i < reasons.length - 1; i++) {
    if (reasons[i] !== null && reasons[i + 1] === null && CAPTION_CONTROL.test(texts[i]!.trim())) reasons[i + 1] = "caption";
  }
  // Under a gallery heading and its control, a line without a verb is a picture's caption.
  for (let i = 0; i + 2 < reasons.length; i++) {
    if (reasons[i] === null || !GALLERY_HEADING.test(texts[i]!.trim())) continue;
    if (reasons[i + 1] === null || !GALLERY_CONTROL.test(texts[i + 1]!.trim())) continue;
    const caption = texts[i + 2]!;
    if (reasons[i + 2] === null && atMostWords(caption, CAPTION_WORDS_MAX) && !FINITE_VERB.test(caption)) reasons[i + 2] = "caption";
  }
  // Speaker-labelled lines under a transcript heading are the embedded video's words.
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] === null || !TRANSCRIPT_HEADING.test(texts[i]!.trim())) continue;
    for (let j = i + 1; j < reasons.length; j++) {
      if (reasons[j] !== null) continue;
      if (!SPEAKER_LABEL.test(texts[j]!)) break;
      reasons[j] = "transcript";
    }
  }
  // The paragraph under a sponsor heading is the sponsor's line.
  for (let i = 0; i < reasons.length - 1; i++) {
    if (reasons[i] !== null && reasons[i + 1] === null && SPONSOR_HEADING.test(texts[i]!.trim())) reasons[i + 1] = "sponsor";
  }
  // A short label ending in a colon introduces the next paragraph: when that is furniture (a
  // link after "Lesen Sie auch:"), so is the label; "He said:" before a quoted paragraph stays.
  for (let i = reasons.length - 1; i >= 0; i--) {
    if (reasons[i] !== null || !LEAD_IN_LABEL.test(texts[i]!) || !atMostWords(texts[i]!, LEAD_IN_WORDS)) continue;
    if (i === reasons.length - 1 || reasons[i + 1] !== null) reasons[i] = "label";
  }
  // A question with furniture on both sides is a widget or a link anywhere on the page (a poll
  // between its heading and its answer buttons, a "Related" headline); a question subhead in an
  // explainer has its answer, prose, right after it. The end of the page counts as furniture.
  for (let i = 1; i < reasons.length; i++) {
    const nextIsFurniture = i === reasons.length - 1 || reasons[i + 1] !== null;
    if (reasons[i] === null && reasons[i - 1] !== null && nextIsFurniture && atMostWords(texts[i]!, 20) && ENDS_WITH_QUESTION.test(texts[i]!)) {
      reasons[i] = "question between widgets";
    }
  }

  let firstProsePair = -1;
  let lastProsePair = -1;
  for (let i = 1; i < reasons.length; i++) {
    if (reasons[i] !== null || reasons[i - 1] !== null) continue;
    if (firstProsePair === -1) firstProsePair = i - 1;
    lastProsePair = i;
  }
  // The page head works the same way: above the article's first two consecutive prose paragraphs,
  // a labelled headline between two pieces of chrome is a banner ("Weather Alert: Flood watch
  // until 8 p.m."). Only labels and questions there: a lede that says "we" is still the lede.
  for (let i = 1; i < firstProsePair; i++) {
    if (reasons[i] === null && reasons[i - 1] !== null && reasons[i + 1] !== null && isHeadlineShaped(texts[i]!)) {
      reasons[i] = "banner";
    }
  }
  for (let i = Math.max(lastProsePair + 1, 1); i < reasons.length - 1; i++) {
    if (reasons[i] === null && reasons[i - 1] !== null && reasons[i + 1] !== null && (speaksForThePage(texts[i]!) || isHeadlineShaped(texts[i]!) || sharesHeadingWord(texts[i - 1]!, texts[i]!))) {
      reasons[i] = "inside a furniture block";
    }
  }
  // Author bios at the foot of the page: bio-shaped paragraphs with no prose after them, or ones
  // that open with the byline's own name ("Hannah Soto is a librarian ..." under "By Hannah Soto").
  const bylineNames: string[] = [];
  texts.forEach((t, i) => {
    const m = reasons[i] !== null ? BYLINE_NAME.exec(t.trim()) : null;
    if (m) bylineNames.push(m[1]!);
  });
  const opensWithBylineName = (t: string) => bylineNames.some((name) => t.startsWith(name) && BIO_VERB.test(t.slice(name.length)));
  for (let i = reasons.length - 1; i >= 0; i--) {
    if (reasons[i] !== null) continue;
    if (!AUTHOR_BIO.test(texts[i]!) && !opensWithBylineName(texts[i]!)) break;
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
