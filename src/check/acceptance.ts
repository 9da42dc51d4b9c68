import type { Diagnostic, Place, Report } from '../diagnostics.js';

/** A finding the clerk has accepted, with the reason that must go with it. */
export interface Acceptance {
  ruleId: string;
  reason: string;
  /** Where the acceptance is written: the comment, or the entry of the acceptance file. */
  place: Place;
  /**
   * What it accepts: the findings of its rule on one line of a data file (an inline comment),
   * or the finding with one fingerprint (an entry of the acceptance file).
   */
  covers: { file: string; line: number } | { fingerprint: string };
}

const matches = (acceptance: Acceptance, finding: Diagnostic) =>
  acceptance.ruleId === finding.ruleId &&
  ('fingerprint' in acceptance.covers
    ? acceptance.covers.fingerprint === finding.fingerprint
    : acceptance.covers.file === finding.place.file && acceptance.covers.line === finding.place.line);

/**
 * Marks each finding an acceptance covers as accepted, with its reason; it still prints, but no
 * longer counts. An acceptance that covers nothing (the value changed, the line moved, the
 * finding is gone) is a warning at its place, so that none lingers unseen.
 */
export function applyAcceptances(findings: readonly Diagnostic[], acceptances: readonly Acceptance[], report: Report): Diagnostic[] {
  const used = new Set<Acceptance>();
  const marked = findings.map((finding) => {
    const acceptance = acceptances.find((a) => matches(a, finding));
    if (!acceptance) return finding;
    used.add(acceptance);
    return { ...finding, accepted: { reason: acceptance.reason, source: 'fingerprint' in acceptance.covers ? ('file' as const) : ('inline' as const) } };
  });
  for (const acceptance of acceptances) {
    if (used.has(acceptance)) continue;
    const inline = !('fingerprint' in acceptance.covers);
    report({
      ruleId: 'stale-acceptance',
      severity: 'warning',
      place: acceptance.place,
      message: inline
        ? `Chấp nhận "${acceptance.ruleId}" ở đây không khớp phát hiện nào trên dòng ${(acceptance.covers as { line: number }).line}: số liệu đã đổi, hoặc phát hiện đã hết. Xóa chú thích này, hoặc đặt nó ngay trên dòng có số bị báo.`
        : `Phát hiện "${acceptance.ruleId}" đã chấp nhận ở đây không còn: số liệu đã đổi hoặc đã sửa. Xóa mục này (hoặc chạy lại report check --accept-all nếu vẫn chấp nhận các phát hiện hiện có).`,
    });
  }
  return marked;
}
