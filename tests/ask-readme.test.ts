import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { renderAsk } from "../src/render/terminal.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README 'Asking' shows the CLI output as it really prints", () => {
  const engine = Engine.fromDir(SEEDS_DIR);
  it.each(["why did Putin wait", "what did Putin say about climate change"])("%s", (q) => {
    // The readable CLI prints exactly renderAsk(engine.ask(q)); the README quotes it in a text block.
    expect(README).toContain(renderAsk(engine.ask(q)).trimEnd() + "\n```");
  });
});
