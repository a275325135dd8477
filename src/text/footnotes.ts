/**
 * Footnote marks in article text: bracketed numbers such as "[2]" after a word or a full stop,
 * as pages copied from Wikipedia carry them. Shown as they are, they pass for the bot's own
 * citation markers ("[1]"), so wherever article text is shown as prose they are dropped; the
 * verbatim excerpt in JSON keeps them.
 */
const FOOTNOTE_MARK = /[ \t]?\[\d{1,4}\]/g;

export function dropFootnoteMarks(text: string): string {
  return text.replace(FOOTNOTE_MARK, "");
}
