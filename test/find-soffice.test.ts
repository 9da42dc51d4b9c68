import { describe, expect, it } from 'vitest';
import { findSoffice } from '../src/emit/find-soffice.js';

/** A machine with these files and nothing else. */
const files = (...present: string[]) => (file: string) => present.includes(file);

const PROGRAM_FILES = 'C:\\Program Files\\LibreOffice\\program\\soffice.exe';
const PROGRAM_FILES_X86 = 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe';
const WINDOWS_ENV = { Path: 'C:\\Windows\\system32;C:\\Windows', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };

describe('where LibreOffice is looked for', () => {
  it('Windows after a normal install: not on PATH, found in Program Files', () => {
    expect(findSoffice({ env: WINDOWS_ENV, platform: 'win32', isFile: files(PROGRAM_FILES) })).toBe(PROGRAM_FILES);
  });

  it('Windows with 32-bit LibreOffice: found in Program Files (x86)', () => {
    expect(findSoffice({ env: WINDOWS_ENV, platform: 'win32', isFile: files(PROGRAM_FILES_X86) })).toBe(PROGRAM_FILES_X86);
  });

  it('Windows installed on another drive, as ProgramFiles says', () => {
    const onD = 'D:\\Apps\\LibreOffice\\program\\soffice.exe';
    expect(findSoffice({ env: { ...WINDOWS_ENV, ProgramFiles: 'D:\\Apps' }, platform: 'win32', isFile: files(onD, PROGRAM_FILES) })).toBe(onD);
  });

  it('Windows without the Program Files variables still looks in C:\\Program Files', () => {
    expect(findSoffice({ env: {}, platform: 'win32', isFile: files(PROGRAM_FILES) })).toBe(PROGRAM_FILES);
  });

  it('Windows: PATH first, whatever the case of its name ("Path"), quotes and all', () => {
    const portable = 'E:\\LibreOfficePortable\\App\\libreoffice\\program\\soffice.exe';
    const env = { ...WINDOWS_ENV, Path: `C:\\Windows;"E:\\LibreOfficePortable\\App\\libreoffice\\program"` };
    expect(findSoffice({ env, platform: 'win32', isFile: files(portable, PROGRAM_FILES) })).toBe(portable);
  });

  it('REPORT_SOFFICE comes before everything else', () => {
    const chosen = 'F:\\LO\\soffice.exe';
    expect(findSoffice({ env: { ...WINDOWS_ENV, REPORT_SOFFICE: chosen }, platform: 'win32', isFile: files(chosen, PROGRAM_FILES) })).toBe(chosen);
    expect(findSoffice({ env: { REPORT_SOFFICE: '/opt/lo/soffice', PATH: '/usr/bin' }, platform: 'linux', isFile: files('/opt/lo/soffice', '/usr/bin/soffice') })).toBe(
      '/opt/lo/soffice',
    );
  });

  it('a REPORT_SOFFICE naming no file is said, not passed over', () => {
    expect(() => findSoffice({ env: { REPORT_SOFFICE: 'C:\\LO\\soffice.exe' }, platform: 'win32', isFile: files(PROGRAM_FILES) })).toThrow(
      'Biến môi trường REPORT_SOFFICE là "C:\\LO\\soffice.exe", nhưng không có tệp nào ở đó. Đặt biến này là đường dẫn tới soffice, ví dụ C:\\Program Files\\LibreOffice\\program\\soffice.exe, hoặc bỏ biến này.',
    );
  });

  it('Linux: on PATH; macOS: also in the application bundle', () => {
    expect(findSoffice({ env: { PATH: '/usr/local/bin:/usr/bin' }, platform: 'linux', isFile: files('/usr/bin/soffice') })).toBe('/usr/bin/soffice');
    const app = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
    expect(findSoffice({ env: { PATH: '/usr/bin' }, platform: 'darwin', isFile: files(app) })).toBe(app);
  });

  it('nowhere: undefined, and the caller says how to install it', () => {
    expect(findSoffice({ env: WINDOWS_ENV, platform: 'win32', isFile: files() })).toBeUndefined();
    expect(findSoffice({ env: { PATH: '/usr/bin' }, platform: 'linux', isFile: files() })).toBeUndefined();
  });
});
