import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT, removeTempFolders, workspaceFrom } from './helpers.js';

const BIN = path.join(PROJECT, 'bin', 'report.cjs');
const EARLIER = Buffer.from('the earlier document, as signed last week');

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  milliseconds: number;
}

/** Runs `report build 2023` as a process and sends it `signal` after `delay` ms (none when undefined). */
function buildAndStop(dir: string, delay: number | undefined, signal: NodeJS.Signals = 'SIGINT'): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'build', '2023', '--out', 'bao-cao.docx'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    const timer = delay === undefined ? undefined : setTimeout(() => child.kill(signal), delay);
    child.on('close', (code, received) => {
      clearTimeout(timer);
      resolve({ code, signal: received, stderr, milliseconds: Date.now() - started });
    });
  });
}

/** The invariant at any moment of a stop: the earlier document intact or the new one complete, and no temporary file. */
function expectNothingLost(dir: string): void {
  expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  const bytes = fs.readFileSync(path.join(dir, 'bao-cao.docx'));
  if (!bytes.equals(EARLIER)) expect(Object.keys(unzipSync(bytes))).toContain('word/document.xml');
}

describe('a build stopped by Ctrl+C or a kill (runs bin/report.cjs and dist/)', () => {
  it('leaves the earlier document intact or the new one complete, and no temporary file, at 6 points of the run', async () => {
    const dir = workspaceFrom(PROJECT);
    fs.writeFileSync(path.join(dir, 'bao-cao.docx'), EARLIER);
    const runs = [await buildAndStop(dir, undefined), await buildAndStop(dir, undefined)];
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    // From Node's start-up to just past the end of an uninterrupted run, as long as it takes on this machine.
    const whole = Math.min(...runs.map((r) => r.milliseconds));
    const points = Array.from({ length: 6 }, (_, i) => Math.round(whole * (0.2 + (0.9 * i) / 5)));
    for (const [i, delay] of points.entries()) {
      fs.writeFileSync(path.join(dir, 'bao-cao.docx'), EARLIER);
      const signal = i % 3 === 2 ? 'SIGTERM' : 'SIGINT';
      const stopped = await buildAndStop(dir, delay, signal);
      expect(stopped.stderr).not.toMatch(/\n\s+at /);
      // Killed by the signal while Node starts (no handler yet), stopped by the handler (128 + signal),
      // or finished first (a signal during the last synchronous stretch is only seen after the write).
      if (stopped.signal === null && stopped.code !== 0) {
        expect(stopped.code).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(stopped.stderr).toContain('Báo cáo không bao giờ bị ghi dở');
      }
      expectNothingLost(dir);
    }
  }, 60_000);
});

/** A LibreOffice that never finishes: it starts a helper (as soffice starts soffice.bin), says which processes it runs, and waits. */
const STUCK_SOFFICE = `#!/bin/sh
# Called as soffice is: -env:UserInstallation=... --headless --convert-to pdf --outdir WORK INPUT
sleep 120 &
echo "$$ $!" > "$6/started"
wait
`;

/** Whether a process has ended: gone, or a zombie that its new parent has not reaped yet. */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return true;
  }
}

/** The running processes whose command line names `text` (Linux). */
function processesNaming(text: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter((pid) => !ended(pid));
}

async function until(condition: () => boolean, milliseconds: number): Promise<boolean> {
  for (const deadline = Date.now() + milliseconds; Date.now() < deadline; await sleep(20)) if (condition()) return true;
  return condition();
}

/**
 * Runs \`report build 2023 --format pdf\` with a temporary folder of its own, and sends SIGTERM
 * once \`converting\` says LibreOffice works in the build's work folder there.
 */
async function stopPdfBuild(dir: string, env: Record<string, string>, converting: (work: string) => boolean) {
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  const child = spawn(process.execPath, [BIN, 'build', '2023', '--format', 'pdf', '--out', 'bao-cao.pdf'], { cwd: dir, env: { ...process.env, ...env, TMPDIR: tmp } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<{ code: number | null }>((resolve) => child.on('close', (code) => resolve({ code })));
  let work = '';
  const started = await until(() => {
    work = fs.readdirSync(tmp).find((name) => name.startsWith('report-pdf-')) ?? '';
    return work !== '' && converting(path.join(tmp, work));
  }, 20_000);
  child.kill('SIGTERM');
  return { started, ...(await closed), stderr, tmp, work: path.join(tmp, work) };
}

function expectNoOutput(dir: string, tmp: string): void {
  expect(fs.readdirSync(tmp)).toEqual([]);
  expect(fs.existsSync(path.join(dir, 'bao-cao.pdf'))).toBe(false);
  expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

const hasSoffice = (() => {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(process.platform === 'win32')('a PDF build stopped while LibreOffice converts', () => {
  afterEach(removeTempFolders);

  it('ends LibreOffice and what it started, removes its work folder, writes nothing, and exits 143', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'soffice'), STUCK_SOFFICE, { mode: 0o755 });
    let pids: number[] = [];
    const stopped = await stopPdfBuild(dir, { PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` }, (work) => {
      const started = path.join(work, 'started');
      if (fs.existsSync(started)) pids = fs.readFileSync(started, 'utf8').trim().split(' ').map(Number);
      return pids.length === 2;
    });
    expect(stopped.started).toBe(true);
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toContain('Đã dừng vì chương trình bị tắt từ bên ngoài');
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    expectNoOutput(dir, stopped.tmp);
    expect(await until(() => pids.every(ended), 2000)).toBe(true);
  }, 30_000);

  it.skipIf(!hasSoffice || !fs.existsSync('/proc'))('the same with the real LibreOffice', async () => {
    const dir = workspaceFrom(path.join(FIXTURES, 'minimal'));
    // Stopped once LibreOffice has made its profile: it is running, not yet done.
    const stopped = await stopPdfBuild(dir, {}, (work) => fs.existsSync(path.join(work, 'profile')));
    expect(stopped.started).toBe(true);
    expect(stopped.code).toBe(143);
    expectNoOutput(dir, stopped.tmp);
    expect(await until(() => processesNaming(stopped.work).length === 0, 2000)).toBe(true);
  }, 60_000);
});
