import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editFile, FIXTURES, PROJECT, tempFolder, workspaceFrom } from './helpers.js';

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

  it('prints the report from the shipped templates compiled at build time, byte for byte as the source compiles them', async () => {
    const dir = workspaceFrom(PROJECT);
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {} };
    expect(await loadProgram().program.run(['build', '2023', '--out', 'bundled.docx'], io)).toBe(0);
    expect((await cli(['build', '2023', '--out', 'source.docx'], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bundled.docx')).equals(fs.readFileSync(path.join(dir, 'source.docx')))).toBe(true);
  });

  it('uses a project\'s own templates, not the compiled shipped ones, once they differ by a character', async () => {
    const dir = workspaceFrom(PROJECT, true);
    editFile(path.join(dir, 'templates', 'noi-dung.md.hbs'), (t) => t.replace('{{doan}}', '*Đoạn:* {{doan}}'));
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {} };
    expect(await loadProgram().program.run(['build', '2023', '--format', 'md', '--out', 'r.md'], io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).toContain('*Đoạn:* Năm 2023 là năm giữa nhiệm kỳ');
  });
});
