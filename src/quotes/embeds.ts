/**
 * Posts embedded in a page, as a saved page holds them: the post's text as a paragraph of its own,
 * then the network's credit line, "— Name (@handle) Date". The post is a quotation of the one the
 * credit names. The cleaning keeps credit lines out of the article's paragraphs (they are
 * furniture), so they are read from there.
 */
import type { Article, Span } from "../corpus/types.js";

export interface Embed {
  /** The post's paragraph: the text just before the credit line. */
  post: Span & { paragraph: number };
  /** The name part of the credit line, between the dash and "(@". */
  credit: Span;
}

const DASHES = "—–";

export function findEmbeds(article: Pick<Article, "text" | "paragraphs" | "furniture">): Embed[] {
  const { text } = article;
  const out: Embed[] = [];
  for (const f of article.furniture) {
    const line = text.slice(f.start, f.end).trim();
    if (!DASHES.includes(line.charAt(0))) continue;
    const handle = line.indexOf("(@");
    if (handle < 0) continue;
    const lineStart = text.indexOf(line, f.start);
    const name = line.slice(1, handle);
    const nameStart = lineStart + 1 + (name.length - name.trimStart().length);
    const nameEnd = lineStart + handle - (name.length - name.trimEnd().length);
    if (nameEnd <= nameStart) continue;
    // The post is the kept paragraph right before the credit, with nothing between them.
    const post = [...article.paragraphs].reverse().find((p) => p.end <= f.start);
    if (!post || text.slice(post.end, f.start).trim() !== "") continue;
    let end = post.end;
    while (end > post.start && text[end - 1]!.trim() === "") end--;
    if (end > post.start) out.push({ post: { start: post.start, end, paragraph: post.index }, credit: { start: nameStart, end: nameEnd } });
  }
  return out;
}
