import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { formatPlace, type Place, type Problem, type Report } from '../diagnostics.js';
import { specialFileKind } from '../file-kind.js';
import { SourceFile, unprintableCharacter, unprintableMessage } from '../load/source-file.js';
import { MAIN_TEMPLATE, type TemplateFolder } from '../workspace.js';
import { lineMark, parseMarkdown, REFUSED_NODE_ADVICE, refusedNode, RESERVED_CHARACTERS, type TemplateLine } from './body.js';
import { precompiledTemplates } from './shipped-templates.js';

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

/** A folder's templates compiled: the main one (its partials registered), and the template line of each line mark. */
interface CompiledFolder {
  main: Handlebars.TemplateDelegate;
  lines: readonly TemplateLine[];
}

/**
 * Template folders already compiled in this process, by the names and texts of their templates
 * (not their folder: the units of a batch that keep the shipped templates share one). A batch
 * worker compiles each set once; the few most recent are kept, as each unit may have its own.
 */
const compiledFolders = new Map<string, CompiledFolder>();
const COMPILED_FOLDERS_KEPT = 8;

/** What the templates printed: the body's frame (src/render/body.ts), and where each of its lines comes from. */
export interface RenderedFrame {
  frame: string;
  lines: readonly TemplateLine[];
}

/**
 * Renders the templates of `dir` (the main one and its partials) on a view model to the body's
 * frame: Markdown whose every line ends in a mark of the template line that printed it. A name
 * the view model lacks, or Markdown a document does not use, is an error with the template's
 * file:line:col, never a blank.
 */
export function renderTemplates({ dir, shownDir }: TemplateFolder, view: object, report: Report): RenderedFrame | undefined {
  const placeOf = (file: string, line: number, col: number): Place => ({ file: path.join(shownDir, file), line, col });

  const folder = readFolder(dir, shownDir, report);
  if (!folder) return undefined;
  const { templates, key } = folder;
  const compiled = compiledFolders.get(key) ?? compileTemplates(templates, key, (failed) => report(templateProblem(failed, placeOf)));
  // The others are still compiled when one cannot be read: every problem is said at once.
  if (!compiled || folder.unreadable) return undefined;
  if (!compiledFolders.has(key)) {
    if (compiledFolders.size >= COMPILED_FOLDERS_KEPT) compiledFolders.delete(compiledFolders.keys().next().value!);
    compiledFolders.set(key, compiled);
  }
  try {
    return { frame: compiled.main(view), lines: compiled.lines };
  } catch (error) {
    report(templateProblem(annotate(error, MAIN_TEMPLATE), placeOf));
    return undefined;
  }
}

interface TemplateText {
  file: string;
  text: string;
}

/**
 * The templates of a folder, by name, and their key (their names and texts); each that cannot be
 * read is reported. Undefined when the folder has no main template.
 */
function readFolder(dir: string, shownDir: string, report: Report): { templates: TemplateText[]; key: string; unreadable: boolean } | undefined {
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
      place: { file: path.join(shownDir, MAIN_TEMPLATE), line: 1, col: 1 },
      message: `Không tìm thấy mẫu chính ${MAIN_TEMPLATE}. Chép thư mục templates/ của chương trình vào đây, hoặc xóa thư mục mẫu để dùng mẫu mặc định.`,
    });
    return undefined;
  }
  const templates: TemplateText[] = [];
  for (const file of files.sort()) {
    const read = readTemplate(dir, file, path.join(shownDir, file));
    if ('problem' in read) report(read.problem);
    else templates.push({ file, text: read.text });
  }
  return { templates, key: JSON.stringify(templates), unreadable: templates.length < files.length };
}

/** A Handlebars environment whose helpers refuse what strict mode lets through. */
function environment(): typeof Handlebars {
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
  return hb;
}

const COMPILE_OPTIONS = { strict: true, noEscape: true };

/**
 * A template parsed (here, so that a syntax error surfaces with its line), refused where it
 * prints what a document cannot hold, and its lines marked: the tree to compile.
 */
function prepared(hb: typeof Handlebars, { file, text }: TemplateText, lines: TemplateLine[]): hbs.AST.Program {
  const parsed = hb.parse(text);
  refuseInheritedNames(parsed, hb.helpers);
  refuseMarkdown(text, parsed);
  markLines(parsed, file, lines);
  return parsed;
}

/**
 * The main template of a folder, compiled with its partials (or taken as `npm run build`
 * compiled them, when they are the shipped ones); undefined when any of them fails (each said).
 */
function compileTemplates(templates: readonly TemplateText[], key: string, fail: (failed: TemplateFailure) => void): CompiledFolder | undefined {
  const hb = environment();
  const shipped = precompiledTemplates();
  const precompiled = shipped?.key === key ? shipped : undefined;
  let main: Handlebars.TemplateDelegate | undefined;
  const lines: TemplateLine[] = [];
  let failed = false;
  for (const { file, text } of templates) {
    try {
      const template = precompiled
        ? hb.template(precompiled.specs[file] as Parameters<typeof hb.template>[0])
        : hb.compile(prepared(hb, { file, text }, lines), COMPILE_OPTIONS);
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
  return failed || !main ? undefined : { main, lines: precompiled?.lines ?? lines };
}

/**
 * The shipped templates of `dir` compiled ahead of time, for src/tools/bundle.ts: each file's
 * spec as JavaScript source, with what precompiledTemplates() gives. Throws on a template that
 * would fail to compile at run time: the build must not ship it.
 */
export function precompileTemplates(dir: string): { key: string; lines: TemplateLine[]; specSources: Record<string, string> } {
  const folder = readFolder(dir, dir, (problem) => {
    throw new Error(`${formatPlace(problem.place)}: ${problem.message}`);
  })!;
  const hb = environment();
  const lines: TemplateLine[] = [];
  // precompile() gives the spec's JavaScript source (@types has it as the spec object).
  const specSources = Object.fromEntries(folder.templates.map((template) => [template.file, String(hb.precompile(prepared(hb, template, lines), COMPILE_OPTIONS))]));
  return { key: folder.key, lines, specSources };
}

/**
 * Refuses the Markdown a document does not use (a list, a link, code...) in a template's own
 * words, at its own line and column. The template is read as Markdown as Handlebars would print
 * it with letters for every value: a block's tags, partials and comments print nothing, and a
 * line of nothing but those is dropped. What a block's or partial's content completes is left to
 * the frame's check after rendering (src/render/body.ts), which names the template line.
 */
function refuseMarkdown(text: string, program: hbs.AST.Program): void {
  const { lineStarts } = new SourceFile('', text).lineCounter;
  const offset = ({ line, column }: hbs.AST.Position) => lineStarts[line - 1]! + column;
  const CONTENT = 1;
  const VALUE = 2;
  const kind = new Uint8Array(text.length);
  const visitor = new Handlebars.Visitor();
  visitor.ContentStatement = (content) => void kind.fill(CONTENT, offset(content.loc.start), offset(content.loc.end));
  visitor.MustacheStatement = (mustache) => void kind.fill(VALUE, offset(mustache.loc.start), offset(mustache.loc.end));
  visitor.accept(program);

  // The printed lines, each with the template line it is and the template column of each of its characters.
  const printed: { text: string; line: number; columns: number[] }[] = [];
  text.split('\n').forEach((line, index) => {
    let shown = '';
    const columns: number[] = [];
    let tags = false;
    for (let i = 0; i < line.length; i++) {
      const at = kind[lineStarts[index]! + i];
      if (at === CONTENT || at === VALUE) {
        shown += at === VALUE ? 'x' : line[i];
        columns.push(i + 1);
      } else tags = true;
    }
    // Handlebars drops a line its tags leave empty (a standalone tag); a line blank in the template stays.
    if (tags && shown.trim() === '') return;
    printed.push({ text: shown, line: index + 1, columns: [...columns, line.length + 1] });
  });
  const markdown = printed.map((line) => line.text).join('\n');
  const refused = refusedNode(parseMarkdown(markdown), markdown);
  if (refused) {
    const start = refused.node.position!.start;
    const at = printed[start.line - 1]!;
    throw new TemplateFailure(`Mẫu viết ${refused.words}: ${REFUSED_NODE_ADVICE}.`, at.line, at.columns[start.column - 1] ?? 1);
  }
}

/**
 * Ends every line a template prints with a line mark (src/render/body.ts) that names the
 * template line, before the line's closing spaces or backslash, which make a hard line break.
 * A line that prints nothing else is dropped after rendering, as a blank line.
 */
function markLines(program: hbs.AST.Program, file: string, lines: TemplateLine[]): void {
  const visitor = new Handlebars.Visitor();
  visitor.ContentStatement = (content) => {
    // Whitespace control strips the lines of standalone tags off `original` into `value`.
    const { value } = content;
    const original = (content as unknown as { original: string }).original; // typed as StripFlags by @types, a string in Handlebars
    const from = Math.max(0, original.indexOf(value));
    let line = content.loc.start.line + (original.slice(0, from).match(/\n/g)?.length ?? 0);
    content.value = value.replace(/([ \t]*\\?)\n/g, (ending: string, closing: string, at: number) => {
      const marked = at > 0 && value[at - 1] === '\n' ? ending : `${lineMark(lines.push({ file, line }) - 1)}${closing}\n`;
      line++;
      return marked;
    });
  };
  visitor.accept(program);
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
  const reserved = text.search(RESERVED_CHARACTERS);
  if (reserved !== -1) {
    const code = `U+${text.codePointAt(reserved)!.toString(16).toUpperCase()}`;
    return problem(`Mẫu có ký tự ${code} (vùng ký tự riêng, không phải chữ), là ký tự chương trình dành cho việc điền dữ liệu vào mẫu. Xóa ký tự này.`, new SourceFile(shown, text).placeAt(reserved));
  }
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
