/**
 * The engine: a loaded corpus and its index, answering from memory. Knows nothing of Discord or
 * terminals; front ends render what it returns.
 */
import { ask, type AskOptions } from "./answer/ask.js";
import type { AskResult } from "./answer/types.js";
import { loadCorpus, type LoadOptions } from "./corpus/load.js";
import type { Article, Corpus } from "./corpus/types.js";
import { PassageIndex } from "./search/passage-index.js";

export interface SourceInfo {
  articleId: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export class Engine {
  readonly index: PassageIndex;

  constructor(readonly corpus: Corpus) {
    this.index = new PassageIndex(corpus.articles);
  }

  static fromDir(dir: string, options: LoadOptions = {}): Engine {
    return new Engine(loadCorpus(dir, options));
  }

  get articles(): readonly Article[] {
    return this.corpus.articles;
  }

  ask(question: string, options?: AskOptions): AskResult {
    return ask(this.index, question, options);
  }

  sources(): SourceInfo[] {
    return this.corpus.articles.map((a) => ({
      articleId: a.id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
    }));
  }
}
