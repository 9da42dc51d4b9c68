import type { Data, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { printed, type Figure } from '../compute/figures.js';
import { differenceUnit } from '../compute/units.js';
import { formatPlace, type Diagnostic, type Place, type Severity } from '../diagnostics.js';
import type { HelperWord } from '../reference-words.js';
import { referencedKey, type ResolvedReference, type TextPiece } from '../text/data-text.js';
import type { YearInput } from '../validate/input.js';
import { formatWithUnit, type Quantity } from '../vietnamese/number.js';

/**
 * A review copy (report build --review): the report with one Word comment per finding of
 * `report check`, anchored on the text that prints the figure the finding is about.
 *
 * The anchors travel with the data, never by searching the output: a finding is tied to a
 * resolved reference here; the nodes of the piece that reference prints go into a `reviewMark`
 * node that carries its comments, in the data text's nodes that fill the body after parsing
 * (src/render/body.ts); the .docx writer puts the comment range around that node's runs.
 */

/** The author Word shows on every comment of a review copy. */
export const REVIEW_AUTHOR = 'report check';

/** What Word shows of a comment: its level, the message, where it was found, the figures involved. */
export interface ReviewComment {
  /** Word's comment id: the finding's rank in `report check`'s order (by place). */
  id: number;
  ruleId: string;
  severity: Severity;
  accepted?: { reason: string };
  /** Highlighted in the text: an error nobody has accepted. */
  flagged: boolean;
  /** The comment's paragraphs, in Vietnamese. */
  paragraphs: string[];
}

/** The comments of a review copy, and those that have no place in the body's text. */
export interface Review {
  comments: ReviewComment[];
  /** The ids of the comments on the title (BÁO CÁO): a figure never printed, a finding on the document's details. */
  onTitle: number[];
}

/** The printed text of a figure that comments are anchored on: an mdast node of the body. */
export interface ReviewMark extends Parent {
  type: 'reviewMark';
  children: PhrasingContent[];
  data: ReviewMarkData;
}

export interface ReviewMarkData extends Data {
  /** The ids of the comments whose range is this text. */
  comments: number[];
  /** Whether the text is highlighted: one of the comments is an error nobody accepted. */
  flagged: boolean;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    reviewMark: ReviewMark;
  }
  interface RootContentMap {
    reviewMark: ReviewMark;
  }
}

/** The parts of a figure a finding can be about: each typed at its own place. */
type Aspect = 'value' | 'plan' | 'lastYear' | 'planShare' | 'overPlan' | 'planDifference' | 'change' | 'changeAmount';

const ASPECT_WORDS: Record<Aspect, string> = {
  value: 'giá trị',
  plan: 'kế hoạch',
  lastYear: 'cùng kỳ',
  planShare: 'tỷ lệ so với kế hoạch',
  overPlan: 'mức vượt kế hoạch',
  planDifference: 'mức chênh lệch so với kế hoạch',
  change: 'mức tăng/giảm so với cùng kỳ',
  changeAmount: 'mức chênh lệch so với cùng kỳ',
};

/**
 * What a reference prints of its figure, most directly first: `{{tang_giam x}}` prints the
 * change, computed from cùng kỳ when the change is not typed.
 */
const PRINTS: Record<HelperWord | '', readonly Aspect[]> = {
  '': ['value'],
  so: ['value'],
  tang_giam: ['change', 'changeAmount', 'lastYear'],
  muc_tang_giam: ['change', 'changeAmount', 'lastYear'],
  chenh_lech: ['changeAmount', 'lastYear'],
  dat_ke_hoach: ['planShare', 'plan'],
  vuot_ke_hoach: ['overPlan', 'planShare', 'plan'],
  chenh_lech_ke_hoach: ['planDifference', 'plan'],
  ke_hoach: ['plan'],
  cung_ky: ['lastYear'],
};

const LEVEL_WORDS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

/** What is at a place of this year's data: a figure's key (no aspect) or one of its typed numbers. */
interface AtPlace {
  key: string;
  aspect?: Aspect;
}

/** A finding as the review copy tells it, and where it goes in the text. */
interface Planned {
  comment: ReviewComment;
  /** The figure the finding is about, when its place is one. */
  key?: string;
  /** The reference whose printed text carries the comment; none: the title. */
  anchor?: ResolvedReference;
}

/**
 * The comments of a review copy and their anchors in the text, from what `report check` lists
 * (findings at their configured levels, accepted ones included, and the warnings of reading
 * the data). Each goes on the first reference of the body that prints what the finding is
 * about: the reference at its place (a reference that divides by zero), else the figure whose
 * typed number or key is at its place, preferring a reference that prints that number
 * (`{{tang_giam x}}` for a finding on x's tang_giam). The trích yếu is no place for a comment.
 */
export class ReviewPlan {
  readonly #planned: Planned[];
  readonly #marks: { anchor: ResolvedReference; data: ReviewMarkData }[] = [];
  readonly #markOf = new Map<ResolvedReference, number>();

  constructor(diagnostics: readonly Diagnostic[], input: YearInput, figures: ReadonlyMap<string, Figure>, references: readonly ResolvedReference[]) {
    const atPlace = placesOf(input);
    const inBody = references.filter((r) => r.reference.text !== input.details.summary && 'text' in r.resolution && !r.resolution.unfilled);
    this.#planned = diagnostics.map((diagnostic, id) => {
      const at = atPlace.get(formatPlace(diagnostic.place));
      const anchor = anchorOf(diagnostic.place, at, inBody);
      const flagged = diagnostic.severity === 'error' && !diagnostic.accepted;
      return {
        comment: {
          id,
          ruleId: diagnostic.ruleId,
          severity: diagnostic.severity,
          ...(diagnostic.accepted ? { accepted: { reason: diagnostic.accepted.reason } } : {}),
          flagged,
          paragraphs: commentParagraphs(diagnostic, figures, atPlace),
        },
        ...(at ? { key: at.key } : {}),
        ...(anchor ? { anchor } : {}),
      };
    });
    for (const { comment, anchor } of this.#planned) {
      if (!anchor) continue;
      let mark = this.#markOf.get(anchor);
      if (mark === undefined) {
        mark = this.#marks.push({ anchor, data: { comments: [], flagged: false } }) - 1;
        this.#markOf.set(anchor, mark);
      }
      const { data } = this.#marks[mark]!;
      data.comments.push(comment.id);
      data.flagged ||= comment.flagged;
    }
  }

  /** For the body's nodes: the nodes of a piece whose reference carries comments, in its mark. */
  readonly mark = (piece: TextPiece, nodes: PhrasingContent[]): PhrasingContent[] => {
    const mark = piece.printedBy && this.#markOf.get(piece.printedBy);
    return mark === undefined ? nodes : [{ type: 'reviewMark', data: this.#marks[mark]!.data, children: nodes }];
  };

  /**
   * The comments, given the body that was printed: a mark the templates did not print leaves its
   * comments for the title (src/render/body.ts prints a mark once, at the first print of its text).
   */
  comments(body: Root): Review {
    const placed = new Set<ReviewMarkData>();
    const visit = (node: Root | RootContent) => {
      if (node.type === 'reviewMark') placed.add(node.data);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(body);
    const onBody = new Set([...placed].flatMap((data) => data.comments));
    const comments = this.#planned.map(({ comment, key }) =>
      onBody.has(comment.id)
        ? comment
        : {
            ...comment,
            paragraphs: [
              ...comment.paragraphs,
              key === undefined
                ? 'Nhận xét này ở tiêu đề: phát hiện không gắn với một số liệu in trong thân báo cáo.'
                : `Nhận xét này ở tiêu đề: chỉ tiêu [${key}] không được in trong thân báo cáo.`,
            ],
          },
    );
    return { comments, onTitle: comments.filter((c) => !onBody.has(c.id)).map((c) => c.id) };
  }
}

/** Every place of this year's data that holds a figure's key or one of its typed numbers. */
function placesOf(input: YearInput): Map<string, AtPlace> {
  const places = new Map<string, AtPlace>();
  for (const figure of input.figures) {
    places.set(formatPlace(figure.place), { key: figure.key });
    for (const aspect of Object.keys(ASPECT_WORDS) as Aspect[]) {
      const number = figure[aspect];
      if (number) places.set(formatPlace(number.place), { key: figure.key, aspect });
    }
  }
  return places;
}

const samePlace = (a: Place, b: Place) => a.file === b.file && a.line === b.line && a.col === b.col;

/** What a reference prints of its figure, most directly first; nothing for a context word. */
function printsOf(resolved: ResolvedReference): readonly Aspect[] {
  const words = resolved.reference.words ?? [];
  return words.length === 2 ? (PRINTS[words[0] as HelperWord] ?? []) : PRINTS[''];
}

/** The rank of a reference that prints the figure but not the number a finding is about: after every one that does. */
const PRINTS_MOST = Math.max(...Object.values(PRINTS).map((aspects) => aspects.length));

/** The reference of the body a finding at `place` is anchored on, if any. */
function anchorOf(place: Place, at: AtPlace | undefined, inBody: readonly ResolvedReference[]): ResolvedReference | undefined {
  const here = inBody.find((r) => samePlace(r.reference.place, place));
  if (here || !at) return here;
  const ofFigure = inBody.filter((r) => referencedKey(r.reference) === at.key);
  if (at.aspect === undefined) return ofFigure[0];
  let best: ResolvedReference | undefined;
  let bestRank = Infinity;
  for (const resolved of ofFigure) {
    const found = printsOf(resolved).indexOf(at.aspect);
    const rank = found === -1 ? PRINTS_MOST : found;
    if (rank < bestRank) [best, bestRank] = [resolved, rank];
  }
  return best;
}

/** A figure's typed or computed number as the report prints it, with its unit. */
function valueOf(figure: Figure, aspect: Aspect): string | undefined {
  const shown = (quantity: Quantity | undefined, unit: string) => (quantity ? formatWithUnit(quantity, unit) : undefined);
  switch (aspect) {
    case 'value':
      return shown(printed(figure.value), figure.unit);
    case 'plan':
      return shown(figure.plan?.quantity, figure.unit);
    case 'lastYear':
      return shown(figure.lastYear?.quantity, figure.unit);
    case 'planShare':
      return shown(printed(figure.planShare), '%');
    case 'overPlan':
      return shown(printed(figure.overPlan), '%');
    case 'planDifference':
      return shown(printed(figure.planDifference), differenceUnit(figure));
    case 'change':
      return shown(printed(figure.change), '%');
    case 'changeAmount':
      return shown(printed(figure.changeAmount), differenceUnit(figure));
  }
}

/** A related place, with the figure there and its value when the place is one of this year's. */
function relatedLine(place: Place, figures: ReadonlyMap<string, Figure>, atPlace: ReadonlyMap<string, AtPlace>): string {
  const at = atPlace.get(formatPlace(place));
  const figure = at && figures.get(at.key);
  if (!at || !figure) return `- ${formatPlace(place)}`;
  const aspect = at.aspect ?? 'value';
  const value = valueOf(figure, aspect);
  return `- "${figure.name}" [${figure.key}], ${ASPECT_WORDS[aspect]}: ${value ?? 'chưa có'} (${formatPlace(place)})`;
}

/** The paragraphs of a finding's comment: level and rule, acceptance, message, place, related figures, where it is explained. */
function commentParagraphs(diagnostic: Diagnostic, figures: ReadonlyMap<string, Figure>, atPlace: ReadonlyMap<string, AtPlace>): string[] {
  const related = diagnostic.related ?? [];
  return [
    `${LEVEL_WORDS[diagnostic.severity]}${diagnostic.accepted ? ' (đã chấp nhận)' : ''} · ${diagnostic.ruleId}`,
    ...(diagnostic.accepted ? [`Lý do chấp nhận: ${diagnostic.accepted.reason}`] : []),
    diagnostic.message,
    `Số liệu ghi tại: ${formatPlace(diagnostic.place)}`,
    ...(related.length > 0 ? ['Liên quan:', ...related.map((place) => relatedLine(place, figures, atPlace))] : []),
    ...(diagnostic.url ? [`Giải thích quy tắc: report explain ${diagnostic.ruleId}`] : []),
  ];
}
