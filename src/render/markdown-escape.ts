import type { TextPiece } from '../text/data-text.js';

/**
 * Makes a rendered data text literal Markdown: every ASCII punctuation mark gets a backslash,
 * which CommonMark turns back into the mark itself, so "- Trồng trọt", "* Công tác" or "1." at
 * the start of a paragraph stay text. A place still to fill (in a draft) becomes a code span,
 * which the document prints highlighted. Runs of whitespace (line folds) become one space.
 * `wrap` may put a piece's Markdown in more (a review copy's anchor, src/render/review.ts).
 */
export function markdownOf(pieces: readonly TextPiece[], wrap?: (piece: TextPiece, markdown: string) => string): string {
  const literal = (piece: TextPiece) => (piece.unfilled ? `\`${piece.text}\`` : piece.text.replace(/[!-/:-@[-`{-~]/g, '\\$&'));
  return pieces
    .map((piece) => (wrap ? wrap(piece, literal(piece)) : literal(piece)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
