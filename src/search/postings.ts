/**
 * An inverted index in flat typed arrays: for each term, the passages containing it (ascending)
 * and how often. Ranking is BM25+ exactly as minisearch computes it (k 1.2, b 0.7, d 0.5; a
 * passage's length is its number of distinct words as written; the sum over matched terms is
 * multiplied by how many query terms matched; ties keep first-seen order), so swapping it in
 * changes no answer. What it changes: no per-posting objects, so it builds faster, holds less
 * memory, scores a common term by walking an array, and saves and loads as a few buffers instead
 * of a JSON tree that takes longer to rebuild than to read.
 */

const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface RankedDoc {
  doc: number;
  score: number;
  /** The query terms found in the passage, in query order. */
  terms: string[];
}

/** The saved form: terms in id order plus the arrays, as raw bytes. */
export interface PostingsData {
  terms: string[];
  /** Start of each term's postings in `docs`/`freqs`; one entry more than there are terms. */
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
  /** Distinct written words per passage. */
  lengths: Uint32Array;
  averageLength: number;
}

/** Collects passages in id order (0, 1, 2, ...), then freezes into `Postings`. */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private docs: number[][] = [];
  private freqs: number[][] = [];
  private readonly lengths: number[] = [];
  private averageLength = 0;

  /** Adds the next passage: its index terms in order (repeats count) and its length. */
  add(terms: readonly string[], length: number): void {
    const doc = this.lengths.length;
    // The running mean, computed as minisearch does, so scores agree to the last bit.
    this.averageLength = (this.averageLength * doc + length) / (doc + 1);
    this.lengths.push(length);
    for (const t of terms) {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(t, id);
        this.terms.push(t);
        this.docs.push([]);
        this.freqs.push([]);
      }
      const docs = this.docs[id]!;
      const last = docs.length - 1;
      if (last >= 0 && docs[last] === doc) this.freqs[id]![last]!++;
      else {
        docs.push(doc);
        this.freqs[id]!.push(1);
      }
    }
  }

  build(): Postings {
    let total = 0;
    for (const d of this.docs) total += d.length;
    const offsets = new Uint32Array(this.terms.length + 1);
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    let at = 0;
    this.docs.forEach((list, id) => {
      offsets[id] = at;
      docs.set(list, at);
      freqs.set(this.freqs[id]!, at);
      at += list.length;
    });
    offsets[this.terms.length] = at;
    this.docs = [];
    this.freqs = [];
    return new Postings({
      terms: this.terms,
      offsets,
      docs,
      freqs,
      lengths: Uint32Array.from(this.lengths),
      averageLength: this.averageLength,
    });
  }
}

export class Postings {
  private readonly ids: Map<string, number>;
  /** Scratch space for one query at a time (queries run synchronously). */
  private readonly scores: Float64Array;
  private readonly matched: Uint16Array;
  private readonly termMask: Uint32Array;

  constructor(readonly data: PostingsData) {
    const { terms, offsets, docs, freqs, lengths } = data;
    if (offsets.length !== terms.length + 1 || docs.length !== freqs.length || offsets[terms.length] !== docs.length) {
      throw new Error("postings arrays do not fit together");
    }
    for (let i = 0; i < terms.length; i++) {
      if (offsets[i]! > offsets[i + 1]!) throw new Error("postings offsets out of order");
    }
    // Indexed: a for-of over a typed array makes an iterator result per posting until the loop is
    // optimised, and a start restores hundreds of thousands of postings (0.1 s and as much again in
    // garbage collection on the bench's mixed corpus).
    const passages = lengths.length;
    for (let i = 0; i < docs.length; i++) if (docs[i]! >= passages) throw new Error("posting names a passage that does not exist");
    this.ids = new Map(terms.map((t, i) => [t, i]));
    if (this.ids.size !== terms.length) throw new Error("postings repeat a term");
    this.scores = new Float64Array(lengths.length);
    this.matched = new Uint16Array(lengths.length);
    this.termMask = new Uint32Array(lengths.length);
  }

  get documentCount(): number {
    return this.data.lengths.length;
  }

  get terms(): readonly string[] {
    return this.data.terms;
  }

  /** Number of passages containing `term` (0 when unknown). */
  docFreq(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  /** Ids of the passages containing `term`, ascending (empty when unknown). */
  docsOf(term: string): Uint32Array {
    const id = this.ids.get(term);
    return id === undefined ? new Uint32Array(0) : this.data.docs.subarray(this.data.offsets[id]!, this.data.offsets[id + 1]!);
  }

  /**
   * Passages containing any of `terms`, best first, at most `limit`. Terms beyond the 32nd are
   * ignored for the matched-term list (never for the score); questions are far shorter.
   */
  search(terms: readonly string[], limit: number): RankedDoc[] {
    const { offsets, docs, freqs, lengths, averageLength } = this.data;
    const n = lengths.length;
    const seen: number[] = [];
    const unique = [...new Set(terms)];
    unique.forEach((t, q) => {
      const id = this.ids.get(t);
      if (id === undefined) return;
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      const df = to - from;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = from; i < to; i++) {
        const doc = docs[i]!;
        const tf = freqs[i]!;
        const s = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[doc]!) / averageLength)));
        if (this.matched[doc] === 0) {
          seen.push(doc);
          this.scores[doc] = s;
        } else this.scores[doc]! += s;
        this.matched[doc]!++;
        if (q < 32) this.termMask[doc]! |= 1 << q;
      }
    });
    // Best `limit` by score, ties to the passage seen first (minisearch's stable sort).
    const order = seen.map((_, i) => i);
    const final = (i: number) => this.scores[seen[i]!]! * this.matched[seen[i]!]!;
    const top = selectTop(order, limit, (a, b) => final(b) - final(a) || a - b);
    const out = top.map((i) => {
      const doc = seen[i]!;
      const mask = this.termMask[doc]!;
      return { doc, score: final(i), terms: unique.filter((_, q) => q < 32 && mask & (1 << q)) };
    });
    for (const doc of seen) {
      this.scores[doc] = 0;
      this.matched[doc] = 0;
      this.termMask[doc] = 0;
    }
    return out;
  }
}

/** The first `k` items of `items` under `compare`, in order, without sorting them all. */
function selectTop(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return items.sort(compare).slice(0, k);
  // A max-heap (under `compare`, the worst on top) of the best k so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = i * 2 + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      up(heap.length - 1);
    } else if (compare(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(compare);
}
