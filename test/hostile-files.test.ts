import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../src/diagnostics.js';
import { writeFileAtomic } from '../src/emit/write-atomic.js';
import { temporaryName } from '../src/temporary-path.js';
import { cli, FIXTURES, removeWorkspaces, workspaceFrom } from './helpers.js';

const MINIMAL = path.join(FIXTURES, 'minimal');

/** The pid of a process that has ended (and been reaped: a zombie would still count as running). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

afterEach(removeWorkspaces);

describe('the report written over an earlier one', () => {
  const earlier = Buffer.from('the earlier document');
  const failing = (code: string, times: number) => {
    let calls = 0;
    const rename = (from: string, to: string) => {
      if (++calls <= times) throw Object.assign(new Error(code), { code });
      fs.renameSync(from, to);
    };
    return { rename, calls: () => calls };
  };

  it('is renamed into place once Word or an antivirus lets go of it (EBUSY twice)', () => {
    const dir = workspaceFrom(MINIMAL);
    const target = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(target, earlier);
    const held = failing('EBUSY', 2);
    writeFileAtomic(target, Buffer.from('new'), 'bao-cao.docx', held.rename);
    expect(held.calls()).toBe(3);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('held for good: a clear message within a second, the earlier file intact, no temporary file', () => {
    const dir = workspaceFrom(MINIMAL);
    const target = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(target, earlier);
    const held = failing('EPERM', Infinity);
    const started = Date.now();
    expect(() => writeFileAtomic(target, Buffer.from('new'), 'bao-cao.docx', held.rename)).toThrow(
      new RunError('Không ghi được bao-cao.docx: không có quyền ghi, hoặc tệp đang mở trong Word. Đóng tệp, hoặc chọn nơi lưu khác bằng --out. Tệp cũ (nếu có) vẫn giữ nguyên.'),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(held.calls()).toBe(5);
    expect(fs.readFileSync(target)).toEqual(earlier);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is not tried again when the reason is not a reader holding it (a full disk)', () => {
    const dir = workspaceFrom(MINIMAL);
    const full = failing('ENOSPC', Infinity);
    expect(() => writeFileAtomic(path.join(dir, 'bao-cao.docx'), Buffer.from('new'), 'bao-cao.docx', full.rename)).toThrow('ổ đĩa đã đầy');
    expect(full.calls()).toBe(1);
  });

  it('may have a name of 255 bytes: the temporary name is short whatever the name', async () => {
    const dir = workspaceFrom(MINIMAL);
    const name = `${'ă'.repeat(125)}.docx`; // 2 bytes a letter: 255 bytes
    expect(Buffer.byteLength(name)).toBe(255);
    const result = await cli(['build', '2023', '--out', name], dir);
    expect(result.stderr).toBe('');
    expect(fs.existsSync(path.join(dir, name))).toBe(true);
  }, 10_000);
});

describe('temporary files a killed run left', () => {
  /** A process that runs while the test does: the writer of a temporary file that must stay. */
  const liveWriter = () => spawn(process.execPath, ['-e', 'setTimeout(() => 0, 30000)'], { stdio: 'ignore' });

  it('are removed by the next build into the same folder; a running writer’s and other files stay', async () => {
    const dir = workspaceFrom(MINIMAL);
    const live = liveWriter();
    try {
      const dead = await deadPid();
      const abandoned = [temporaryName(dead), temporaryName(dead)];
      fs.writeFileSync(path.join(dir, abandoned[0]!), 'half a report');
      fs.mkdirSync(path.join(dir, abandoned[1]!));
      fs.writeFileSync(path.join(dir, abandoned[1]!, 'van-ban.yaml'), 'half a folder');
      const kept = [temporaryName(live.pid!), 'ghi-chu.tmp', '.report-notes.tmp'];
      for (const name of kept) fs.writeFileSync(path.join(dir, name), 'keep');
      expect((await cli(['build', '2023', '--out', 'bao-cao.docx'], dir)).code).toBe(0);
      const left = fs.readdirSync(dir);
      for (const name of abandoned) expect(left).not.toContain(name);
      for (const name of kept) expect(left).toContain(name);
    } finally {
      live.kill();
    }
  }, 10_000);

  it('are removed from data/ by report init, whose staging folder is named the same way', async () => {
    const dir = workspaceFrom(MINIMAL);
    const live = liveWriter();
    try {
      const abandoned = temporaryName(await deadPid());
      const running = temporaryName(live.pid!);
      for (const name of [abandoned, running]) fs.mkdirSync(path.join(dir, 'data', name));
      expect((await cli(['init', '2024'], dir)).code).toBe(0);
      expect(fs.readdirSync(path.join(dir, 'data')).sort()).toEqual([running, '2023', '2024'].sort());
    } finally {
      live.kill();
    }
  }, 10_000);
});
