/** A problem with a corpus file, always naming the file (and the field, where there is one). */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "CorpusError";
  }
}
