import fs from 'node:fs';
import path from 'node:path';
import { RunError } from './diagnostics.js';
import { writeFailure } from './emit/write-atomic.js';
import { freshTemporaryPath } from './temporary-path.js';

/** A file to replace, with its new content. */
export interface FileReplacement {
  path: string;
  shown: string;
  text: string;
}

/**
 * Replaces several files, all or none. The new contents are first written in full into a
 * staging folder next to them (`.report-<pid>-<hex>.tmp`, as `report init` stages a new
 * period), with copies of the files as they were; then each is renamed into place. A rename
 * that fails puts back the files already replaced, from the copies. The renames are one
 * synchronous step, so a Ctrl+C (whose handler runs between steps) never falls between two.
 */
export function replaceFilesTogether(files: readonly FileReplacement[], folder: string): void {
  if (files.length === 0) return;
  const staging = freshTemporaryPath(folder);
  const shownFolder = path.basename(folder);
  try {
    fs.mkdirSync(staging);
  } catch (error) {
    throw new RunError(`Không tạo được thư mục tạm trong ${shownFolder} (${writeFailure(error, false)}): không tệp nào bị sửa.`);
  }
  const staged = files.map((file, i) => ({ ...file, next: path.join(staging, `${i}.new`), before: path.join(staging, `${i}.old`) }));
  const replaced: typeof staged = [];
  try {
    for (const file of staged) {
      const mode = fs.statSync(file.path).mode;
      fs.writeFileSync(file.next, file.text, { flag: 'wx', mode });
      fs.copyFileSync(file.path, file.before);
    }
    for (const file of staged) {
      fs.renameSync(file.next, file.path);
      replaced.push(file);
    }
  } catch (error) {
    const undone = replaced.filter((file) => {
      try {
        fs.renameSync(file.before, file.path);
        return false;
      } catch {
        return true;
      }
    });
    if (undone.length > 0) {
      // Kept under a name no later run takes for an abandoned temporary folder, so that nothing is lost.
      const kept = keptCopies(staging, folder);
      throw new RunError(
        `Không ghi được ${files.map((f) => f.shown).join(', ')} (${writeFailure(error, false)}), và không trả lại được ${undone.map((f) => f.shown).join(', ')}: ` +
          `bản cũ nằm trong ${kept} (tệp .old, theo thứ tự trên). Chép chúng về chỗ cũ.`,
      );
    }
    fs.rmSync(staging, { recursive: true, force: true });
    throw new RunError(`Không ghi được ${files.map((f) => f.shown).join(', ')} (${writeFailure(error, false)}): không tệp nào bị sửa.`);
  }
  fs.rmSync(staging, { recursive: true, force: true });
}

/** The staging folder renamed out of the temporary names (`report-ban-cu-<time>`), or left as it is when that fails. */
function keptCopies(staging: string, folder: string): string {
  const kept = path.join(folder, `report-ban-cu-${Date.now()}`);
  try {
    fs.renameSync(staging, kept);
    return kept;
  } catch {
    return staging;
  }
}
