import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RunError } from '../diagnostics.js';

/**
 * Writes `bytes` to `target` through a temporary file in the same folder, renamed into
 * place: a failed or interrupted write leaves any earlier file untouched.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, shownTarget: string): void {
  const folder = path.dirname(target);
  const stat = statOrUndefined(target);
  if (stat?.isDirectory()) {
    throw new RunError(`${shownTarget} là một thư mục. Chọn một tên tệp, ví dụ --out ${path.join(shownTarget, 'bao-cao.docx')}.`);
  }
  if (!statOrUndefined(folder)?.isDirectory()) {
    throw new RunError(`Thư mục ${path.dirname(shownTarget) || '.'} không tồn tại. Tạo thư mục đó trước, hoặc chọn nơi lưu khác.`);
  }
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'không có quyền ghi, hoặc tệp đang mở trong Word. Đóng tệp, hoặc chọn nơi lưu khác bằng --out'
        : code === 'EBUSY'
          ? 'tệp đang được chương trình khác mở. Đóng tệp rồi chạy lại'
          : code === 'ENOSPC'
            ? 'ổ đĩa đã đầy. Giải phóng chỗ trống rồi chạy lại'
            : `lỗi hệ thống ${code ?? ''}`.trim();
    throw new RunError(`Không ghi được ${shownTarget}: ${reason}. Tệp cũ (nếu có) vẫn giữ nguyên.`);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
