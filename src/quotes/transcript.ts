/**
 * Interviews printed as a transcript: "Q: ..." and "A: ..." paragraphs. The answers are the
 * interviewee's words as much as anything between quote marks, so each answer paragraph is a
 * quotation of its own, spanning the text after its label. Only a real exchange counts: at least
 * two questions and two answers, each answer after a question.
 */
import type { Article, Span } from "../corpus/types.js";

const QUESTION = /^Q\s?[:.]\s+/;
const ANSWER = /^A\s?:\s+/;

export interface Transcript {
  /** Offset where the first question starts: the interviewee is introduced before it. */
  firstQuestion: number;
  /** The text of each answer after its label, trailing space trimmed. */
  answers: (Span & { paragraph: number })[];
}

export function findTranscript(article: Pick<Article, "text" | "paragraphs">): Transcript | null {
  const { text } = article;
  let firstQuestion = -1;
  let questions = 0;
  let lastWasQuestion = false;
  const answers: Transcript["answers"] = [];
  for (const p of article.paragraphs) {
    const head = text.slice(p.start, Math.min(p.end, p.start + 8));
    if (QUESTION.test(head)) {
      if (firstQuestion < 0) firstQuestion = p.start;
      questions++;
      lastWasQuestion = true;
      continue;
    }
    const label = ANSWER.exec(head);
    if (label && lastWasQuestion) {
      let end = p.end;
      while (end > p.start && /\s/.test(text[end - 1]!)) end--;
      const start = p.start + label[0].length;
      if (end > start) answers.push({ start, end, paragraph: p.index });
    }
    lastWasQuestion = false;
  }
  return questions >= 2 && answers.length >= 2 ? { firstQuestion, answers } : null;
}
