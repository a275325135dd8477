/**
 * `npm start` never serves a corpus it could not load: a folder with nothing loadable, or a bad
 * manifest, stops the bot before it connects, with one line naming the file and exit code 1.
 * The configuration is otherwise valid (a random token of the right shape), and the token is
 * never printed.
 */
import { expect, it } from "vitest";
import { makeFakeToken, tokenSecretPart } from "../fixtures/fake-token.js";
import { runNpmClean } from "../helpers/npm-clean.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

function npmStart(corpusDir: string, token: string) {
  const r = runNpmClean("start", { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: "123456789012345678", CORPUS_DIR: corpusDir });
  return { status: r.status, out: r.stdout + r.stderr, stderr: r.stderr };
}

it.each([
  ["only broken files", { "empty.txt": "", "bin.md": new Uint8Array([0, 1, 2]) }, /^error: .*: no loadable \.txt or \.md articles; skipped .*bin\.md: looks binary.*; skipped .*empty\.txt: is empty/],
  ["a javascript: URL in the manifest", { "a.txt": "Title\n\nA sentence of prose to serve.\n", "sources.json": JSON.stringify({ a: { url: "javascript:alert(1)" } }) }, /^error: .*sources\.json: "a"\."url": must be an http\(s\) URL$/],
  ["an impossible date in the manifest", { "a.txt": "Title\n\nA sentence of prose to serve.\n", "sources.json": JSON.stringify({ a: { published: "2021-02-30" } }) }, /^error: .*sources\.json: "a"\."published": is not a real calendar date$/],
])("npm start with a corpus of %s: one line, exit 1, token not printed", (_name, files, message) => {
  const token = makeFakeToken();
  const run = npmStart(writeCorpus(files), token);
  expect(run.status).toBe(1);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
  expect(run.out).not.toContain(token);
  expect(run.out).not.toContain(tokenSecretPart(token));
});
