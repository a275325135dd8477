/**
 * The one way tests make temp folders. A folder made inside a test is removed after that test; one
 * made outside a test (at collection, in beforeAll) after its file. The hooks that remove them are
 * in tests/setup/temp-cleanup.ts, which vitest runs for every test file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const perTest: string[] = [];
const perFile: string[] = [];
let inTest = false;

/** A new empty folder `coverage-bot-LABEL-XXXXXX` in the temp folder. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `coverage-bot-${label}-`));
  (inTest ? perTest : perFile).push(dir);
  return dir;
}

function removeAll(dirs: string[]): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function testStarted(): void {
  inTest = true;
}

export function testEnded(): void {
  inTest = false;
  removeAll(perTest);
}

export function fileEnded(): void {
  removeAll(perTest);
  removeAll(perFile);
}
