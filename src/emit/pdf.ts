import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunError } from '../diagnostics.js';
import { onStop } from '../stop-cleanup.js';
import { findSoffice, SOFFICE_VARIABLE } from './find-soffice.js';

const INSTALL =
  'Cài LibreOffice rồi chạy lại: trên Debian/Ubuntu "sudo apt install libreoffice-writer", trên Windows tải tại https://www.libreoffice.org/download/ . ' +
  `Nếu đã cài ở nơi khác, đặt biến môi trường ${SOFFICE_VARIABLE} là đường dẫn tới soffice (trên Windows: ...\\LibreOffice\\program\\soffice.exe). ` +
  'Không có LibreOffice vẫn tạo được tệp .docx (bỏ --format pdf).';

/**
 * The profile setting that makes LibreOffice's PDF export keep Word comments, as PDF notes at
 * their anchors (a review copy). Set in the run's own profile rather than as a filter option on
 * the command line, which older versions and Windows quoting do not take alike.
 */
const EXPORT_NOTES = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="ExportNotes" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

/** The longest a conversion may take before LibreOffice is taken for stuck. */
const TIMEOUT_MS = 180_000;

/**
 * Turns .docx bytes into PDF bytes with LibreOffice headless. Each run has a profile folder
 * of its own, so parallel builds do not wait on or break each other's LibreOffice. It runs
 * asynchronously, so that Ctrl+C or a kill is handled while it converts: LibreOffice is then
 * ended and its work folder removed (src/stop-cleanup.ts). With `comments`, the .docx's
 * comments become PDF notes (LibreOffice leaves them out by default).
 */
export async function convertToPdf(
  docx: Uint8Array,
  env: Readonly<Record<string, string | undefined>> = {},
  options: { comments?: boolean } = {},
): Promise<Uint8Array> {
  const windows = os.platform() === 'win32';
  const searched = findSoffice({ env, platform: os.platform(), isFile });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  // A process being ended on Windows may still hold its files for a moment: rm retries.
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  let converter: ChildProcess | undefined;
  let running = false;
  const release = onStop(() => {
    if (running && converter) endProcessTree(converter, windows);
    removeWork();
  });
  try {
    const input = path.join(work, 'bao-cao.docx');
    fs.writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    if (options.comments) {
      fs.mkdirSync(path.join(work, 'profile', 'user'), { recursive: true });
      fs.writeFileSync(path.join(work, 'profile', 'user', 'registrymodifications.xcu'), EXPORT_NOTES);
    }
    // Without a path found, the system's own search has the last word (a batch worker given no environment).
    converter = spawn(searched ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, input], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so that ending it ends what it started (soffice starts soffice.bin).
      detached: !windows,
      // Its temporary files (lu*.tmp) go to the work folder, removed with it even when LibreOffice is killed.
      env: { ...process.env, TMPDIR: work, TMP: work, TEMP: work },
      windowsHide: true,
    });
    running = true;
    const result = await outcome(converter, windows);
    running = false;
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new RunError(`Máy chưa cài LibreOffice nên không tạo được PDF. ${INSTALL}`);
    const output = path.join(work, 'bao-cao.pdf');
    if (result.code !== 0 || !fs.existsSync(output)) {
      const reason = result.timedOut
        ? `không xong sau ${TIMEOUT_MS / 1000} giây`
        : result.error
          ? result.error.message
          : result.stderr.trim() || `mã thoát ${result.code}`;
      throw new RunError(`LibreOffice không chuyển được báo cáo sang PDF (${reason}). Thử mở tệp .docx bằng LibreOffice để xem lỗi.`);
    }
    return fs.readFileSync(output);
  } finally {
    if (running && converter) endProcessTree(converter, windows);
    release();
    removeWork();
  }
}

interface Outcome {
  code: number | null;
  error?: Error;
  stderr: string;
  timedOut: boolean;
}

/** How the converter ended; one that takes longer than TIMEOUT_MS is ended. */
function outcome(child: ChildProcess, windows: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      endProcessTree(child, windows);
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, error, stderr, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

/** Ends a converter and what it started: its process group on Unix, its process tree on Windows. */
function endProcessTree(child: ChildProcess, windows: boolean): void {
  if (child.pid === undefined) return;
  if (windows) {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
