/**
 * Issue 13 item 2: escape sequences in article text (and in file names) never reach the terminal.
 * Every C0 and C1 control but newline and tab is shown as a visible `\xHH` on readable output and
 * on stderr; JSON output escapes C1 controls too (JSON.stringify leaves them raw).
 */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

const ESC = "\u001b";
const BEL = "\u0007";
const CSI_C1 = "\u009b";
const ARTICLE = [
  `Harbour board votes to restore the lighthouse${ESC}]0;owned${BEL}`,
  "",
  `The harbour board voted on Thursday to restore the Kellan Point lighthouse.${ESC}]52;c;ZWNobyBoaQ==${BEL} It has been dark since a storm in 1998.`,
  "",
  `"The light will shine again by midsummer,${ESC}[2J" said board chair Imogen Raskell.${CSI_C1}31m The repairs will cost about 400,000 euros.`,
  "",
].join("\n");

/** Any C0 or C1 control except newline and tab, raw. */
const RAW_CONTROL = /(?![\n\t])\p{Cc}/u;

describe("terminal escapes from article text", () => {
  const dir = writeCorpus({ "lighthouse.txt": ARTICLE, [`notes${ESC}]0;x${BEL}.pdf`]: "%PDF" });
  const runs = {
    "ask": ["ask", "--corpus", dir, "when will the lighthouse light shine again"],
    "ask --json": ["ask", "--json", "--corpus", dir, "when will the lighthouse light shine again"],
    "quote": ["quote", "--corpus", dir, "Imogen Raskell"],
    "quote --json": ["quote", "--json", "--corpus", dir, "Imogen Raskell"],
    "sources": ["sources", "--corpus", dir],
  };

  test.each(Object.entries(runs))("%s prints no raw control character, on stdout or stderr", (_name, args) => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  test("the readable answer shows the escapes visibly instead of dropping what they sit in", () => {
    const r = runCli(runs.quote);
    expect(r.stdout).toContain("\\x1b[2J");
    expect(r.stderr).toContain("notes\\x1b]0;x\\x07.pdf");
  });
});
