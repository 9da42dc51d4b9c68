/**
 * A workbook as this program writes and reads it, apart from any spreadsheet library: the
 * commands build and read these; write-workbook.ts and read-workbook.ts are the only modules
 * that know the library.
 */

/** How a written cell looks. */
export type CellStyle =
  /** A column's title. */
  | 'header'
  /** The title of a column the program computes (shaded). */
  | 'header-computed'
  /** A figure's key. */
  | 'key'
  /** A place to fill or correct: imported. */
  | 'input'
  /** Shown from elsewhere (last year's value, the figure a restatement repeats): imported only when changed. */
  | 'inherited'
  /** Empty, or CẦN ĐIỀN: still to fill (highlighted). */
  | 'to-fill'
  /** Computed by the program: shaded, never imported. */
  | 'computed'
  /** A read-only note. */
  | 'note'
  /** The guide's title. */
  | 'title'
  /** A line of the guide. */
  | 'text'
  /** A label of the guide's table for the program. */
  | 'label';

export interface OutCell {
  /** A number with its display format, a text (a number beyond 15 digits is a text), or an empty cell with the format a number typed there will have. */
  value: { number: number; format: string } | { text: string } | { format: string };
  style: CellStyle;
  /** The height of the cell's row, in points, where its text wraps onto several lines. */
  height?: number;
}

export interface OutSheet {
  name: string;
  rows: (OutCell | null)[][];
  /** Column widths, in characters. */
  widths: number[];
  /** Rows kept in view when scrolling (the header). */
  frozenRows: number;
}

/** A cell as read: a number as the text of what the file stores, a text, or anything else a cell may hold. */
export type InCell =
  | { kind: 'number'; raw: string }
  | { kind: 'text'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date' };

export interface InSheet {
  name: string;
  /** rows[r][c] is the cell at row r + 1, column c + 1; null when empty. */
  rows: (InCell | null)[][];
}
