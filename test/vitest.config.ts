import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    include: ['test/**/*.test.ts'],
    // Every temporary file of a run, the tests' and the program's, goes to one folder that is removed at the end.
    globalSetup: ['test/private-temp.ts'],
    // An explicit budget for every test, sized for a 2-core machine busy with other work; slower tests set their own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
