import { Command, CommanderError } from 'commander';
import { buildReport } from '../build.js';
import { InputError, RunError } from '../diagnostics.js';
import { formatDiagnostics } from './print.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const EXIT = { ok: 0, badInput: 1, couldNotRun: 2 } as const;

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new RunError(`Năm "${text}" không hợp lệ. Ghi năm bằng 4 chữ số, ví dụ: report build 2023.`);
  return Number(text);
}

function program(io: Io): Command {
  const cli = new Command('report')
    .usage('[tùy chọn] [lệnh]')
    .description('Biên dịch báo cáo tình hình kinh tế - xã hội năm của UBND xã/phường/thị trấn từ dữ liệu YAML ra văn bản .docx theo Nghị định 30/2020/NĐ-CP.')
    .helpOption('-h, --help', 'hiện trợ giúp')
    .helpCommand('help [lệnh]', 'hiện trợ giúp của một lệnh')
    .option('--debug', 'in chi tiết lỗi nội bộ (dành cho người phát triển)')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();

  cli
    .command('build')
    .description('Tạo văn bản báo cáo .docx của một năm từ data/<năm>/.')
    .usage('[tùy chọn] <năm>')
    .argument('<năm>', 'năm báo cáo, ví dụ 2023')
    .option('-o, --out <tệp>', 'nơi lưu tệp .docx (mặc định: out/bao-cao-<năm>.docx)')
    .helpOption('-h, --help', 'hiện trợ giúp')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .action(async (yearText: string, options: { out?: string }) => {
      const year = parseYear(yearText);
      const result = await buildReport({ root: io.cwd, cwd: io.cwd }, year, options.out);
      if (result.warnings.length > 0) {
        io.stderr(formatDiagnostics(result.warnings));
        io.stderr(`${result.warnings.length} cảnh báo: báo cáo vẫn được tạo, in đúng số liệu đã nhập. Xem và sửa dữ liệu nếu cần.\n`);
      }
      io.stdout(`Đã tạo báo cáo năm ${year}: ${result.shownOutput}\n`);
    });
  return cli;
}

const COMMANDER_MESSAGES: Record<string, (error: CommanderError) => string> = {
  'commander.missingArgument': () => 'Thiếu năm báo cáo. Ví dụ: report build 2023.',
  'commander.unknownOption': (e) => `Không có tùy chọn ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}. Xem report --help.`,
  'commander.unknownCommand': (e) => `Không có lệnh ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}. Các lệnh: build. Xem report --help.`,
  'commander.excessArguments': () => 'Thừa tham số. Ví dụ đúng: report build 2023.',
  'commander.optionMissingArgument': (e) => `Tùy chọn ${/'([^']+)'/.exec(e.message)?.[1] ?? ''} cần một giá trị.`,
};

/** Runs the CLI on `argv` (without node and the script); returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    await program(io).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(formatDiagnostics(error.diagnostics));
      io.stderr(`${error.diagnostics.length} lỗi: chưa tạo được báo cáo. Sửa các lỗi trên rồi chạy lại.\n`);
      return EXIT.badInput;
    }
    if (error instanceof RunError) {
      io.stderr(`Lỗi: ${error.message}\n`);
      return EXIT.couldNotRun;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // Help shown because no command was given: nothing ran.
      if (error.code === 'commander.help') return EXIT.couldNotRun;
      const message = COMMANDER_MESSAGES[error.code]?.(error) ?? `Lệnh không hợp lệ. Xem report --help.`;
      io.stderr(`Lỗi: ${message}\n`);
      return EXIT.couldNotRun;
    }
    io.stderr(`Lỗi ngoài dự kiến trong chương trình: ${(error as Error).message}. Chạy lại với --debug và gửi kết quả cho người phụ trách.\n`);
    // Read from argv, not commander: the error may come before options are parsed.
    if (argv.includes('--debug')) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.couldNotRun;
  }
}
