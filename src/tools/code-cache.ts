import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Script } from 'node:vm';
import type { Io } from '../io.js';
import { PACKAGE_ROOT } from '../package-paths.js';
import { latestYear } from '../workspace.js';

type Program = typeof import('../program.js');
const { loadProgram, cacheFileOf } = createRequire(import.meta.url)('../../bin/program.cjs') as {
  loadProgram(bundle: string, options: { useCache: boolean }): { program: Program; script: Script };
  cacheFileOf(bundle: string): string;
};

/**
 * Writes the bundle's V8 code cache (read by bin/program.cjs). V8 only caches functions that
 * have been compiled, and compiles most functions when first called: the cache is made after
 * running `build` and `check` on the example data, so that it holds what those commands run.
 */
export async function writeCodeCache(bundle: string): Promise<void> {
  const { program, script } = loadProgram(bundle, { useCache: false });
  const year = latestYear(PACKAGE_ROOT);
  if (year) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-code-cache-'));
    const io: Io = { stdout: () => undefined, stderr: () => undefined, cwd: PACKAGE_ROOT, env: {} };
    try {
      await program.run(['build', year, '--out', path.join(scratch, 'bao-cao.docx')], io);
      await program.run(['check', year], io);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  fs.writeFileSync(cacheFileOf(bundle), script.createCachedData());
}
