import fs from 'node:fs';
import path from 'node:path';
import { RunError } from '../diagnostics.js';
import { specialFileKind } from '../file-kind.js';
import { freshTemporaryPath } from '../temporary-path.js';

/**
 * Writes `bytes` to `target` through a temporary file in the same folder, renamed into
 * place: a failed or interrupted write leaves any earlier file untouched. Write and rename
 * are one synchronous step, so a signal handler (bin/report.cjs) never runs between them.
 * `rename` is the file system's, replaced in tests by one that fails as Windows does.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, shownTarget: string, rename = fs.renameSync): void {
  const folder = path.dirname(target);
  const stat = statOrUndefined(target);
  if (stat?.isDirectory()) {
    throw new RunError(`${shownTarget} là một thư mục. Chọn một tên tệp, ví dụ --out ${path.join(shownTarget, 'bao-cao.docx')}.`);
  }
  const special = stat && specialFileKind(stat);
  if (special) {
    throw new RunError(`${shownTarget} là ${special}, không phải tệp thường: chương trình không ghi vào đó, và để nguyên nó. Chọn một tên tệp khác bằng --out, ví dụ --out bao-cao.docx.`);
  }
  const shownFolder = path.dirname(shownTarget) || '.';
  const folderStat = statOrUndefined(folder);
  if (!folderStat) throw new RunError(`Thư mục ${shownFolder} không tồn tại. Tạo thư mục đó trước, hoặc chọn nơi lưu khác.`);
  if (!folderStat.isDirectory()) throw new RunError(`${shownFolder} là một tệp, không phải thư mục, nên không lưu được báo cáo vào đó. Chọn nơi lưu khác bằng --out.`);
  const temporary = freshTemporaryPath(folder);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    renameWhenFree(temporary, target, rename);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new RunError(`Không ghi được ${shownTarget}: ${writeFailure(error)}. Tệp cũ (nếu có) vẫn giữ nguyên.`);
  }
}

/**
 * Waits between tries of a rename that a reader holds (Word, an antivirus scanning the new
 * file: EBUSY, EPERM or EACCES on Windows). Five tries, 0,75 s at the most, then the reason is said.
 */
const RENAME_RETRY_MS = [50, 100, 200, 400];
const HELD = new Set(['EBUSY', 'EPERM', 'EACCES']);

function renameWhenFree(from: string, to: string, rename: (from: string, to: string) => void): void {
  for (const wait of [...RENAME_RETRY_MS, undefined]) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      if (wait === undefined || !HELD.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      sleep(wait);
    }
  }
}

/** Blocks the thread: the write stays one step that no signal handler cuts into. */
function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Makes the default output folder (out/) when it is missing. */
export function ensureFolder(folder: string, shownFolder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'đã có một tệp trùng tên. Đổi tên tệp đó, hoặc chọn nơi lưu khác bằng --out' : writeFailure(error);
    throw new RunError(`Không tạo được thư mục ${shownFolder}: ${reason}.`);
  }
}

/**
 * Why a write failed, and what to do, in words a clerk can act on. `ownChoice` is whether the
 * clerk chose the place (--out): then a place elsewhere is the way out; for the data's own
 * files (init, import) it is not.
 */
export function writeFailure(error: unknown, ownChoice = true): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? `không có quyền ghi, hoặc tệp đang mở trong Word. Đóng tệp, hoặc ${ownChoice ? 'chọn nơi lưu khác bằng --out' : 'kiểm tra quyền ghi của thư mục đó'}`
    : code === 'EBUSY'
      ? 'tệp đang được chương trình khác mở. Đóng tệp rồi chạy lại'
      : code === 'ENOSPC'
        ? 'ổ đĩa đã đầy. Giải phóng chỗ trống rồi chạy lại'
        : code === 'ENAMETOOLONG'
          ? `tên tệp hoặc đường dẫn quá dài (một tên tệp được tối đa 255 byte; chữ có dấu chiếm 2–3 byte mỗi chữ). ${ownChoice ? 'Chọn tên ngắn hơn bằng --out' : 'Chuyển dự án tới thư mục có đường dẫn ngắn hơn'}`
          : `lỗi hệ thống ${code ?? ''}`.trim();
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
