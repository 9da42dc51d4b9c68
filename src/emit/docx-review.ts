import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  LineRuleType,
  Paragraph,
  ShadingType,
  TextRun,
  type ICommentsOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { REVIEW_AUTHOR, type Review, type ReviewMarkData } from '../render/review.js';
import { withinZipRange } from './docx-package.js';

/**
 * The Word side of a review copy (report build --review): comments, their ranges around the
 * runs of a figure's text, and the highlight of an error's figure. A normal build uses none of it.
 */

/** A run's part in a review copy: the comment ranges it opens and closes, and its highlight. */
export interface RunReview {
  starts: number[];
  ends: number[];
  flagged: boolean;
}

/** Light red behind the figure of an error (Excel's colour for a bad cell): the black text stays readable. */
export const FLAGGED: Pick<IRunOptions, 'shading'> = { shading: { type: ShadingType.CLEAR, fill: 'FFC7CE', color: 'auto' } };

/** The initials Word shows beside the author, "report check". */
const INITIALS = 'RC';
/** Comment text in 10 pt, as Word's own comment style. */
const COMMENT_SIZE = 20;

/** Marks the runs of a figure's text: the first opens the comments' ranges, the last closes them. */
export function markRuns<R extends { text: string; review?: RunReview }>(runs: R[], data: ReviewMarkData): R[] {
  const marked: R[] = runs.length > 0 ? runs.map((run) => ({ ...run })) : [{ text: '' } as R];
  for (const run of marked) run.review = { starts: [], ends: [], flagged: data.flagged };
  marked[0]!.review!.starts = data.comments;
  marked[marked.length - 1]!.review!.ends = data.comments;
  return marked;
}

/** A run with the comment ranges it opens before it, and those it closes after it, each with its reference mark. */
export function withComments(review: Pick<RunReview, 'starts' | 'ends'> | undefined, run: TextRun): ParagraphChild[] {
  if (!review) return [run];
  return [
    ...review.starts.map((id) => new CommentRangeStart(id)),
    run,
    ...review.ends.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
  ];
}

/**
 * The comments part: author "report check", dated with the document's own timestamp (never
 * the clock), the first line (level and rule) in bold.
 */
export function reviewComments(review: Review, timestamp: Date): ICommentsOptions {
  const date = withinZipRange(timestamp);
  return {
    children: review.comments.map((comment) => ({
      id: comment.id,
      author: REVIEW_AUTHOR,
      initials: INITIALS,
      date,
      children: comment.paragraphs.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { firstLine: 0 },
            spacing: { before: 0, after: 60, line: 240, lineRule: LineRuleType.AUTO },
            children: [new TextRun({ text, size: COMMENT_SIZE, bold: i === 0 })],
          }),
      ),
    })),
  };
}
