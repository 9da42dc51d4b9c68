import { Lexer, type YAMLError } from 'yaml';
import type { Problem } from '../diagnostics.js';
import type { SourceFile } from './source-file.js';

/**
 * What the YAML parser's errors mean for a clerk. The parser reports a mistake where it
 * notices it, often a line late, and one mistake as several errors (a Tab, ten): they are
 * read here as the mistake that was made, and said once, at the line to change.
 */

const MESSAGES: ReadonlyMap<string, string> = new Map([
  ['DUPLICATE_KEY', 'Khóa bị lặp lại trong cùng một khối. Mỗi khóa chỉ được viết một lần: xóa hoặc đổi tên một trong hai.'],
  ['BAD_INDENT', 'Thụt lề không đúng. Các khóa cùng cấp phải thẳng hàng, khóa con thụt vào bằng dấu cách.'],
  ['MISSING_CHAR', 'Thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn).'],
  ['MULTILINE_IMPLICIT_KEY', 'Khóa kéo dài nhiều dòng hoặc thiếu dấu hai chấm sau khóa.'],
  ['BLOCK_AS_IMPLICIT_KEY', 'Thiếu dấu hai chấm sau khóa, hoặc thụt lề không đúng.'],
  ['UNEXPECTED_TOKEN', 'Ký tự không đúng chỗ.'],
  ['BAD_SCALAR_START', 'Giá trị bắt đầu bằng ký tự đặc biệt: đặt giá trị trong dấu ngoặc kép "...".'],
  ['BAD_DQ_ESCAPE', 'Chuỗi trong ngoặc kép có dấu \\ không hợp lệ: viết \\\\ hoặc dùng ngoặc đơn.'],
  ['MULTIPLE_DOCS', 'Tệp chứa nhiều tài liệu YAML (dấu ---): mỗi tệp chỉ được có một.'],
  ['BAD_ALIAS', 'Dữ liệu không dùng bí danh YAML (*ten): viết giá trị trực tiếp tại đây.'],
  ['BLOCK_IN_FLOW', 'Trong ngoặc [ ] hoặc { } không được xuống dòng kiểu khối: viết trên một dòng, hoặc bỏ ngoặc.'],
  ['KEY_OVER_1024_CHARS', 'Khóa quá dài (hơn 1024 ký tự), có thể do thiếu dấu hai chấm hoặc xuống dòng.'],
  ['TAG_RESOLVE_FAILED', 'Giá trị không đúng với thẻ YAML (!!...) đứng trước nó: bỏ thẻ đó.'],
  [
    'RESOURCE_EXHAUSTION',
    'Các khối lồng nhau quá sâu (quá nhiều dấu ngoặc [ { hoặc mức thụt lề). Dữ liệu chỉ cần vài mức: kiểm tra các dấu ngoặc và thụt lề.',
  ],
]);

const TAB_MESSAGE =
  'Lỗi cú pháp YAML: dòng này thụt lề bằng phím Tab. YAML chỉ nhận dấu cách: xóa Tab ở đầu dòng, thụt vào bằng dấu cách ' +
  'cho thẳng hàng với các dòng cùng cấp, rồi chạy lại.';

/** Syntax errors after the first few mostly follow from them; more would hide the one to fix. */
const MAX_SYNTAX_ERRORS = 10;

/** Characters that give a value a meaning of its own in YAML when it starts with them. */
const SPECIAL_START = /^["'{[*&!@`%|>]/;

/** One diagnostic per mistake, at the line to change; at most MAX_SYNTAX_ERRORS of them. */
export function syntaxDiagnostics(file: SourceFile, errors: readonly YAMLError[]): Problem[] {
  const at = (offset: number, message: string, ruleId = 'yaml-syntax'): Problem => ({
    ruleId,
    severity: 'error',
    place: file.placeAt(offset),
    message,
  });
  // A Tab in the indentation throws every line after it out of line: only the Tabs are mistakes.
  const tabs = errors.filter((error) => error.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) return onePerLine(tabs.map((error) => at(error.pos[0], TAB_MESSAGE)));

  const found: Problem[] = [];
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i]!;
    const [from] = error.pos;
    const next = errors[i + 1];
    // A key indented deeper than the key above it: the parser blames the value above.
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && next?.code === 'MULTILINE_IMPLICIT_KEY' && next.pos[0] === from && file.text.slice(from, next.pos[1]).includes('\n')) {
      found.push(overIndented(file, from, next.pos[1]));
      i++;
      continue;
    }
    const unquoted = unquotedText(file, error) ?? wrappedText(file, error);
    if (unquoted !== undefined) {
      found.push(at(unquoted.from, textToQuote(file, unquoted.from, unquoted.to), 'yaml-quote'));
      continue;
    }
    const offset = (error.code === 'MISSING_CHAR' && unclosedQuoteOffset(file.text)) || from;
    const message = (error.code === 'MISSING_CHAR' && missingCharMessage(error.message)) || MESSAGES.get(error.code) || `không đọc được (${error.code}).`;
    found.push(at(offset, `Lỗi cú pháp YAML: ${message} Sửa tại vị trí này rồi chạy lại.`));
  }
  const diagnostics = onePerLine(found);
  if (diagnostics.length > MAX_SYNTAX_ERRORS) {
    const more = diagnostics.length - MAX_SYNTAX_ERRORS;
    diagnostics.length = MAX_SYNTAX_ERRORS;
    diagnostics.at(-1)!.message += ` (Còn ${more} lỗi cú pháp khác sau đó; sửa các lỗi này trước.)`;
  }
  return diagnostics;
}

/** What is missing, by the parser's own words: MISSING_CHAR covers more than closing quotes. */
function missingCharMessage(parserMessage: string): string | undefined {
  if (parserMessage.includes('Implicit map keys need to be followed by map values')) return 'Thiếu dấu hai chấm sau khóa (viết khóa: giá trị).';
  if (parserMessage.includes('Missing space after :')) return 'Thiếu dấu cách sau dấu hai chấm (viết khóa: giá trị).';
  if (/Missing , (or : )?between/.test(parserMessage)) return 'Thiếu dấu phẩy giữa các phần tử trong ngoặc [ ] hoặc { }.';
  if (parserMessage.includes('Comments must be separated')) {
    return 'Dấu # bắt đầu chú thích phải có dấu cách đứng trước; nếu # là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép.';
  }
  return undefined;
}

/** The first diagnostic of each line: the others on that line follow from the same mistake. */
function onePerLine(diagnostics: Problem[]): Problem[] {
  const lines = new Set<number>();
  return diagnostics.filter((d) => !lines.has(d.place.line) && lines.add(d.place.line));
}

/** The key that starts the line of `keyOffset` is indented deeper than the key whose value starts at `valueOffset`. */
function overIndented(file: SourceFile, valueOffset: number, keyOffset: number): Problem {
  const above = lineAt(file.text, valueOffset);
  const wrong = lineAt(file.text, keyOffset);
  const column = contentStart(above.text) + 1;
  const keyColumn = wrong.text.length - wrong.text.trimStart().length;
  return {
    ruleId: 'yaml-syntax',
    severity: 'error',
    place: file.placeAt(wrong.start + keyColumn),
    message:
      `Lỗi cú pháp YAML: thụt lề không đúng: dòng này thụt vào sâu hơn dòng ${file.placeAt(valueOffset).line} ở trên, ` +
      `nên YAML nối nó vào giá trị của dòng đó. Các khóa cùng cấp phải thẳng hàng: bắt đầu dòng này ở cột ${column} ` +
      `(${column - 1} dấu cách), như dòng trên, rồi chạy lại.`,
  };
}

/** A text value the parser could not read because it was not quoted: where it runs in the source. */
function unquotedText(file: SourceFile, error: YAMLError): { from: number; to: number } | undefined {
  const line = lineAt(file.text, error.pos[0]);
  const from = line.start + valueStart(line.text);
  const to = line.start + line.text.trimEnd().length;
  if (from >= to) return undefined;
  // `- Thương mại: doanh thu: tăng`, `tieu_de: Y tế: tốt`: a second ": " on the line.
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return /:(\s|$)/.test(file.text.slice(error.pos[0], to)) ? { from, to } : undefined;
  // `- "Năm" là năm tốt`, `- {{nam}} là năm`, `- * Công tác`, `- % hộ`; `- Kết quả: * tốt`.
  if (!['UNEXPECTED_TOKEN', 'BAD_ALIAS', 'BAD_SCALAR_START'].includes(error.code)) return undefined;
  return misreading(file.text.slice(from, to)) === undefined ? undefined : { from, to };
}

/**
 * A list item with ": " whose words go on to the next line: YAML reads the first line as a
 * key and its value, and stops at the next one, a key without a colon.
 */
function wrappedText(file: SourceFile, error: YAMLError): { from: number; to: number } | undefined {
  if (error.code !== 'MISSING_CHAR' || !error.message.includes('Implicit map keys need to be followed by map values')) return undefined;
  const line = lineAt(file.text, error.pos[0]);
  if (line.start === 0) return undefined;
  const above = lineAt(file.text, line.start - 1);
  const from = above.start + valueStart(above.text);
  const isItem = /^[ \t]*-[ \t]/.test(above.text);
  if (!isItem || !/:\s/.test(above.text.slice(from - above.start))) return undefined;
  return { from, to: line.start + line.text.trimEnd().length };
}

/** What YAML saw in a text meant as plain words: a special first character, or ": ". */
function misreading(text: string): string | undefined {
  const start = SPECIAL_START.exec(text)?.[0] ?? (text.startsWith('- ') ? '-' : undefined);
  if (start !== undefined) return `bắt đầu bằng ${start}, ký tự mà YAML hiểu theo nghĩa riêng`;
  if (/:(\s|$)/.test(text)) return 'có dấu hai chấm và dấu cách (": "), nên YAML hiểu phần trước dấu hai chấm là một khóa';
  return undefined;
}

/**
 * What to do with a text YAML misread (a paragraph with ": ", or starting with `{`, `"`, `*`):
 * put it in quotes, with the line as it should be written (or, for a text over several lines,
 * where the quotes go). `from`–`to` is the text in the source.
 */
export function textToQuote(file: SourceFile, from: number, to: number): string {
  const first = lineAt(file.text, from);
  const last = lineAt(file.text, Math.max(from, to - 1));
  const text = file.text.slice(from, to).trimEnd();
  const reason = misreading(text) ?? 'không đọc được như một đoạn chữ';
  const oneLine = first.start === last.start;
  const comment = oneLine ? /\s#/.exec(text) : null;
  const quoted = quote(comment ? text.slice(0, comment.index) : text);
  const lineNumber = file.placeAt(from).line;
  if (!oneLine) {
    const words = text.split(/\s+/);
    return (
      `Đoạn chữ ${reason}. Đặt cả đoạn trong dấu ngoặc kép: thêm ${quoted.mark} trước chữ "${words[0]}" ở dòng ${lineNumber} ` +
      `và sau chữ "${words.at(-1)}" ở dòng ${file.placeAt(to - 1).line}${quoted.mark === '"' ? '' : ' (dấu nháy đơn, vì đoạn chữ đã có dấu ngoặc kép)'}.`
    );
  }
  const fixed = (first.text.slice(0, from - first.start) + quoted.text + (comment ? text.slice(comment.index) : '')).trimStart();
  const how = quoted.mark === '"' ? 'trong dấu ngoặc kép' : 'trong dấu nháy đơn (vì đoạn chữ đã có dấu ngoặc kép)';
  return `Đoạn chữ ${reason}. Đặt cả đoạn ${how}: viết lại dòng ${lineNumber} thành  ${fixed}`;
}

/** A text in double quotes, or in single quotes when it holds double quotes (a clerk can read that). */
function quote(text: string): { text: string; mark: string } {
  if (text.includes('"') && !text.includes("'")) return { text: `'${text}'`, mark: "'" };
  return { text: `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`, mark: '"' };
}

/** Where a line's value starts: after its indentation, its list dashes and a data key (`- tieu_de: `). */
function valueStart(line: string): number {
  const prefix = contentStart(line);
  // Data keys are lower-case ASCII: a text before a colon (Thương mại:) is no key.
  const key = /^[a-z][a-z0-9_]*:[ \t]+/.exec(line.slice(prefix));
  return prefix + (key ? key[0].length : 0);
}

/** Where a line's content starts, after its indentation and list dashes. */
function contentStart(line: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
}

/** The line holding `offset`: its start offset and its text (without the line end). */
function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '') };
}

/**
 * Where an unclosed quote opens. The parser notices it only at the end of the file, but
 * the clerk needs the line where the quote was opened.
 */
function unclosedQuoteOffset(text: string): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const quote = token[0];
    if ((quote === '"' || quote === "'") && (token.length === 1 || !token.trimEnd().endsWith(quote))) return offset;
    // Control tokens mark structure and take no room in the source.
    if (!/^[\x02\x18\x1f]$/.test(token)) offset += token.length;
  }
  return undefined;
}
