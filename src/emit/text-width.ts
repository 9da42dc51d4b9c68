/**
 * Widths of Times New Roman's characters, in ems, by kind: enough to size a rule under a line
 * or a table's columns without laying the text out. Letters are taken a little wide, so that a
 * column sized from them does not wrap.
 */
const EM: [RegExp, number][] = [
  [/[0-9]/, 0.5],
  [/[ .,:;'!]/, 0.25],
  [/[-()[\]/]/, 0.333],
  [/%/, 0.833],
  [/[A-ZĐ]/, 0.722],
];
const OTHER_EM = 0.5;
/** Bold Times New Roman sets its letters about this much wider. */
const BOLD = 1.08;

/** About how wide `text` sets in Times New Roman, in twips, at `size` half-points. */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  // Vietnamese marks sit over or under their letter: the base letter gives the width.
  for (const char of text.normalize('NFD').replace(/\p{M}/gu, '')) ems += EM.find(([kind]) => kind.test(char))?.[1] ?? OTHER_EM;
  // A half-point is 10 twips.
  return Math.round(ems * size * 10 * (bold ? BOLD : 1));
}

/**
 * A table's column widths, filling `total` twips: each column but the first as wide as it
 * `needs` (numbers and units read badly when wrapped), the first (names, which wrap well) the
 * rest but at least `firstAtLeast`; short of room, the other columns give way in proportion.
 */
export function fitColumns(needs: readonly number[], total: number, firstAtLeast: number): number[] {
  const others = needs.slice(1);
  const wanted = others.reduce((sum, width) => sum + width, 0);
  const share = Math.min(1, (total - firstAtLeast) / wanted);
  const widths = others.map((width) => Math.floor(width * share));
  return [total - widths.reduce((sum, width) => sum + width, 0), ...widths];
}
