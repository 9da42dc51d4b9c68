import { LineCounter } from 'yaml';
import type { Place } from '../diagnostics.js';

/** A text file as read, with the means to turn an offset into a line and column. */
export class SourceFile {
  readonly lineCounter = new LineCounter();

  constructor(
    /** The path as shown to the user (relative to the working folder). */
    readonly path: string,
    readonly text: string,
  ) {
    this.lineCounter.addNewLine(0);
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) this.lineCounter.addNewLine(newline + 1);
  }

  placeAt(offset: number): Place {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.path, line, col };
  }
}

/**
 * Decodes file bytes as the clerk's editor wrote them: UTF-8, with or without a BOM, in NFC.
 * Returns undefined for bytes that are not UTF-8 text (a file saved in another encoding).
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return (text.startsWith('\uFEFF') ? text.slice(1) : text).normalize('NFC');
  } catch {
    return undefined;
  }
}

/** The last two code points of each of the planes 1 to 16: non-characters, like U+FFFE and U+FFFF. */
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join('');

/**
 * Characters no .docx may hold, left by a broken copy or a binary file: control characters
 * (XML forbids them; tab, line feed and carriage return are text), and Unicode's
 * non-characters (U+FFFE and U+FFFF, which XML forbids and Word will not open, U+FDD0–U+FDEF
 * and the last two of every plane), which no text means.
 */
const UNPRINTABLE = new RegExp(`[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_ENDS}]`, 'u');

/** The first character of a text that no document may hold. */
export interface Unprintable {
  offset: number;
  /** What it is, in words, with its code: `ký tự điều khiển không in được (U+0000)`. */
  name: string;
}

/** Where the first such character is in `text`, and what it is. */
export function unprintableCharacter(text: string): Unprintable | undefined {
  const offset = text.search(UNPRINTABLE);
  if (offset === -1) return undefined;
  const point = text.codePointAt(offset)!;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = point < 0x80 ? `ký tự điều khiển không in được (${code})` : `ký tự không dùng trong văn bản (${code}, không phải chữ; Word không mở được tệp có ký tự này)`;
  return { offset, name };
}

/** The message for such a character in a file's text, data or template alike. */
export function unprintableMessage(found: Unprintable): string {
  return (
    `Tệp có ${found.name}: tệp có thể bị hỏng (chép dở dang) hoặc không phải tệp văn bản. ` +
    'Xóa ký tự này (hoặc chép lại tệp từ bản sao) rồi chạy lại.'
  );
}
