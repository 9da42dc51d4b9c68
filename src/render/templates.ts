import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic, Place } from '../diagnostics.js';

export const MAIN_TEMPLATE = 'bao-cao.md.hbs';
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

/** The numbering styles of `danh_so`, by the name a template gives (a Map: "constructor" is no style). */
const NUMBERING: ReadonlyMap<string, (n: number) => string> = new Map([
  ['so', (n: number) => String(n)],
  ['chu', (n: number) => String.fromCharCode(96 + n)],
  [
    'la_ma',
    (n: number) =>
      [['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]].reduce(
        (acc, [symbol, value]) => {
          while (acc.rest >= (value as number)) {
            acc.text += symbol;
            acc.rest -= value as number;
          }
          return acc;
        },
        { text: '', rest: n },
      ).text,
  ],
]);

/**
 * Renders the templates of `dir` (the main one and its partials) on a view model to
 * Markdown. A name the view model lacks is an error with the template's file:line:col,
 * never a blank.
 */
export function renderTemplates(dir: string, shownDir: string, view: object): { markdown?: string; diagnostics: Diagnostic[] } {
  const hb = Handlebars.create();
  const placeOf = (file: string, line: number, col: number): Place => ({ file: path.join(shownDir, file), line, col });
  const diagnostics: Diagnostic[] = [];

  hb.registerHelper('danh_so', (index: unknown, style: unknown, options: Located) => {
    const format = NUMBERING.get(String(style));
    if (typeof index !== 'number' || !format) {
      throw failure(`danh_so cần một chỉ số (@index) và kiểu "so", "chu" hoặc "la_ma".`, options);
    }
    return format(index + 1);
  });
  // The built-in lookup gives a blank for a name the data lacks; here that is an error, as everywhere else.
  hb.registerHelper('lookup', (object: unknown, field: unknown, options: Located) => {
    if (object === null || typeof object !== 'object' || !Object.hasOwn(object, String(field))) {
      throw failure(`{{lookup}} tìm tên "${String(field)}" mà dữ liệu không có.`, options);
    }
    return (object as Record<string, unknown>)[String(field)];
  });
  // Strict mode checks {{name}} but not block parameters: a misspelt {{#each name}} must fail too.
  for (const name of ['each', 'with']) {
    const builtIn = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, context: unknown, options: Located) {
      if (context === undefined) throw failure(`{{#${name}}} nhận một tên không có trong dữ liệu.`, options);
      return builtIn.call(this, context, options);
    });
  }

  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(TEMPLATE_SUFFIX));
  } catch {
    files = [];
  }
  if (!files.includes(MAIN_TEMPLATE)) {
    diagnostics.push({
      ruleId: 'template-missing',
      severity: 'error',
      place: placeOf(MAIN_TEMPLATE, 1, 1),
      message: `Không tìm thấy mẫu chính ${MAIN_TEMPLATE}. Chép thư mục templates/ của chương trình vào đây, hoặc xóa thư mục mẫu để dùng mẫu mặc định.`,
    });
    return { diagnostics };
  }

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n').normalize('NFC');
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
      compiled.set(file, run);
      if (file !== MAIN_TEMPLATE) hb.registerPartial(file.slice(0, -TEMPLATE_SUFFIX.length), run);
    } catch (error) {
      const failed = annotate(error, file, text);
      diagnostics.push(templateDiagnostic(failed, placeOf));
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  try {
    return { markdown: compiled.get(MAIN_TEMPLATE)!(view), diagnostics };
  } catch (error) {
    return { diagnostics: [templateDiagnostic(annotate(error, MAIN_TEMPLATE), placeOf)] };
  }
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

function templateDiagnostic(failed: TemplateFailure, placeOf: (file: string, line: number, col: number) => Place): Diagnostic {
  return {
    ruleId: 'template',
    severity: 'error',
    place: placeOf(failed.file ?? MAIN_TEMPLATE, failed.line, failed.col),
    message: `${failed.message} Sửa mẫu tại vị trí này.`,
  };
}
