/** Removes the temp folders tests made through tests/helpers/temp-dir.ts (a vitest setup file). */
import { afterAll, afterEach, beforeEach } from "vitest";
import { fileEnded, testEnded, testStarted } from "../helpers/temp-dir.js";

beforeEach(testStarted);
afterEach(testEnded);
afterAll(fileEnded);
