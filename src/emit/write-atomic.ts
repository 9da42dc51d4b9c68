import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RunError } from '../diagnostics.js';

/**
 * Writes `bytes` to `target` through a temporary file in the same folder, renamed into
 * place: a failed or interrupted write leaves any earlier file untouched. Write and rename
 * are one synchronous step, so a signal handler (bin/report.cjs) never runs between them.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, shownTarget: string): void {
  const folder = path.dirname(target);
  const stat = statOrUndefined(target);
  if (stat?.isDirectory()) {
    throw new RunError(`${shownTarget} là một thư mục. Chọn một tên tệp, ví dụ --out ${path.join(shownTarget, 'bao-cao.docx')}.`);
  }
  const shownFolder = path.dirname(shownTarget) || '.';
  const folderStat = statOrUndefined(folder);
  if (!folderStat) throw new RunError(`Thư mục ${shownFolder} không tồn tại. Tạo thư mục đó trước, hoặc chọn nơi lưu khác.`);
  if (!folderStat.isDirectory()) throw new RunError(`${shownFolder} là một tệp, không phải thư mục, nên không lưu được báo cáo vào đó. Chọn nơi lưu khác bằng --out.`);
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new RunError(`Không ghi được ${shownTarget}: ${writeFailure(error)}. Tệp cũ (nếu có) vẫn giữ nguyên.`);
  }
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

/** Why a write failed, and what to do, in words a clerk can act on. */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? 'không có quyền ghi, hoặc tệp đang mở trong Word. Đóng tệp, hoặc chọn nơi lưu khác bằng --out'
    : code === 'EBUSY'
      ? 'tệp đang được chương trình khác mở. Đóng tệp rồi chạy lại'
      : code === 'ENOSPC'
        ? 'ổ đĩa đã đầy. Giải phóng chỗ trống rồi chạy lại'
        : `lỗi hệ thống ${code ?? ''}`.trim();
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
