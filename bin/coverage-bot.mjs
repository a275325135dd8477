#!/usr/bin/env node
/* global process */
// The `coverage-bot` command (package.json "bin"): the CLI, as `npm run cli -- …` runs it.
import { launch } from "./launch.mjs";

await launch("src/cli.ts", process.argv.slice(2));
