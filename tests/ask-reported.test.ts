import { describe, expect, it } from "vitest";
import { reportedQuestion } from "../src/answer/score.js";
import { viewOf } from "../src/answer/sentence-view.js";
import { buildArticle } from "../src/corpus/load.js";

/** The first body sentence of a one-paragraph article. */
function firstSentence(body: string) {
  const article = buildArticle("r", "r.txt", `Title\n\n${body}\n`);
  const si = article.paragraphs.find((p) => p.sentences.length > 0 && article.text.slice(article.sentences[p.sentences[0]!]!.start).startsWith(body.slice(0, 10)))!.sentences[0]!;
  return viewOf(article, si);
}

describe("reported questions: a sentence that tells of a question being asked", () => {
  it.each([
    ["Asked why the mayor had waited, Dana Ruiz said the audit came first.", "reason"],
    ["ASKED WHEN the bridge would open, the engineer declined to say.", "time"],
    ["Reporters asked whether the strike would end this week.", "yesno"],
    ["She wondered how many homes had lost power.", "count"],
    ["The council questioned who had signed the contract.", "person"],
  ])("reads %j as a reported %s question, whatever its capitals", (text, kind) => {
    expect(reportedQuestion(firstSentence(text))).toBe(kind);
  });

  it("finds none in a sentence that only states something", () => {
    expect(reportedQuestion(firstSentence("The mayor waited for the audit before signing the contract."))).toBeNull();
    expect(reportedQuestion(firstSentence("Questions remain, the mayor said on Monday."))).toBeNull();
  });
});
