import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Place, Problem, Report } from '../diagnostics.js';
import { specialFileKind } from '../file-kind.js';
import { SourceFile, unprintableCharacter, unprintableMessage } from '../load/source-file.js';
import { MAIN_TEMPLATE, type TemplateFolder } from '../workspace.js';

const TEMPLATE_SUFFIX = '.md.hbs';

interface Located {
  loc?: { start: { line: number; column: number } };
}

/** A template error that knows its template file, its line and its column. */
class TemplateFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    public file?: string,
  ) {
    super(message);
  }
}

/**
 * Template folders already compiled in this process, by the names and texts of their templates
 * (not their folder: the units of a batch that keep the shipped templates share one). A batch
 * worker compiles each set once; the few most recent are kept, as each unit may have its own.
 */
const compiledFolders = new Map<string, Handlebars.TemplateDelegate>();
const COMPILED_FOLDERS_KEPT = 8;

/**
 * Renders the templates of `dir` (the main one and its partials) on a view model to
 * Markdown. A name the view model lacks is an error with the template's file:line:col,
 * never a blank.
 */
export function renderTemplates({ dir, shownDir }: TemplateFolder, view: object, report: Report): string | undefined {
  const placeOf = (file: string, line: number, col: number): Place => ({ file: path.join(shownDir, file), line, col });

  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(TEMPLATE_SUFFIX));
  } catch {
    files = [];
  }
  if (!files.includes(MAIN_TEMPLATE)) {
    report({
      ruleId: 'template-missing',
      severity: 'error',
      place: placeOf(MAIN_TEMPLATE, 1, 1),
      message: `Không tìm thấy mẫu chính ${MAIN_TEMPLATE}. Chép thư mục templates/ của chương trình vào đây, hoặc xóa thư mục mẫu để dùng mẫu mặc định.`,
    });
    return undefined;
  }

  const templates: { file: string; text: string }[] = [];
  for (const file of files.sort()) {
    const read = readTemplate(dir, file, path.join(shownDir, file));
    if ('problem' in read) report(read.problem);
    else templates.push({ file, text: read.text });
  }
  // The others are still compiled when one cannot be read: every problem is said at once.
  const unreadable = templates.length < files.length;

  const key = JSON.stringify(templates);
  const main = compiledFolders.get(key) ?? compileTemplates(templates, (failed) => report(templateProblem(failed, placeOf)));
  if (!main || unreadable) return undefined;
  if (!compiledFolders.has(key)) {
    if (compiledFolders.size >= COMPILED_FOLDERS_KEPT) compiledFolders.delete(compiledFolders.keys().next().value!);
    compiledFolders.set(key, main);
  }
  try {
    return main(view);
  } catch (error) {
    report(templateProblem(annotate(error, MAIN_TEMPLATE), placeOf));
    return undefined;
  }
}

/** The main template of a folder, compiled with its partials; undefined when any of them fails (each said). */
function compileTemplates(templates: readonly { file: string; text: string }[], fail: (failed: TemplateFailure) => void): Handlebars.TemplateDelegate | undefined {
  const hb = Handlebars.create();
  // Strict mode checks {{name}} but not block parameters: a misspelt {{#each name}} must fail too.
  for (const name of ['each', 'with']) {
    const builtIn = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, context: unknown, options: Located) {
      if (context === undefined) throw failure(`{{#${name}}} nhận một tên không có trong dữ liệu.`, options);
      return builtIn.call(this, context, options);
    });
  }
  // Nor does it check lookup: {{lookup this "x"}} of a name the data lacks (or only inherits, as __proto__) must fail, not print a blank.
  hb.registerHelper('lookup', (object: unknown, field: unknown, options: Located) => {
    if (object === null || typeof object !== 'object' || !Object.hasOwn(object, String(field))) {
      throw failure(`{{lookup}} tìm tên "${String(field)}" nhưng dữ liệu không có tên này.`, options);
    }
    return (object as Record<string, unknown>)[String(field)];
  });

  let main: Handlebars.TemplateDelegate | undefined;
  let failed = false;
  for (const { file, text } of templates) {
    try {
      // Parsed here, not left to compile()'s first call, so that syntax errors surface with their line.
      const parsed = hb.parse(text);
      refuseInheritedNames(parsed, hb.helpers);
      const template = hb.compile(parsed, { strict: true, noEscape: true });
      const run: Handlebars.TemplateDelegate = (context, options) => {
        try {
          return template(context, options);
        } catch (error) {
          throw annotate(error, file, text);
        }
      };
      if (file === MAIN_TEMPLATE) main = run;
      else hb.registerPartial(file.slice(0, -TEMPLATE_SUFFIX.length), run);
    } catch (error) {
      fail(annotate(error, file, text));
      failed = true;
    }
  }
  return failed ? undefined : main;
}

/**
 * A template's text, or why it cannot be one, at its file: a folder or a device in its place
 * (looked at before it is opened, as a FIFO nobody writes would never end), or a character
 * no document may hold.
 */
function readTemplate(dir: string, file: string, shown: string): { text: string } | { problem: Problem } {
  const problem = (message: string, place: Place = { file: shown, line: 1, col: 1 }) => ({
    problem: { ruleId: 'template', severity: 'error' as const, place, message },
  });
  const full = path.join(dir, file);
  let text: string;
  try {
    const special = specialFileKind(fs.statSync(full));
    if (special) return problem(`${shown} là ${special}, không phải tệp mẫu. Đổi tên hoặc chuyển nó ra khỏi thư mục mẫu.`);
    text = fs.readFileSync(full, 'utf8').replace(/\r\n/g, '\n').normalize('NFC');
  } catch (error) {
    return problem(`Không đọc được mẫu ${shown} (${(error as NodeJS.ErrnoException).code ?? 'lỗi hệ thống'}). Kiểm tra tệp và quyền truy cập.`);
  }
  const unprintable = unprintableCharacter(text);
  if (unprintable) return problem(unprintableMessage(unprintable), new SourceFile(shown, text).placeAt(unprintable.offset));
  return { text };
}

/**
 * Names every object, list or text inherits (constructor, toString, __proto__, map...). No data
 * has them, but Handlebars' strict mode finds them there and prints a blank: refused up front.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(
  [Object.prototype, Array.prototype, String.prototype, Number.prototype, Function.prototype]
    .flatMap((prototype) => Object.getOwnPropertyNames(prototype))
    .filter((name) => name !== 'length'),
);

function refuseInheritedNames(template: hbs.AST.Program, helpers: object): void {
  // The compiler's Visitor is on the module, not on the environments create() makes.
  const visitor = new Handlebars.Visitor();
  visitor.PathExpression = (path) => {
    // A helper's name (with, each, lookup) is no name of the data.
    if (path.parts.length === 1 && Object.hasOwn(helpers, path.parts[0]!)) return;
    const inherited = path.parts.find((part) => INHERITED_NAMES.has(part));
    if (inherited !== undefined) throw failure(`Mẫu dùng tên "${inherited}" nhưng dữ liệu không có tên này.`, path);
  };
  visitor.accept(template);
}

function failure(message: string, options: Located): TemplateFailure {
  const start = options.loc?.start;
  return new TemplateFailure(message, start?.line ?? 1, (start?.column ?? 0) + 1);
}

/** Turns whatever Handlebars threw into a TemplateFailure tied to the innermost template file. */
function annotate(error: unknown, file: string, text = ''): TemplateFailure {
  if (error instanceof TemplateFailure) {
    error.file ??= file;
    return error;
  }
  const e = error as Error & { lineNumber?: number; column?: number };
  const missing = /^"([^"]+)" not defined in/.exec(e.message);
  if (missing) {
    return new TemplateFailure(`Mẫu dùng tên "${missing[1]}" nhưng dữ liệu không có tên này.`, e.lineNumber ?? 1, (e.column ?? 0) + 1, file);
  }
  const parse = /Parse error on line (\d+):\n.*\n(-*)\^/.exec(e.message);
  if (parse) {
    return new TemplateFailure('Mẫu viết sai cú pháp Handlebars (kiểm tra các cặp {{ }} và {{#...}}{{/...}}).', Number(parse[1]), parse[2]!.length + 1, file);
  }
  const partial = /The partial (\S+) could not be found/.exec(e.message);
  if (partial) {
    // Handlebars gives no place for a missing partial: find where this template calls it.
    const at = text.search(new RegExp(`\\{\\{~?>\\s*${partial[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    const before = text.slice(0, Math.max(at, 0)).split('\n');
    return new TemplateFailure(
      `Mẫu gọi mẫu con "${partial[1]}" nhưng không có tệp ${partial[1]}${TEMPLATE_SUFFIX}.`,
      at < 0 ? 1 : before.length,
      at < 0 ? 1 : before.at(-1)!.length + 1,
      file,
    );
  }
  return new TemplateFailure(`Mẫu bị lỗi: ${e.message}`, e.lineNumber ?? 1, (e.column ?? 0) + 1, file);
}

function templateProblem(failed: TemplateFailure, placeOf: (file: string, line: number, col: number) => Place): Problem {
  return {
    ruleId: 'template',
    severity: 'error',
    place: placeOf(failed.file ?? MAIN_TEMPLATE, failed.line, failed.col),
    message: `${failed.message} Sửa mẫu tại vị trí này.`,
  };
}
