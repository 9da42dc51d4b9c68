import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT, tempFolder } from './helpers.js';

// The shipped program: dist/report.cjs, loaded by bin/program.cjs with the code cache that
// `npm run build` (run before the tests) made for it.
const { loadProgram, cacheFileOf } = createRequire(import.meta.url)('../bin/program.cjs');
const BUNDLE = path.join(PROJECT, 'dist', 'report.cjs');

/** Runs `report check` from a loaded program on the minimal fixture; returns the exit code and output. */
async function check(program: { run: (argv: string[], io: object) => Promise<number> }) {
  let stdout = '';
  const code = await program.run(['check', '2023'], { stdout: (t: string) => (stdout += t), stderr: () => undefined, cwd: path.join(FIXTURES, 'minimal'), env: {} });
  return { code, stdout };
}

describe('the bundled program', () => {
  it('is loaded with the code cache made at build time, which this Node accepts', async () => {
    const loaded = loadProgram();
    expect(loaded.cacheAccepted).toBe(true);
    expect(await check(loaded.program)).toMatchObject({ code: 0 });
  });

  it('still runs, compiling as usual, when its cache is damaged or missing', async () => {
    const dir = tempFolder('report-program-');
    const bundle = path.join(dir, 'report.cjs');
    fs.copyFileSync(BUNDLE, bundle);
    fs.writeFileSync(cacheFileOf(bundle), 'not a code cache');
    const damaged = loadProgram(bundle);
    expect(damaged.cacheAccepted).toBe(false);
    fs.rmSync(cacheFileOf(bundle));
    const missing = loadProgram(bundle);
    expect(missing.cacheAccepted).toBe(false);
    const expected = await check(loadProgram().program);
    expect(await check(damaged.program)).toEqual(expected);
    expect(await check(missing.program)).toEqual(expected);
  });
});
