/**
 * The layers of src/ (issue 12), as the imports must follow them. Every module of src/ and
 * commands/ belongs to one unit; units stand on levels, bottom up. A module may import its own
 * unit and any unit on a lower level. An import up a level, or sideways to another unit of the
 * same level (quotes/ and answer/ do not import each other), fails this test, and so does a module
 * that is in no unit (a new folder must be placed here first). The README's "Layers" list is
 * rendered from LAYERS, and checked below, so the picture cannot drift from the rule.
 *
 * Siblings share through a unit below them (the citation links in src/citation/), or the engine
 * passes one's results to the other at run time, typed by an interface the receiver declares.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-cli.js";

/** A unit: folders (ending in "/") and single files, relative to the project root. */
export interface Unit {
  name: string;
  paths: string[];
}

/** Levels bottom up; the units of one level are siblings. */
export const LAYERS: Unit[][] = [
  [{ name: "text", paths: ["src/text/", "src/paths.ts", "src/code-version.ts", "src/lazily.ts", "src/lazy-zod.ts"] }],
  [{ name: "corpus", paths: ["src/corpus/"] }],
  [
    { name: "search", paths: ["src/search/"] },
    { name: "citation", paths: ["src/citation/"] },
  ],
  [
    { name: "quotes", paths: ["src/quotes/"] },
    { name: "answer", paths: ["src/answer/"] },
    { name: "dates", paths: ["src/dates/"] },
  ],
  [{ name: "disagree", paths: ["src/disagree/"] }],
  [{ name: "timeline", paths: ["src/timeline/"] }],
  [
    { name: "engine", paths: ["src/engine.ts"] },
    { name: "render", paths: ["src/render/"] },
  ],
  [
    { name: "bot", paths: ["src/bot/", "commands/", "src/deploy.ts"] },
    { name: "cli", paths: ["src/cli.ts", "src/build-index.ts", "src/train.ts"] },
  ],
];

/** What a module imports: project-relative paths of its relative imports, `.js` read as `.ts`. */
export type ImportMap = ReadonlyMap<string, readonly string[]>;

/** The relative module specifiers of a source text: imports, `import type`, re-exports, `import()`. Comments and strings are not read as imports. */
export function specifiersOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith("."));
}

/** A specifier of `file` (project-relative, "/"-separated) as the project-relative path of the module it names. */
export function resolveSpecifier(file: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, ".ts");
}

export function locate(file: string, layers: Unit[][] = LAYERS): { unit: Unit; level: number } | null {
  for (const [level, units] of layers.entries()) {
    for (const unit of units) if (unit.paths.some((p) => (p.endsWith("/") ? file.startsWith(p) : file === p))) return { unit, level };
  }
  return null;
}

/** One line per import that breaks the layering (and per module in no unit); empty when all is well. */
export function checkLayers(imports: ImportMap, layers: Unit[][] = LAYERS): string[] {
  const problems: string[] = [];
  for (const [file, targets] of imports) {
    const from = locate(file, layers);
    if (!from) {
      problems.push(`${file} is in no layer: add it to LAYERS in tests/layering.test.ts (and the README's list)`);
      continue;
    }
    for (const target of targets) {
      const to = locate(target, layers);
      if (!to) problems.push(`${file} imports ${target}, which is in no layer`);
      else if (to.unit === from.unit || to.level < from.level) continue;
      else if (to.level > from.level) problems.push(`${file} (${from.unit.name}) imports ${target} (${to.unit.name}): up a layer`);
      else problems.push(`${file} (${from.unit.name}) imports ${target} (${to.unit.name}): sideways, between siblings`);
    }
  }
  return problems;
}

/** The README's list: top level first, each level's units and what they hold. */
export function renderLayers(layers: Unit[][] = LAYERS): string {
  const rows = [...layers].reverse().map((units) => [units.map((u) => u.name).join(" | "), units.map((u) => u.paths.join(" ")).join(" | ")] as const);
  const width = Math.max(...rows.map(([names]) => names.length));
  return rows.map(([names, paths]) => `${names.padEnd(width)}  ${paths}`).join("\n");
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(path);
    // JSON modules too (src/text/lexicon.json is imported as one): they import nothing.
    return /\.(?:ts|mts|js|mjs|json)$/.test(e.name) ? [path] : [];
  });
}

/** Every module of src/ and commands/ with what it imports. */
function projectImports(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const abs of [...sourcesUnder(join(ROOT, "src")), ...sourcesUnder(join(ROOT, "commands"))]) {
    const file = relative(ROOT, abs).split(sep).join("/");
    map.set(file, specifiersOf(readFileSync(abs, "utf8")).map((s) => resolveSpecifier(file, s)));
  }
  return map;
}

describe("layering", () => {
  it("no module of src/ or commands/ imports up a layer or sideways", () => {
    const imports = projectImports();
    expect(imports.size).toBeGreaterThan(50);
    expect(checkLayers(imports)).toEqual([]);
  });

  it("every import resolves to a module that exists (so the check reads real edges)", () => {
    const known = new Set(projectImports().keys());
    const missing = [...projectImports()].flatMap(([file, targets]) => targets.filter((t) => !known.has(t)).map((t) => `${file} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it("the README's layer list is the one checked here", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = "```text\n" + renderLayers() + "\n```";
    expect(readme.includes(block), `README.md should hold, under "Layers":\n${block}`).toBe(true);
  });
});

describe("the layer checker itself", () => {
  // Invented layers and imports: the checker must catch what the real tree no longer has.
  const layers: Unit[][] = [
    [{ name: "low", paths: ["src/low/", "src/base.ts"] }],
    [
      { name: "left", paths: ["src/left/"] },
      { name: "right", paths: ["src/right/"] },
    ],
    [{ name: "top", paths: ["src/top.ts"] }],
  ];

  it("passes imports that go down or stay in their unit", () => {
    const imports = new Map([
      ["src/top.ts", ["src/left/a.ts", "src/right/b.ts", "src/base.ts"]],
      ["src/left/a.ts", ["src/left/c.ts", "src/low/d.ts"]],
      ["src/low/d.ts", ["src/base.ts"]],
    ]);
    expect(checkLayers(imports, layers)).toEqual([]);
  });

  it("catches a planted upward import", () => {
    const imports = new Map([["src/low/d.ts", ["src/base.ts", "src/left/a.ts"]]]);
    expect(checkLayers(imports, layers)).toEqual(["src/low/d.ts (low) imports src/left/a.ts (left): up a layer"]);
  });

  it("catches an import between siblings, and a module or target in no layer", () => {
    const imports = new Map([
      ["src/left/a.ts", ["src/right/b.ts", "src/elsewhere.ts"]],
      ["src/stray.ts", ["src/base.ts"]],
    ]);
    expect(checkLayers(imports, layers)).toEqual([
      "src/left/a.ts (left) imports src/right/b.ts (right): sideways, between siblings",
      "src/left/a.ts imports src/elsewhere.ts, which is in no layer",
      "src/stray.ts is in no layer: add it to LAYERS in tests/layering.test.ts (and the README's list)",
    ]);
  });

  it("reads every kind of import from source text, and catches an upward one planted in a real folder", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { T } from "../search/analyzer.js";',
      'export { b } from "../text/words.js";',
      'const late = await import("../engine.js");',
      '// import { old } from "../bot/main.js";',
      'const s = "import x from \'../cli.js\'";',
      'import { z } from "zod";',
    ].join("\n");
    const file = "src/corpus/planted.ts";
    const targets = specifiersOf(source).map((s) => resolveSpecifier(file, s));
    expect(targets).toEqual(["src/corpus/a.ts", "src/search/analyzer.ts", "src/text/words.ts", "src/engine.ts"]);
    expect(checkLayers(new Map([[file, targets]]))).toEqual([
      "src/corpus/planted.ts (corpus) imports src/search/analyzer.ts (search): up a layer",
      "src/corpus/planted.ts (corpus) imports src/engine.ts (engine): up a layer",
    ]);
  });

  it("the real layers name each unit once and give no path to two units", () => {
    const units = LAYERS.flat();
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
    const paths = units.flatMap((u) => u.paths.map((p) => ({ p, u })));
    const overlaps = paths.filter((a) => paths.some((b) => a.u !== b.u && b.p.endsWith("/") && a.p.startsWith(b.p)));
    expect(overlaps.map((o) => o.p)).toEqual([]);
  });
});
