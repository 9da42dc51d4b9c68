import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { RuleMeta } from '../check/rule.js';
import { RULES } from '../check/run-rules.js';
import type { UnitTask } from '../commands/batch-unit.js';
import { check } from '../commands/check.js';
import { hasErrors, InputError, RunError } from '../diagnostics.js';
import type { Io } from '../io.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output-formats.js';
import { PACKAGE_ROOT } from '../package-paths.js';
import { parsePeriod, periodWords, type Period } from '../period.js';
import { Workspace } from '../workspace.js';
import { progressReporter } from './batch-progress.js';
import { batchSummary } from './batch-summary.js';
import { runStopCleanups } from '../stop-cleanup.js';
import { stepSummary } from './formats/github.js';
import { FORMATS } from './formats/index.js';
import { formatDiagnostics } from './print.js';
import { rulePageText } from './rule-page.js';
import { formatExported, formatExportUnits, formatImported, formatImportUnits, formatRefused } from './spreadsheet-text.js';
import { formatStatus } from './status-text.js';
import { closestWord } from '../text/closest-word.js';

export const EXIT = { ok: 0, badInput: 1, couldNotRun: 2 } as const;

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

const HELP = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  // Commander appends "(choices: …)" and "(default: …)" in English; each description says them in Vietnamese.
  optionDescription: (option: Option) => option.description,
};

/** The period argument of every command: a year, or a year and its part. */
function parsePeriodArgument(text: string): Period {
  const period = parsePeriod(text);
  if (!period) {
    throw new InvalidArgumentError(
      `Kỳ báo cáo "${text}" không hợp lệ. Ghi năm bằng 4 chữ số (report build 2023), hoặc năm và kỳ: 2024-6thang, 2024-9thang, 2024-quy1 … 2024-quy4.`,
    );
  }
  return period;
}

const RULE_IDS = RULES.map((rule) => rule.meta.id);

/** The rule `explain` is asked about; an unknown id is answered with the nearest one. */
function parseRule(text: string): RuleMeta {
  const rule = RULES.find(({ meta }) => meta.id === text);
  if (rule) return rule.meta;
  const nearest = closestWord(text, RULE_IDS);
  throw new InvalidArgumentError(`Không có quy tắc "${text}".${nearest ? ` Có phải là ${nearest}?` : ''} Các quy tắc: ${RULE_IDS.join(', ')}.`);
}

/** How wide `explain` wraps its page: readable in a Windows console of the default width. */
const PAGE_WIDTH = 100;

function parseJobs(text: string): number {
  if (!/^[1-9]\d{0,2}$/.test(text)) throw new InvalidArgumentError(`--jobs "${text}" không hợp lệ: ghi số luồng xử lý, ví dụ --jobs 4.`);
  return Number(text);
}

/** The installed package's version; a program copied away from its package.json says so instead. */
function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'không rõ (không tìm thấy package.json của report)';
  }
}

/** The job summary is an extra for CI: failing to write it is said, but does not fail the check. */
function appendStepSummary(file: string, markdown: string, io: Io): void {
  try {
    fs.appendFileSync(file, markdown);
  } catch (error) {
    io.stderr(`Cảnh báo: không ghi được GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'lỗi hệ thống'}).\n`);
  }
}

/** A command taking a period, its help in Vietnamese like the main command's. */
function periodCommand(cli: Command, name: string, description: string, periodHelp: string, hasOptions: boolean): Command {
  return cli
    .command(name)
    .description(description)
    .usage(hasOptions ? '[tùy chọn] <kỳ>' : '<kỳ>')
    .addArgument(new Argument('<kỳ>', `${periodHelp}; 6 tháng, 9 tháng, quý: 2024-6thang, 2024-9thang, 2024-quy1`).argParser(parsePeriodArgument))
    .helpOption('-h, --help', 'hiện trợ giúp')
    .configureHelp(HELP);
}

// Batch runs over a folder of administrative units: loaded only when --units is given.
type BatchFlags = { units?: string; jobs?: number };
const unitsOption = () => new Option('--units <thư mục>', 'chạy cho mọi đơn vị hành chính (mỗi thư mục con có data/<kỳ>/) trong thư mục này, song song');
const jobsOption = () => new Option('--jobs <số>', 'số luồng xử lý song song khi dùng --units (mặc định: số nhân CPU)').argParser(parseJobs);

async function runBatch(task: Omit<UnitTask, 'unit'>, flags: BatchFlags, io: Io): Promise<number> {
  const { batch } = await import('../commands/batch.js');
  let progress: ReturnType<typeof progressReporter> | undefined;
  const outcome = await batch(
    { task, units: flags.units!, jobs: flags.jobs ?? os.availableParallelism() },
    {
      onStart: (total) => (progress = progressReporter(total, io.stderr, io.isTTY === true)),
      onUnitDone: (unit) => progress!.unitDone(unit),
    },
  );
  progress?.finish();
  io.stdout(batchSummary(outcome));
  return outcome.outcomes.every((o) => o.ok) ? EXIT.ok : EXIT.badInput;
}

/** What a review copy holds, in one line for the clerk. */
function reviewLine({ comments, onTitle }: { comments: number; onTitle: number }): string {
  if (comments === 0) return 'Kiểm tra không tìm thấy vấn đề nào, nên bản soát xét không có nhận xét.\n';
  const title = onTitle > 0 ? `; ${onTitle} nhận xét không gắn với số in trong thân báo cáo nằm ở tiêu đề BÁO CÁO` : '';
  return `Bản soát xét có ${comments} nhận xét của "report check", mỗi vấn đề một nhận xét ngay tại số liệu${title}.\n`;
}

/** The command line; an action that ends with a finding rather than an error sets `outcome.exitCode`. */
function program(io: Io, outcome: { exitCode: number }): Command {
  const workspace = new Workspace(io.cwd, io.cwd);
  const cli = new Command('report')
    .usage('[tùy chọn] [lệnh]')
    .description('Biên dịch báo cáo tình hình kinh tế - xã hội của UBND xã, phường, đặc khu từ dữ liệu YAML ra văn bản .docx theo Nghị định 30/2020/NĐ-CP.')
    .version(version(), '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hiện trợ giúp')
    .helpCommand('help [lệnh]', 'hiện trợ giúp của một lệnh')
    .option('--debug', 'in chi tiết lỗi nội bộ (dành cho người phát triển)')
    .configureHelp({ ...HELP, subcommandTerm: (command) => `${command.name()} ${command.usage()}` })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();

  periodCommand(cli, 'build', 'Tạo văn bản báo cáo của một kỳ (năm, 6 tháng, 9 tháng, quý) từ data/<kỳ>/: .docx theo Nghị định 30, hoặc .pdf, .md.', 'kỳ báo cáo: năm, ví dụ 2023', true)
    .option('-o, --out <tệp>', 'nơi lưu tệp; đuôi .docx, .pdf hay .md chọn dạng tệp (mặc định: out/bao-cao-<kỳ>.docx)')
    .addOption(new Option('-f, --format <dạng>', 'docx (mặc định); pdf (cần LibreOffice); md (Markdown, để xem thay đổi của văn bản); phải khớp đuôi của --out').choices(OUTPUT_FORMATS))
    .option('--strict', 'không tạo báo cáo khi kiểm tra số liệu (report check) còn lỗi')
    .option('--draft', 'tạo bản dự thảo khi còn chỗ CẦN ĐIỀN: các chỗ đó in "[CẦN ĐIỀN: …]" tô vàng, đầu trang ghi DỰ THẢO (mặc định: out/bao-cao-<kỳ>-du-thao.docx)')
    .option('--review', 'tạo bản soát xét: mỗi vấn đề report check tìm ra là một nhận xét (comment) của Word ngay tại số liệu, số có lỗi tô đỏ (mặc định: out/bao-cao-<kỳ>-soat-xet.docx)')
    .addOption(unitsOption())
    .addOption(jobsOption())
    .action(async (period: Period, options: { out?: string; strict?: boolean; draft?: boolean; review?: boolean; format?: OutputFormat } & BatchFlags) => {
      const { format } = options;
      const sourceDateEpoch = io.env.SOURCE_DATE_EPOCH;
      if (options.units !== undefined) {
        if (options.out) throw new RunError('--out không dùng cùng --units: báo cáo của mỗi đơn vị được lưu trong <đơn vị>/out/.');
        if (options.review) throw new RunError('--review không dùng cùng --units: tạo bản soát xét cho từng đơn vị trong thư mục của đơn vị đó (report build <kỳ> --review).');
        outcome.exitCode = await runBatch({ command: 'build', cwd: io.cwd, period: period.id, format, strict: options.strict, sourceDateEpoch, env: { ...io.env } }, options, io);
        return;
      }
      // Imported on demand: check, and a batch's main thread, never set up the templates and the .docx writer.
      const { build } = await import('../commands/build.js');
      const result = await build({ workspace, period, out: options.out, format, strict: options.strict, draft: options.draft, review: options.review, sourceDateEpoch, env: io.env });
      if (result.warnings.length > 0) {
        io.stderr(formatDiagnostics(result.warnings));
        io.stderr(`${result.warnings.length} cảnh báo: báo cáo vẫn được tạo, in đúng số liệu đã nhập. Xem và sửa dữ liệu nếu cần.\n`);
      }
      const what = options.review ? `bản soát xét ${options.draft ? 'dự thảo ' : ''}báo cáo` : options.draft ? 'bản dự thảo báo cáo' : 'báo cáo';
      io.stdout(`Đã tạo ${what} ${periodWords(period)}: ${result.shownOutput}\n`);
      if (result.review) io.stdout(reviewLine(result.review));
      if (result.unfilled > 0) io.stdout(`Bản dự thảo còn ${result.unfilled} chỗ CẦN ĐIỀN, in tô vàng. Xem danh sách: report status ${period.id}\n`);
    });

  periodCommand(cli, 'check', 'Kiểm tra số liệu của một kỳ: tổng, tỷ lệ, tăng giảm, số nêu hai lần. Thoát với mã 0 khi không có lỗi, 1 khi có lỗi, 2 khi không chạy được.', 'kỳ báo cáo: năm, ví dụ 2023', true)
    .addOption(new Option('-f, --format <dạng>', 'dạng kết quả: stylish (cho người đọc, mặc định), json, github (GitHub Actions), sarif').choices([...FORMATS.keys()]))
    .option('--draft', 'kiểm tra những gì đã điền, khi còn chỗ CẦN ĐIỀN (các chỗ đó được liệt kê là thông tin)')
    .option('--accept-all', 'chấp nhận mọi phát hiện hiện có (cần --reason): ghi vào data/chap-nhan-<kỳ>.yaml; chúng vẫn được in nhưng không còn làm lệnh thất bại')
    .option('--reason <lý do>', 'lý do chấp nhận, dùng với --accept-all')
    .addOption(unitsOption())
    .addOption(jobsOption())
    .addHelpText(
      'after',
      `\nCác quy tắc (đổi mức trong data/kiem-tra.yaml; giải thích: report explain <quy-tắc>):\n${RULES.map((r) => `  ${r.meta.id.padEnd(20)} ${r.meta.description}`).join('\n')}\n`,
    )
    .action(async (period: Period, options: { format?: string; draft?: boolean; acceptAll?: boolean; reason?: string } & BatchFlags) => {
      if (options.units !== undefined) {
        if (options.format) throw new RunError('--format không dùng cùng --units: kết quả của nhiều đơn vị là bản tóm tắt.');
        outcome.exitCode = await runBatch({ command: 'check', cwd: io.cwd, period: period.id }, options, io);
        return;
      }
      if (options.reason !== undefined && !options.acceptAll) throw new RunError('--reason chỉ dùng cùng --accept-all.');
      const acceptAll = options.acceptAll ? { reason: options.reason ?? '' } : undefined;
      const result = check({ workspace, period, draft: options.draft, acceptAll });
      io.stdout(FORMATS.get(options.format ?? 'stylish')!(result));
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (result.acceptedInto) io.stderr(`Đã ghi ${result.acceptedInto.count} phát hiện được chấp nhận vào ${result.acceptedInto.shownFile}.\n`);
      if (options.format === 'github' && summaryFile) appendStepSummary(summaryFile, stepSummary(result), io);
      outcome.exitCode = !result.complete ? EXIT.couldNotRun : hasErrors(result.diagnostics) ? EXIT.badInput : EXIT.ok;
    });

  cli
    .command('explain')
    .description('Giải thích một quy tắc kiểm tra số liệu: kiểm tra gì, cách tính có làm tròn (với ví dụ từ báo cáo thật), cách sửa, cách chấp nhận.')
    .usage('<quy-tắc>')
    .addArgument(new Argument('<quy-tắc>', `mã quy tắc, như report check in ở cuối mỗi dòng: ${RULE_IDS.join(', ')}`).argParser(parseRule))
    .helpOption('-h, --help', 'hiện trợ giúp')
    .configureHelp(HELP)
    .action((meta: RuleMeta) => io.stdout(rulePageText(meta, PAGE_WIDTH)));

  periodCommand(cli, 'init', 'Tạo data/<kỳ>/ cho kỳ mới từ cùng kỳ năm trước: cùng các tệp, bố cục, các mã; số liệu và lời văn để trống (CẦN ĐIỀN), kế hoạch lấy từ mục tiêu năm trước.', 'kỳ mới: năm, ví dụ 2024', false)
    .action(async (period: Period) => {
      const { init } = await import('../commands/init.js');
      const result = init({ workspace, period });
      io.stdout(
        `Đã tạo ${result.shownFolder} (${result.files} tệp) từ dữ liệu ${periodWords(result.source)}${result.predecessors ? ` của ${result.predecessors} (trước sắp xếp)` : ''}: ${result.places} chỗ cần điền, ` +
          `${result.plans} kế hoạch lấy từ mục tiêu năm ${period.year - 1}. Xem danh sách: report status ${period.id}\n`,
      );
    });

  periodCommand(cli, 'status', 'Liệt kê những chỗ còn phải điền (CẦN ĐIỀN) của một kỳ, theo từng tệp. Thoát với mã 0 khi đã điền đủ, 1 khi còn chỗ phải điền.', 'kỳ báo cáo: năm, ví dụ 2024', false)
    .action(async (period: Period) => {
      const { status } = await import('../commands/status.js');
      const result = status({ workspace, period });
      io.stdout(formatStatus(result));
      const remaining = result.problems.length + result.files.reduce((sum, f) => sum + f.unfilled.length, 0);
      outcome.exitCode = remaining === 0 ? EXIT.ok : EXIT.badInput;
    });
  spreadsheetCommands(cli, workspace, io, outcome);
  return cli;
}

/**
 * `report export` and `report import`: the figures to a workbook and back. Their modules, and
 * the spreadsheet library with them, are imported on demand: check and build never load them.
 */
function spreadsheetCommands(cli: Command, workspace: Workspace, io: Io, outcome: { exitCode: number }): void {
  periodCommand(cli, 'export', 'Xuất số liệu của một kỳ ra bảng tính Excel (.xlsx): mỗi phần một trang, mỗi chỉ tiêu một dòng, để điền rồi nhập lại bằng report import.', 'kỳ báo cáo: năm, ví dụ 2023', true)
    .usage('<kỳ> [-o tệp]')
    .option('-o, --out <tệp>', 'nơi lưu bảng tính (mặc định: out/so-lieu-<kỳ>.xlsx); với --units: thư mục, mỗi đơn vị một tệp <đơn vị>.xlsx')
    .addOption(new Option('--units <thư mục>', 'xuất cho mọi đơn vị hành chính (mỗi thư mục con có data/<kỳ>/) trong thư mục này, mỗi đơn vị một bảng tính'))
    .action(async (period: Period, options: { out?: string; units?: string }) => {
      const { exportWorkbook, exportUnits } = await import('../commands/export.js');
      if (options.units !== undefined) {
        const results = await exportUnits({ cwd: io.cwd, units: options.units, period, ...(options.out === undefined ? {} : { outFolder: options.out }) });
        io.stdout(formatExportUnits(results, io.cwd));
        outcome.exitCode = results.every((r) => r.outcome) ? EXIT.ok : EXIT.badInput;
        return;
      }
      const result = await exportWorkbook({ workspace, period, ...(options.out === undefined ? {} : { out: options.out }) });
      if (result.notComputed) io.stderr(`Lưu ý: ${result.notComputed}\n`);
      io.stdout(formatExported(result, period));
    });

  periodCommand(cli, 'import', 'Nhập số liệu từ bảng tính (.xlsx) do report export tạo vào data/<kỳ>/: chỉ ghi những số đã đổi, giữ nguyên mọi dòng khác; bảng tính có lỗi thì không sửa gì. Sau đó kiểm tra số liệu như report check.', 'kỳ báo cáo: năm, ví dụ 2023', true)
    .usage('<kỳ> [tệp]')
    .addArgument(new Argument('[tệp]', 'bảng tính .xlsx (mặc định: out/so-lieu-<kỳ>.xlsx); với --units: thư mục chứa <đơn vị>.xlsx'))
    .addOption(new Option('--units <thư mục>', 'nhập cho mọi đơn vị hành chính trong thư mục này, mỗi đơn vị từ bảng tính của mình'))
    .action(async (period: Period, workbook: string | undefined, options: { units?: string }) => {
      const { importUnits, importWorkbook } = await import('../commands/import.js');
      if (options.units !== undefined) {
        const results = await importUnits({ cwd: io.cwd, units: options.units, period, ...(workbook === undefined ? {} : { workbookFolder: workbook }) });
        io.stdout(formatImportUnits(results, io.cwd));
        outcome.exitCode = results.every((r) => r.outcome?.imported) ? EXIT.ok : EXIT.badInput;
        return;
      }
      const result = await importWorkbook({ workspace, period, ...(workbook === undefined ? {} : { workbook }) });
      if (!result.imported) {
        io.stderr(formatRefused(result));
        outcome.exitCode = EXIT.badInput;
        return;
      }
      io.stdout(formatImported(result));
      io.stdout(FORMATS.get('stylish')!(result.check));
    });
}

/** Commander's English, said in Vietnamese: `(Did you mean build?)` becomes "Có phải là build?". */
function suggestion(error: CommanderError): string {
  const similar = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(error.message)?.[1];
  return similar ? ` Có phải là ${similar.split(', ').join(' hay ')}?` : '';
}

const quoted = (error: CommanderError) => /'([^']+)'/.exec(error.message)?.[1] ?? '';

/** What each command's missing argument is, by the argument's name. */
const MISSING: Record<string, string> = {
  kỳ: 'Thiếu kỳ báo cáo. Ví dụ: report build 2023, report build 2024-6thang.',
  'quy-tắc': `Thiếu mã quy tắc. Ví dụ: report explain ratio. Các quy tắc: ${RULE_IDS.join(', ')}.`,
};

const COMMANDER_MESSAGES: Record<string, (error: CommanderError, commands: string[]) => string> = {
  'commander.missingArgument': (e) => MISSING[quoted(e)] ?? 'Thiếu tham số. Xem report --help.',
  'commander.unknownOption': (e) => `Không có tùy chọn ${quoted(e)}.${suggestion(e)} Xem report --help.`,
  'commander.unknownCommand': (e, commands) => `Không có lệnh ${quoted(e)}.${suggestion(e)} Các lệnh: ${commands.join(', ')}. Xem report --help.`,
  'commander.excessArguments': () => 'Thừa tham số. Ví dụ đúng: report build 2023.',
  'commander.optionMissingArgument': (e) => `Tùy chọn ${quoted(e)} cần một giá trị.`,
  'commander.invalidArgument': (e) => {
    // Our parsers throw Vietnamese already; a choice outside Option.choices() is commander's own.
    const [, value, choices] = /argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(e.message) ?? [];
    if (choices !== undefined) return `Không có dạng "${value}". Chọn một trong: ${choices}.`;
    return /is invalid(?: for argument '[^']*')?\. (.*)$/s.exec(e.message)?.[1] ?? 'Tham số không hợp lệ. Xem report --help.';
  },
};

/** Runs the CLI on `argv` (without node and the script); returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const outcome = { exitCode: EXIT.ok };
  const cli = program(io, outcome);
  try {
    await cli.parseAsync(argv, { from: 'user' });
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
      const commands = cli.commands.map((command) => command.name()).sort();
      const message = COMMANDER_MESSAGES[error.code]?.(error, commands) ?? `Lệnh không hợp lệ. Xem report --help.`;
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
 * written whole or not at all. What the run started and left running (a LibreOffice
 * converting to PDF, its work folder) is ended and removed first.
 */
export function interrupted(signal: 'SIGINT' | 'SIGTERM', io: Io): number {
  runStopCleanups();
  const how = signal === 'SIGINT' ? 'theo yêu cầu (Ctrl+C)' : 'vì chương trình bị tắt từ bên ngoài';
  io.stderr(`Đã dừng ${how}. Báo cáo không bao giờ bị ghi dở: nếu bản mới chưa ghi xong thì tệp cũ vẫn nguyên vẹn. Chạy lại lệnh để tạo báo cáo.\n`);
  return 128 + os.constants.signals[signal];
}
