import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT, removeTempFolders, workspaceFrom } from './helpers.js';

afterEach(removeTempFolders);

const BIN = path.join(PROJECT, 'bin', 'report.cjs');

/**
 * A preload that records what the bundled program asks Node for: the spreadsheet libraries,
 * inlined in dist/report.cjs, ask for node:stream (write-excel-file) when they are set up, and
 * read-excel-file's graceful-fs leaves its queue on the global object.
 */
const PROBE = `
const Module = require('node:module');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ stream: seen.has('node:stream'), gracefulFs: Boolean(globalThis[Symbol.for('graceful-fs.queue')]) }));
});
`;

function runBundle(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; loaded: { stream: boolean; gracefulFs: boolean } } {
  const probe = path.join(cwd, 'probe.cjs');
  const out = path.join(cwd, 'probe.json');
  fs.writeFileSync(probe, PROBE);
  const result = spawnSync(process.execPath, ['-r', probe, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PROBE_OUT: out }, timeout: 60_000 });
  const loaded = JSON.parse(fs.readFileSync(out, 'utf8')) as { stream: boolean; gracefulFs: boolean };
  fs.rmSync(out);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
}

describe('the bundle (dist/report.cjs through bin/report.cjs)', () => {
  it('exports and imports from the built bundle; check and build never set up the spreadsheet library', () => {
    const dir = workspaceFrom(PROJECT);
    const exported = runBundle(['export', '2023'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(path.join('out', 'so-lieu-2023.xlsx'));
    expect(exported.loaded.stream).toBe(true);

    const imported = runBundle(['import', '2023'], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Không có số liệu nào khác với dữ liệu/);
    expect(imported.loaded.gracefulFs).toBe(true);

    for (const args of [['check', '2023'], ['build', '2023']]) {
      const run = runBundle(args, dir);
      expect(run.code, args.join(' ')).not.toBe(2);
      expect(run.loaded, args.join(' ')).toEqual({ stream: false, gracefulFs: false });
    }
  }, 120_000);
});
