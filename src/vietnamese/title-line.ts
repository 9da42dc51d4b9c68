/** U+00A0: a space no line breaks at; Word writes one for Ctrl+Shift+Space. */
export const NO_BREAK_SPACE = '\u00a0';
/** U+2011: a hyphen no line breaks at, Word's Ctrl+Shift+- (w:noBreakHyphen in a .docx). */
export const NO_BREAK_HYPHEN = '\u2011';

/** The dashes that join two compounds, written between spaces: "kinh tế - xã hội", "kinh tế – xã hội". */
const DASHES = new Set(['-', '–', NO_BREAK_HYPHEN]);
/** A syllable ending a clause: the compound ends there ("xã hội," of "kinh tế - xã hội, an ninh"). */
const ENDS_CLAUSE = /[,;:.!?)]$/;
/** How many syllables each side of a dash belong to its compound: a Vietnamese word is mostly two. */
const SYLLABLES = 2;

/**
 * A line of a title with each compound joined by a dash kept on one line: the dash and up to
 * two syllables each side of it are bound by no-break spaces ("an ninh - quốc phòng" never
 * ends a line at "an ninh -" or "quốc"), and a hyphen between spaces or inside a word becomes
 * a no-break hyphen. An en dash keeps its glyph and is bound by no-break spaces; a word joiner
 * after it stops the break a line breaker allows after a dash.
 */
export function keepCompoundsTogether(line: string): string {
  const words = line.split(' ');
  // bound[i]: the space after words[i] does not break.
  const bound = words.map(() => false);
  words.forEach((word, at) => {
    if (!DASHES.has(word) || at === 0 || at === words.length - 1) return;
    for (let before = at - 1; before >= Math.max(0, at - SYLLABLES); before--) {
      if (before < at - 1 && (ENDS_CLAUSE.test(words[before]!) || DASHES.has(words[before]!))) break;
      bound[before] = true;
    }
    for (let after = at; after < Math.min(words.length - 1, at + SYLLABLES); after++) {
      if (after > at && ENDS_CLAUSE.test(words[after]!)) break;
      bound[after] = true;
    }
  });
  return words
    .map((word) => (word === '–' ? `–\u2060` : word.replace(/(?<=\S)-(?=\S)|^-$/g, NO_BREAK_HYPHEN)))
    .map((word, at) => (at < words.length - 1 ? word + (bound[at] ? NO_BREAK_SPACE : ' ') : word))
    .join('');
}
