import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../src/diagnostics.js';
import { writeFileAtomic } from '../src/emit/write-atomic.js';
import { temporaryName } from '../src/temporary-path.js';
import { cli, docxPart, editFile, FIXTURES, PROJECT, removeTempFolders, workspaceFrom } from './helpers.js';

const BIN = path.join(PROJECT, 'bin', 'report.cjs');
const MINIMAL = path.join(FIXTURES, 'minimal');
const DATA = path.join('data', '2023');
const isUnix = process.platform !== 'win32';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

/**
 * Runs the CLI as a process, killed after `budget` ms: a run stuck on a file fails its test
 * (no exit code) instead of blocking the test worker, as reading it in-process would.
 */
function runWithin(budget: number, args: string[], cwd: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, timeout: budget, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a chunk may end inside a character.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, milliseconds: Date.now() - started }));
  });
}

/** The pid of a process that has ended (and been reaped: a zombie would still count as running). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

afterEach(removeTempFolders);

describe.skipIf(!isUnix)('a data file, kiem-tra.yaml or a template that is a FIFO or a device', () => {
  const fifo = (file: string) => execFileSync('mkfifo', [file]);
  const linkTo = (device: string) => (file: string) => fs.symlinkSync(device, file);
  const DEVICE = 'một thiết bị của hệ thống';
  const FIFO = 'một ống dẫn (FIFO)';

  it.each([
    { name: 'a data file that is a FIFO nobody writes', file: path.join(DATA, 'van-hoa.yaml'), make: fifo, kind: FIFO, what: 'tệp dữ liệu' },
    { name: 'a data file linked to /dev/zero', file: path.join(DATA, 'van-hoa.yaml'), make: linkTo('/dev/zero'), kind: DEVICE, what: 'tệp dữ liệu' },
    { name: 'kiem-tra.yaml as a FIFO', file: path.join('data', 'kiem-tra.yaml'), make: fifo, kind: FIFO, what: 'tệp dữ liệu' },
    { name: 'the main template as a FIFO', file: path.join('templates', 'bao-cao.md.hbs'), make: fifo, kind: FIFO, what: 'tệp mẫu' },
    { name: 'a partial linked to /dev/zero', file: path.join('templates', 'muc-so.md.hbs'), make: linkTo('/dev/zero'), kind: DEVICE, what: 'tệp mẫu' },
  ])('$name: build and check end at once, with an error at the file', async ({ file, make, kind, what }) => {
    const dir = workspaceFrom(MINIMAL, true);
    fs.rmSync(path.join(dir, file), { force: true });
    make(path.join(dir, file));
    const built = await runWithin(10_000, ['build', '2023', '--out', 'bao-cao.docx'], dir);
    expect(built.code).toBe(1);
    expect(built.stderr.startsWith(`${file}:1:1  lỗi  ${file} là ${kind}, không phải ${what}`)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'bao-cao.docx'))).toBe(false);
    if (what === 'tệp dữ liệu') {
      // check reads no template; data it cannot read ends it with 2, as a syntax error does.
      const checked = await runWithin(10_000, ['check', '2023'], dir);
      expect(checked.code).toBe(2);
      expect(checked.stdout).toContain(`${file}\n  1:1  lỗi      ${file} là ${kind}, không phải tệp dữ liệu: chương trình không mở nó`);
    }
  }, 25_000);
});

describe('one paragraph with tens of thousands of references', () => {
  const KINH_TE = path.join(DATA, 'kinh-te.yaml');

  it('30 000 references to one figure: checked and built in seconds', async () => {
    const dir = workspaceFrom(MINIMAL);
    editFile(path.join(dir, KINH_TE), (text) => text.replace('{{thu_nhap_binh_quan}}.', `{{thu_nhap_binh_quan}}. ${'{{tong_thu_nhap}} '.repeat(30_000)}`));
    expect(await runWithin(10_000, ['check', '2023'], dir)).toMatchObject({ code: 0 });
    const built = await runWithin(10_000, ['build', '2023', '--format', 'md', '--out', 'bao-cao.md'], dir);
    expect(built.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'bao-cao.md'), 'utf8').split('100 tỷ đồng').length).toBeGreaterThan(30_000);
  }, 25_000);

  it('5 000 misspelt figure keys and 20 000 copies of one: every one reported at its place, in seconds', async () => {
    const dir = workspaceFrom(PROJECT);
    const misspelt = Array.from({ length: 5000 }, (_, i) => `{{san_luong_lua_${i}}}`).join(' ');
    let line = 0;
    editFile(path.join(dir, KINH_TE), (text) => {
      const at = text.indexOf('\nnoi_dung:\n') + '\nnoi_dung:\n'.length;
      line = text.slice(0, at).split('\n').length;
      return `${text.slice(0, at)}  - Sai ${misspelt}\n  - Sai ${'{{san_luong_luaa}} '.repeat(20_000)}\n${text.slice(at)}`;
    });
    const result = await runWithin(10_000, ['check', '2023', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { messages: { line: number; column: number; message: string }[] }[]).flatMap((f) => f.messages);
    const wrong = messages.filter((m) => m.message.startsWith('Không có chỉ tiêu "san_luong_lua'));
    expect(wrong).toHaveLength(25_000);
    expect(wrong[0]).toMatchObject({ line, column: 9, message: expect.stringContaining('Có phải là "san_luong_lua"?') });
    expect(wrong[4999]).toMatchObject({ line, column: 9 + misspelt.length - '{{san_luong_lua_4999}}'.length });
    expect(wrong[24_999]).toMatchObject({ line: line + 1, column: 9 + 19 * 19_999 });
  }, 25_000);
});

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

describe('a time a .docx (zip) cannot hold', () => {
  it('a SOURCE_DATE_EPOCH past 2099 still builds: the times stop at the end of 2099', async () => {
    const dir = workspaceFrom(MINIMAL);
    const result = await cli(['build', '2023', '--out', 'bao-cao.docx'], dir, { SOURCE_DATE_EPOCH: '99999999999' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(docxPart(path.join(dir, 'bao-cao.docx'), 'docProps/core.xml')).toContain('>2099-12-31T23:59:58Z<');
  }, 10_000);
});

describe('--out naming a source of the report', () => {
  it.each([
    { name: 'a data file', out: path.join(DATA, 'kinh-te.yaml') },
    { name: 'a new file in the data folder', out: path.join(DATA, 'bao-cao.docx') },
    { name: 'a template', out: path.join('templates', 'bao-cao.md.hbs') },
    { name: 'a YAML file anywhere', out: 'ghi-chu.yaml' },
    { name: 'a link into the data folder', out: 'lien-ket.docx', link: path.join(DATA, 'van-hoa.yaml') },
  ])('$name is refused with exit 2, the file untouched', async ({ out, link }) => {
    const dir = workspaceFrom(MINIMAL, true);
    fs.writeFileSync(path.join(dir, 'ghi-chu.yaml'), 'ghi chú\n');
    if (link) fs.symlinkSync(path.join(dir, link), path.join(dir, out));
    const target = path.join(dir, link ?? out);
    const before = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
    const result = await cli(['build', '2023', '--out', out], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Lỗi: --out \S+ trỏ vào \S+, một tệp nguồn của báo cáo \(dữ liệu, mẫu hoặc lược đồ\): chương trình không bao giờ ghi đè lên đó\./);
    expect(fs.existsSync(target) ? fs.readFileSync(target) : undefined).toEqual(before);
  });
});
