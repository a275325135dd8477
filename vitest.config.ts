import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One private temp folder per run, checked and removed at the end; per-test folders removed after each test.
    // The word-vector table converted once before any worker starts (tests/global-setup.ts).
    globalSetup: ["tests/setup/run-temp.ts", "tests/global-setup.ts"],
    setupFiles: ["tests/setup/temp-cleanup.ts"],
  },
});
