import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Gives the whole test run a temporary folder of its own, set as TMPDIR (TEMP and TMP on
 * Windows) before vitest starts its workers, so that every folder a test, the program under
 * test or LibreOffice makes in os.tmpdir() is inside it; removed when the run ends.
 */
export default function privateTemp(): () => void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-tests-'));
  const before = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  Object.assign(process.env, { TMPDIR: folder, TEMP: folder, TMP: folder });
  return () => {
    fs.rmSync(folder, { recursive: true, force: true });
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
