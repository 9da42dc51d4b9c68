import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunError } from '../diagnostics.js';

const INSTALL =
  'Cài LibreOffice rồi chạy lại: trên Debian/Ubuntu "sudo apt install libreoffice-writer", trên Windows tải tại https://www.libreoffice.org/download/ . ' +
  'Không có LibreOffice vẫn tạo được tệp .docx (bỏ --format pdf).';

/**
 * Turns .docx bytes into PDF bytes with LibreOffice headless. Each run has a profile folder
 * of its own, so parallel builds do not wait on or break each other's LibreOffice.
 */
export function convertToPdf(docx: Uint8Array): Uint8Array {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  try {
    const input = path.join(work, 'bao-cao.docx');
    fs.writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, input], {
      stdio: 'pipe',
      timeout: 180_000,
    });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new RunError(`Máy chưa cài LibreOffice nên không tạo được PDF. ${INSTALL}`);
    const output = path.join(work, 'bao-cao.pdf');
    if (result.status !== 0 || !fs.existsSync(output)) {
      const reason = result.error ? result.error.message : (result.stderr.toString().trim() || `mã thoát ${result.status}`);
      throw new RunError(`LibreOffice không chuyển được báo cáo sang PDF (${reason}). Thử mở tệp .docx bằng LibreOffice để xem lỗi.`);
    }
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
