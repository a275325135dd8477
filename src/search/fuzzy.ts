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
  // Three rows of the table, reused across calls: this runs once per vocabulary word per lookup.
  if (rows[0]!.length <= n) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(n + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

const rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * How many edits a word of this length may carry and still be recognised. Short words get one
 * edit and long words two; words under four letters get none, since nearly every short string is
 * one edit from some real word.
 */
export function editBudget(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Words bucketed by length and first letter, for "which known words are within k edits of this
 * one?". People rarely mistype the first letter, so only words that keep it are compared, plus
 * those that swap the first two letters; that rule also stops "bowl" from becoming "howl", and
 * makes a lookup compare a few hundred words rather than the whole vocabulary.
 */
export class Vocabulary {
  private readonly buckets = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length === 0) continue;
      const key = `${w.length}:${w[0]}`;
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push(w);
    }
  }

  /**
   * The known words nearest to `word` within `max` edits (all of those at the smallest distance),
   * with that distance; none when nothing is close enough.
   */
  nearest(word: string, max: number): { words: string[]; distance: number } {
    let best = max + 1;
    let found: string[] = [];
    const consider = (candidate: string) => {
      const d = editDistance(word, candidate, Math.min(best, max));
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best && d <= max) found.push(candidate);
    };
    for (let len = Math.max(1, word.length - max); len <= word.length + max; len++) {
      for (const candidate of this.buckets.get(`${len}:${word[0]}`) ?? []) consider(candidate);
      if (word.length > 1 && word[1] !== word[0]) {
        for (const candidate of this.buckets.get(`${len}:${word[1]}`) ?? []) if (candidate[1] === word[0]) consider(candidate);
      }
    }
    return best <= max ? { words: found, distance: best } : { words: [], distance: best };
  }
}
