import { nextPeriodWords, periodWords, type Period } from '../period.js';

/** Excel's limit on a sheet's name. */
export const SHEET_NAME_LENGTH = 31;

/** Characters Excel refuses in a sheet's name. */
const FORBIDDEN = /[\\/?*[\]:]/g;

/** The words of a heading that name the period (`{{nam_sau}}`), as the report prints them; other references are left out. */
function headingText(heading: string, period: Period): string {
  const upper = (text: string) => text.toLocaleUpperCase('vi');
  const words: Record<string, string> = {
    nam: String(period.year),
    nam_truoc: String(period.year - 1),
    nam_sau: String(period.year + 1),
    ky: periodWords(period),
    ky_sau: nextPeriodWords(period),
    ky_in_hoa: upper(periodWords(period)),
    ky_sau_in_hoa: upper(nextPeriodWords(period)),
  };
  return heading.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, word: string) => words[word] ?? '');
}

/** A heading cut to Excel's 31 characters, at a word where it can be, without the punctuation a cut leaves. */
function shortened(text: string, length: number): string {
  const tidy = (t: string) => t.replace(/[\s,.;:–-]+$/u, '').replace(/^'+|'+$/g, '').trim();
  const whole = tidy(text);
  if ([...whole].length <= length) return whole;
  const characters = [...whole].slice(0, length + 1).join('');
  const atWord = characters.lastIndexOf(' ');
  const cut = atWord > length / 2 ? characters.slice(0, atWord) : [...whole].slice(0, length).join('');
  return tidy(cut);
}

/**
 * Sheet names for the sections, in order: each section's heading, without the characters
 * Excel refuses, within its 31 characters, and unique the way Excel compares them (without
 * regard to case). `taken` are names already used (the guide sheet's).
 */
export function sheetNames(headings: readonly { heading: string | undefined; fallback: string }[], period: Period, taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLocaleLowerCase('vi')));
  return headings.map(({ heading, fallback }) => {
    const cleaned = headingText(heading ?? '', period).normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
    const base = shortened(cleaned, SHEET_NAME_LENGTH) || shortened(fallback.replace(FORBIDDEN, ' '), SHEET_NAME_LENGTH) || 'Phần';
    let name = base;
    for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n++) {
      const suffix = ` (${n})`;
      name = `${shortened(base, SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(name.toLocaleLowerCase('vi'));
    return name;
  });
}

/** How a formula refers to a sheet: `'Kinh tế'!D12`. */
export function cellReference(sheet: string, column: number, row: number): string {
  return `'${sheet.replaceAll("'", "''")}'!${columnLetters(column)}${row}`;
}

/** A 1-based column number as letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
