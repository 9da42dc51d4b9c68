/**
 * The period a report covers: a year, its first 6 or 9 months, or a quarter. Its id is the
 * name of its data folder and of the command's argument: `2023`, `2024-6thang`,
 * `2024-9thang`, `2024-quy1` … `2024-quy4`.
 */
export type PeriodKind = 'nam' | '6thang' | '9thang' | 'quy';

export interface Period {
  id: string;
  year: number;
  kind: PeriodKind;
  /** 1–4 for a quarter. */
  quarter?: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Reads a period as written on the command line; undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  const match = /^(\d{4})(?:-(6thang|9thang|quy([1-4])))?$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { id: String(year), year, kind: 'nam' };
  if (match[3] !== undefined) return { id: `${year}-quy${match[3]}`, year, kind: 'quy', quarter: Number(match[3]) };
  return { id: `${year}-${match[2]}`, year, kind: match[2] as PeriodKind };
}

export function annual(year: number): Period {
  return { id: String(year), year, kind: 'nam' };
}

/** The same period of the year before: its figures are this period's cùng kỳ. */
export function samePeriodLastYear(period: Period): Period {
  return parsePeriod(period.id.replace(/^\d{4}/, String(period.year - 1)))!;
}

/** What the period is called in a sentence: `năm 2023`, `6 tháng đầu năm 2024`, `quý I năm 2024`. */
export function periodWords(period: Period): string {
  switch (period.kind) {
    case 'nam':
      return `năm ${period.year}`;
    case '6thang':
      return `6 tháng đầu năm ${period.year}`;
    case '9thang':
      return `9 tháng đầu năm ${period.year}`;
    case 'quy':
      return `quý ${ROMAN[period.quarter! - 1]} năm ${period.year}`;
  }
}

/** The period the report's directions are for: `năm 2024`, `6 tháng cuối năm 2024`, `quý II năm 2024`. */
export function nextPeriodWords(period: Period): string {
  switch (period.kind) {
    case 'nam':
      return `năm ${period.year + 1}`;
    case '6thang':
      return `6 tháng cuối năm ${period.year}`;
    case '9thang':
      return `3 tháng cuối năm ${period.year}`;
    case 'quy':
      return period.quarter === 4 ? `quý I năm ${period.year + 1}` : `quý ${ROMAN[period.quarter!]} năm ${period.year}`;
  }
}
