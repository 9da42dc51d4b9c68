/** The candidate nearest to a mistyped word, when it is near enough to be a likely typo. */
export function closestWord(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  // Only a distance below this counts; it falls as nearer candidates are found.
  let bound = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const candidate of keys) {
    // Each letter of length difference is an edit: a word much longer or shorter cannot be nearer.
    if (Math.abs(candidate.length - key.length) >= bound) continue;
    const distance = editDistanceBelow(key, candidate, bound);
    if (distance < bound) [best, bound] = [candidate, distance];
  }
  return best;
}

/**
 * The edit distance of `a` and `b` when it is below `limit`, else `limit`: a row of the table
 * whose every cell has reached the limit ends the work, since later rows never go lower.
 */
function editDistanceBelow(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowLeast = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowLeast = Math.min(rowLeast, current[j]!);
    }
    if (rowLeast >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}
