import type { Unit } from '../compute/units.js';
import type { Place } from '../diagnostics.js';
import type { YamlScalar } from '../load/yaml-tree.js';
import type { Period } from '../period.js';
import type { Quantity } from '../vietnamese/number.js';
import type { NumberingStyle } from './outline.js';

/** The typed data of one year, as validated: what compute and render read. */

/** A text of the data; it may refer to figures (`{{tong_thu}}`), so it keeps its YAML node. */
export interface TextInput {
  text: string;
  node: YamlScalar;
}

export interface NumberInput {
  quantity: Quantity;
  place: Place;
}

export interface FigureRef {
  key: string;
  place: Place;
}

export interface FigureInput {
  key: string;
  place: Place;
  name?: string;
  /** As written at don_vi: the report prints it so. */
  unit?: string;
  /** What the unit table says of `unit`; undefined when it lacks it. */
  tableUnit?: Unit;
  value?: NumberInput;
  /** Decimals to print a derived value with. */
  digits?: number;
  plan?: NumberInput;
  planShare?: NumberInput;
  /** How far above (+) or below (−) the plan, in % of it: vuot_ke_hoach. */
  overPlan?: NumberInput;
  /** Value minus plan, in the figure's unit (percentage points for a rate): chenh_lech_ke_hoach. */
  planDifference?: NumberInput;
  lastYear?: NumberInput;
  change?: NumberInput;
  changeAmount?: NumberInput;
  sum?: FigureRef[];
  product?: FigureRef[];
  ratio?: FigureRef[];
  /** For a target in the directions: the key of next year's figure it is the plan for (ke_hoach_cho). */
  planFor?: FigureRef;
  /** Whether the figure goes into the appendix of key indicators; undefined: the default rule decides. */
  inAppendix?: boolean;
  /** Named parts (trong đó) that need not cover the figure, but cannot exceed it. */
  ofWhich?: FigureRef[];
  restates?: FigureRef;
}

export type ParagraphInput = { kind: 'paragraph'; text: TextInput } | { kind: 'subheading'; text: TextInput };

/** One heading of the report and what is under it: from the outline, a section file, or a file's muc. */
export interface SectionInput {
  /** None for a heading the outline gives no title (a section file without tieu_de). */
  title?: TextInput;
  paragraphs: ParagraphInput[];
  subsections: SectionInput[];
  /** How the levels under this heading are numbered, from its subsections down, where the outline says. */
  numbering?: NumberingStyle[];
}

export interface DocumentDetails {
  /** '' when the report has no superior body. */
  superiorBody: string;
  issuingBody: string;
  shortName: string;
  number: string;
  symbol: string;
  place: string;
  date: { day: number; month: number; year: number };
  summary: TextInput;
  /** The closing sentence before "Nơi nhận" (loi_ket), or the default one. */
  closing: TextInput;
  /** The bodies the report goes up to (Kính gửi), if any. */
  addressees: string[];
  recipients: string[];
  signature: { authority: string; position: string; name: string };
  /** Every body the document names, with the key that names it and its place: for the rules of the header. */
  bodies: NamedBody[];
}

export interface NamedBody {
  key: 'co_quan_chu_quan' | 'co_quan' | 'kinh_gui' | 'noi_nhan';
  name: string;
  place: Place;
}

export interface YearInput {
  period: Period;
  details: DocumentDetails;
  /** The report's body: the outline's headings with the sections in them, in report order. */
  body: SectionInput[];
  /** Numbering by heading level, from level 1. */
  numbering: NumberingStyle[];
  /** Every figure of the period, in report order. */
  figures: FigureInput[];
  /** For a draft: the figures with no value yet (still to fill, or computed from one), and whether the date is still to fill. */
  draft?: { figures: ReadonlySet<string>; dateUnfilled: boolean };
}
