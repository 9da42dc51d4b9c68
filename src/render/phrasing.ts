import type { PhrasingContent } from 'mdast';
import type { TextPiece } from '../text/data-text.js';
import { placeToFill } from './body.js';

/**
 * The nodes of a rendered data text, as the text reads: runs of whitespace (line folds) are one
 * space and there is none at either end; a draft's place still to fill is its own node. No
 * character of it is Markdown: it goes into the body's tree as it is. `decorate` may put a piece's
 * nodes in more (a review copy's mark) or add to them (the footnote's reference).
 */
export function phrasingOf(pieces: readonly TextPiece[], decorate?: (piece: TextPiece, nodes: PhrasingContent[]) => PhrasingContent[]): PhrasingContent[] {
  const texts = pieces.map((piece) => piece.text.replace(/\s+/g, ' '));
  // Whether what comes before ends in a space (or nothing comes before): then a leading space goes.
  let spaceBefore = true;
  texts.forEach((text, i) => {
    if (spaceBefore && text.startsWith(' ')) texts[i] = text.slice(1);
    if (texts[i] !== '') spaceBefore = texts[i]!.endsWith(' ');
  });
  for (let i = texts.length - 1; i >= 0; i--) {
    texts[i] = texts[i]!.replace(/ $/, '');
    if (texts[i] !== '') break;
  }
  return pieces.flatMap((piece, i) => {
    const text = texts[i]!;
    if (text === '') return [];
    const nodes: PhrasingContent[] = [piece.unfilled ? placeToFill(text) : { type: 'text', value: text }];
    return decorate ? decorate(piece, nodes) : nodes;
  });
}
