/**
 * Typo tolerance: restricted Damerau-Levenshtein (optimal string alignment) distance, where swapping
 * two neighbouring letters costs one edit like any other slip of the finger ("wiat" for "wait"),
 * and a vocabulary bucketed by length so that a lookup only compares words that could be close.
 */

/**
 * Edit distance with adjacent transpositions, or `max + 1` as soon as it must exceed `max`
 * (callers only ask "within k edits?", so most comparisons stop after a row or two).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * How many edits a word of this length may carry and still be recognised. Short words get one
 * edit and long words two; words under four letters get none, since nearly every short string is
 * one edit from some real word.
 */
export function editBudget(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Words bucketed by length, for "which known words are within k edits of this one?". */
export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      let bucket = this.byLength.get(w.length);
      if (!bucket) this.byLength.set(w.length, (bucket = []));
      bucket.push(w);
    }
  }

  /**
   * The known words nearest to `word` within `max` edits (all of those at the smallest distance),
   * with that distance; none when nothing is close enough. Short words must also keep their first
   * letter: people rarely mistype the first letter, and without that rule "bowl" could become "howl".
   */
  nearest(word: string, max: number): { words: string[]; distance: number } {
    let best = max + 1;
    let found: string[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (word.length < 6 && candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate, Math.min(best, max));
        if (d < best) {
          best = d;
          found = [candidate];
        } else if (d === best && d <= max) found.push(candidate);
      }
    }
    return best <= max ? { words: found, distance: best } : { words: [], distance: best };
  }
}
