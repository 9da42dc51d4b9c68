import fs from 'node:fs';
import os from 'node:os';
import { Command, CommanderError } from 'commander';
import { checkYear } from '../check/check-year.js';
import { RULES } from '../check/run-rules.js';
import type { UnitTask } from '../batch/unit-task.js';
import { hasErrors, InputError, RunError } from '../diagnostics.js';
import { OUTPUT_FORMATS } from '../output-formats.js';
import { stepSummary } from './formats/github.js';
import { FORMATS } from './formats/index.js';
import { formatDiagnostics } from './print.js';
import { formatStatus } from './status-text.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment variables the CLI reads: GITHUB_STEP_SUMMARY. */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: batch progress is then a bar, else plain lines. */
  isTTY?: boolean;
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

/** The job summary is an extra for CI: failing to write it is said, but does not fail the check. */
function appendStepSummary(file: string, markdown: string, io: Io): void {
  try {
    fs.appendFileSync(file, markdown);
  } catch (error) {
    io.stderr(`Cảnh báo: không ghi được GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'lỗi hệ thống'}).\n`);
  }
}

/** A command taking a year, its help in Vietnamese like the main command's. */
function yearCommand(cli: Command, name: string, description: string, yearHelp: string, hasOptions: boolean): Command {
  return cli
    .command(name)
    .description(description)
    .usage(hasOptions ? '[tùy chọn] <năm>' : '<năm>')
    .argument('<năm>', yearHelp)
    .helpOption('-h, --help', 'hiện trợ giúp')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title });
}

/** The command line; an action that ends with a finding rather than an error sets `outcome.exitCode`. */
function program(io: Io, outcome: { exitCode: number }): Command {
  const cli = new Command('report')
    .usage('[tùy chọn] [lệnh]')
    .description('Biên dịch báo cáo tình hình kinh tế - xã hội năm của UBND xã/phường/thị trấn từ dữ liệu YAML ra văn bản .docx theo Nghị định 30/2020/NĐ-CP.')
    .helpOption('-h, --help', 'hiện trợ giúp')
    .helpCommand('help [lệnh]', 'hiện trợ giúp của một lệnh')
    .option('--debug', 'in chi tiết lỗi nội bộ (dành cho người phát triển)')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title, subcommandTerm: (command) => `${command.name()} ${command.usage()}` })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();

  yearCommand(cli, 'build', 'Tạo văn bản báo cáo của một năm từ data/<năm>/: .docx theo Nghị định 30, hoặc .pdf, .md.', 'năm báo cáo, ví dụ 2023', true)
    .option('-o, --out <tệp>', 'nơi lưu tệp (mặc định: out/bao-cao-<năm>.docx, .pdf hoặc .md)')
    .option('-f, --format <dạng>', 'docx (mặc định); pdf (cần LibreOffice); md (Markdown, để xem thay đổi của văn bản)')
    .option('--strict', 'không tạo báo cáo khi kiểm tra số liệu (report check) còn lỗi')
    .option(...UNITS_OPTION)
    .option(...JOBS_OPTION)
    .action(async (yearText: string, options: { out?: string; strict?: boolean; format?: string } & BatchFlags) => {
      const year = parseYear(yearText);
      const format = OUTPUT_FORMATS.find((f) => f === (options.format ?? 'docx'));
      if (!format) throw new RunError(`Không có dạng "${options.format}". Chọn một trong: ${OUTPUT_FORMATS.join(', ')}.`);
      if (options.units !== undefined) {
        if (options.out) throw new RunError('--out không dùng cùng --units: báo cáo của mỗi đơn vị được lưu trong <đơn vị>/out/.');
        const task = { command: 'build' as const, cwd: io.cwd, year, format, strict: options.strict, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH };
        outcome.exitCode = await runBatchCommand(task, options, io);
        return;
      }
      // Imported on demand: check, and a batch's main thread, never set up the templates and the .docx writer.
      const { buildReport } = await import('../build.js');
      const workspace = { root: io.cwd, cwd: io.cwd };
      const result = await buildReport(workspace, year, { ...options, format, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
      if (result.warnings.length > 0) {
        io.stderr(formatDiagnostics(result.warnings));
        io.stderr(`${result.warnings.length} cảnh báo: báo cáo vẫn được tạo, in đúng số liệu đã nhập. Xem và sửa dữ liệu nếu cần.\n`);
      }
      io.stdout(`Đã tạo báo cáo năm ${year}: ${result.shownOutput}\n`);
    });

  yearCommand(cli, 'check', 'Kiểm tra số liệu của một năm: tổng, tỷ lệ, tăng giảm, số nêu hai lần. Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi không chạy được.', 'năm báo cáo, ví dụ 2023', true)
    .option('-f, --format <dạng>', 'dạng kết quả: stylish (cho người đọc, mặc định), json, github (GitHub Actions), sarif')
    .option(...UNITS_OPTION)
    .option(...JOBS_OPTION)
    .addHelpText(
      'after',
      `\nCác quy tắc (đổi mức trong data/kiem-tra.yaml):\n${RULES.map((r) => `  ${r.meta.id.padEnd(20)} ${r.meta.description}`).join('\n')}\n`,
    )
    .action(async (yearText: string, options: { format?: string } & BatchFlags) => {
      const year = parseYear(yearText);
      if (options.units !== undefined) {
        if (options.format) throw new RunError('--format không dùng cùng --units: kết quả của nhiều đơn vị là bản tóm tắt.');
        outcome.exitCode = await runBatchCommand({ command: 'check', cwd: io.cwd, year }, options, io);
        return;
      }
      const format = FORMATS.get(options.format ?? 'stylish');
      if (!format) throw new RunError(`Không có dạng kết quả "${options.format}". Chọn một trong: ${[...FORMATS.keys()].join(', ')}.`);
      const result = checkYear({ root: io.cwd, cwd: io.cwd }, year);
      const report = { year, ...result, rules: RULES.map((r) => r.meta) };
      io.stdout(format(report));
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (options.format === 'github' && summaryFile) appendStepSummary(summaryFile, stepSummary(report), io);
      outcome.exitCode = !result.complete ? EXIT.couldNotRun : hasErrors(result.diagnostics) ? EXIT.badInput : EXIT.ok;
    });
  yearCommand(cli, 'init', 'Tạo data/<năm>/ cho năm mới từ dữ liệu năm trước: cùng các tệp, các mã; số liệu và lời văn để trống (CẦN ĐIỀN), kế hoạch lấy từ mục tiêu năm trước.', 'năm mới, ví dụ 2024', false)
    .action(async (yearText: string) => {
      const year = parseYear(yearText);
      const { initYear } = await import('../year/init-year.js');
      const result = initYear({ root: io.cwd, cwd: io.cwd }, year);
      io.stdout(
        `Đã tạo ${result.shownFolder} (${result.files} tệp) từ dữ liệu năm ${year - 1}: ${result.places} chỗ cần điền, ` +
          `${result.plans} kế hoạch lấy từ mục tiêu năm ${year - 1}. Xem danh sách: report status ${year}\n`,
      );
    });

  yearCommand(cli, 'status', 'Liệt kê những chỗ còn phải điền (CẦN ĐIỀN) của một năm, theo từng tệp. Thoát với mã 0 khi đã điền đủ, 1 khi còn chỗ phải điền.', 'năm báo cáo, ví dụ 2024', false)
    .action(async (yearText: string) => {
      const year = parseYear(yearText);
      const { yearStatus } = await import('../year/status.js');
      const status = yearStatus({ root: io.cwd, cwd: io.cwd }, year);
      io.stdout(formatStatus(status, year));
      const remaining = status.problems.length + status.files.reduce((sum, f) => sum + f.unfilled.length, 0);
      outcome.exitCode = remaining === 0 ? EXIT.ok : EXIT.badInput;
    });
  return cli;
}

// Batch runs over a folder of units (src/batch/): loaded only when --units is given.
type BatchFlags = { units?: string; jobs?: string };
const UNITS_OPTION = ['--units <thư mục>', 'chạy cho mọi đơn vị (mỗi thư mục con có data/<năm>/) trong thư mục này, song song'] as const;
const JOBS_OPTION = ['--jobs <số>', 'số luồng xử lý song song khi dùng --units (mặc định: số nhân CPU)'] as const;

async function runBatchCommand(task: Omit<UnitTask, 'unit'>, flags: BatchFlags, io: Io): Promise<number> {
  const { runBatch } = await import('../batch/batch-command.js');
  return (await runBatch(task, { units: flags.units!, jobs: flags.jobs }, io)) ? EXIT.ok : EXIT.badInput;
}

const COMMANDER_MESSAGES: Record<string, (error: CommanderError) => string> = {
  'commander.missingArgument': () => 'Thiếu năm báo cáo. Ví dụ: report build 2023.',
  'commander.unknownOption': (e) => `Không có tùy chọn ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}. Xem report --help.`,
  'commander.unknownCommand': (e) => `Không có lệnh ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}. Các lệnh: build, check, init, status. Xem report --help.`,
  'commander.excessArguments': () => 'Thừa tham số. Ví dụ đúng: report build 2023.',
  'commander.optionMissingArgument': (e) => `Tùy chọn ${/'([^']+)'/.exec(e.message)?.[1] ?? ''} cần một giá trị.`,
};

/** Runs the CLI on `argv` (without node and the script); returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const outcome = { exitCode: EXIT.ok };
    await program(io, outcome).parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
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

/**
 * Said when the run is stopped by Ctrl+C (SIGINT) or a kill (SIGTERM); returns the exit code
 * shells give a stopped program, 128 + the signal's number (130 for Ctrl+C). The report is
 * written in one synchronous step that a signal handler cannot cut into, so it is either
 * written whole or not at all.
 */
export function interrupted(signal: 'SIGINT' | 'SIGTERM', io: Io): number {
  const how = signal === 'SIGINT' ? 'theo yêu cầu (Ctrl+C)' : 'vì chương trình bị tắt từ bên ngoài';
  io.stderr(`Đã dừng ${how}. Báo cáo không bao giờ bị ghi dở: nếu bản mới chưa ghi xong thì tệp cũ vẫn nguyên vẹn. Chạy lại lệnh để tạo báo cáo.\n`);
  return 128 + os.constants.signals[signal];
}
