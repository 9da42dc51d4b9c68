import path from 'node:path';
import { RunError } from '../diagnostics.js';

/** What the search for LibreOffice looks at: given by the caller, so tests can act as Windows. */
export interface SofficeSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Whether a path names an existing file. */
  isFile: (file: string) => boolean;
}

/** The environment variable naming LibreOffice's soffice, where the search would not find it. */
export const SOFFICE_VARIABLE = 'REPORT_SOFFICE';

/**
 * Where LibreOffice's `soffice` is: REPORT_SOFFICE when set; else the first on PATH; else its
 * usual install folder (on Windows, whose installer does not add it to PATH,
 * `LibreOffice\program\soffice.exe` under each Program Files folder; on macOS, the app). Undefined
 * when it is nowhere; a REPORT_SOFFICE that names no file is an error of its own.
 */
export function findSoffice({ env, platform, isFile }: SofficeSearch): string | undefined {
  const windows = platform === 'win32';
  const paths = windows ? path.win32 : path.posix;
  // Windows' variable names are case-blind: PATH is often "Path".
  const variable = (name: string) =>
    windows ? Object.entries(env).find(([key]) => key.toUpperCase() === name.toUpperCase())?.[1] : env[name];
  const chosen = variable(SOFFICE_VARIABLE);
  if (chosen) {
    if (isFile(chosen)) return chosen;
    const example = windows ? 'C:\\Program Files\\LibreOffice\\program\\soffice.exe' : '/usr/bin/soffice';
    throw new RunError(`Biến môi trường ${SOFFICE_VARIABLE} là "${chosen}", nhưng không có tệp nào ở đó. Đặt biến này là đường dẫn tới soffice, ví dụ ${example}, hoặc bỏ biến này.`);
  }
  const names = windows ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  const onPath = (variable('PATH') ?? '')
    .split(paths.delimiter)
    .map((folder) => folder.replace(/^"(.*)"$/, '$1'))
    .filter(Boolean)
    .flatMap((folder) => names.map((name) => paths.join(folder, name)));
  return [...onPath, ...installFolders(platform, variable)].find(isFile);
}

function installFolders(platform: NodeJS.Platform, variable: (name: string) => string | undefined): string[] {
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  if (platform !== 'win32') return [];
  // 64-bit LibreOffice goes to "Program Files", 32-bit to "Program Files (x86)"; a 32-bit shell sees the first as ProgramW6432.
  const named = ['ProgramFiles', 'ProgramW6432', 'ProgramFiles(x86)'].map(variable).filter((folder): folder is string => Boolean(folder));
  return [...new Set([...named, 'C:\\Program Files', 'C:\\Program Files (x86)'])].map((folder) =>
    path.win32.join(folder, 'LibreOffice', 'program', 'soffice.exe'),
  );
}
