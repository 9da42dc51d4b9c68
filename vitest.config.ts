import { defineConfig } from 'vitest/config';

// Every test runs the CLI or builds documents, some of them many times: none is left to vitest's
// default of 5 s, which a loaded 2-core machine can exceed. Slower tests set their own, longer, timeout.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
