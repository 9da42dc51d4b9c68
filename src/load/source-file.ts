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
    let offset = 0;
    for (const line of text.split('\n')) {
      this.lineCounter.addNewLine(offset);
      offset += line.length + 1;
    }
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

/**
 * Where the first control character is: bytes that no editor shows and no .docx may hold
 * (XML forbids them), left by a broken copy or a binary file. Tab, line feed and carriage return are text.
 */
export function controlCharacterOffset(text: string): number | undefined {
  const index = text.search(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/);
  return index === -1 ? undefined : index;
}
