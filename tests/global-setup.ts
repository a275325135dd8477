/**
 * Runs once before any test file: makes sure the converted word-vector table exists, so test
 * workers load it (a fraction of a second) instead of each converting the package (seconds and
 * hundreds of megabytes apiece) at the same time.
 */
import { loadFullTable } from "../src/search/meaning.js";

export default function setup(): void {
  loadFullTable();
}
