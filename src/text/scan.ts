/**
 * The offset-keeping scanner both tokenizers stand on: the analyzer's words (search/analyzer.ts)
 * and the attribution rules' tokens (quotes/tokens.ts). Each says with its own pattern what a word
 * is (the analyzer splits "state-run" and drops the period of "Mr.", the attribution rules keep
 * both); the scanner walks a stretch of text with that pattern and gives every match with its
 * offset in the whole text.
 */

/** A match and where it starts in the scanned text. */
export interface Scanned {
  text: string;
  start: number;
}

export class Scanner {
  private readonly re: RegExp;

  /**
   * Scans `text` from `from` to `to` for `pattern`, a global regular expression (copied, so the
   * caller's keeps its own position). A match that starts before `to` and runs past it is cut there.
   */
  constructor(
    private readonly text: string,
    pattern: RegExp,
    from = 0,
    private readonly to = text.length,
  ) {
    this.re = new RegExp(pattern.source, pattern.flags);
    this.re.lastIndex = from;
  }

  /** The next match, or null past the end of the stretch. */
  next(): Scanned | null {
    const m = this.re.exec(this.text);
    if (!m || m.index >= this.to) return null;
    return { text: m.index + m[0].length > this.to ? m[0].slice(0, this.to - m.index) : m[0], start: m.index };
  }

  /** Goes on from `offset`: past a match the caller took further ("Mr" with its period). */
  resumeAt(offset: number): void {
    this.re.lastIndex = offset;
  }
}
