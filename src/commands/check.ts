import fs from 'node:fs';
import { stringify } from 'yaml';
import type { RuleMeta } from '../check/rule.js';
import { RULES } from '../check/run-rules.js';
import { byPlace, InputError, RunError, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../emit/write-atomic.js';
import { periodWords, type Period } from '../period.js';
import { analyze, type AnalyzeOptions } from './analyze.js';

export interface CheckOptions extends AnalyzeOptions {
  /** Accept every finding there is now, with this reason, in data/chap-nhan-<period>.yaml. */
  acceptAll?: { reason: string };
}

export interface CheckOutcome {
  period: Period;
  /** Every finding and every problem of reading the data, sorted by place. */
  diagnostics: Diagnostic[];
  /** false when the data could not be read, so the rules did not run. */
  complete: boolean;
  rules: readonly RuleMeta[];
  /** Whether the period has an acceptance file: the findings then have a baseline (SARIF's baselineState). */
  baseline: boolean;
  /** With acceptAll: where the accepted findings were written, and how many. */
  acceptedInto?: { shownFile: string; count: number };
}

/** `report check`: analyzes the period and returns what is wrong, whether or not the data could be read. */
export function check(options: CheckOptions): CheckOutcome {
  const { workspace, period } = options;
  const file = workspace.acceptanceFile(period);
  const outcome = { period, rules: RULES.map((r) => r.meta) };
  try {
    const { findings, warnings } = analyze(options);
    if (!options.acceptAll) {
      return { ...outcome, diagnostics: [...warnings, ...findings].sort(byPlace), complete: true, baseline: fs.existsSync(file) };
    }
    const { reason } = options.acceptAll;
    if (reason.trim() === '') throw new RunError('--accept-all cần một lý do: --reason "…" (ví dụ --reason "số liệu đã ban hành, không sửa được").');
    const accepted = findings.map((d) => (d.accepted || !d.fingerprint ? d : { ...d, accepted: { reason, source: 'file' as const } }));
    const entries = accepted.filter((d) => d.accepted?.source === 'file');
    const header = `# Các phát hiện của report check ${period.id} (${periodWords(period)}) đã được chấp nhận, kèm lý do.\n# Mỗi mục khớp một phát hiện theo dấu vân tay (quy tắc, chỉ tiêu, số đã ghi và số tính ra), không theo dòng:\n# số liệu đổi thì phát hiện hiện lại. Viết bởi: report check ${period.id} --accept-all --reason "…"\n`;
    const body = stringify({ chap_nhan: entries.map((d) => ({ quy_tac: d.ruleId, dau_van_tay: d.fingerprint, noi_dung: d.message, ly_do: d.accepted!.reason })) }, { lineWidth: 0 });
    const shownFile = workspace.show(file);
    writeFileAtomic(file, new TextEncoder().encode(header + body), shownFile);
    // Entries of the old file that matched nothing are gone with it: only the warnings about them are dropped.
    const current = warnings.filter((d) => !(d.ruleId === 'stale-acceptance' && d.place.file === shownFile));
    return { ...outcome, diagnostics: [...current, ...accepted].sort(byPlace), complete: true, baseline: true, acceptedInto: { shownFile, count: entries.length } };
  } catch (error) {
    if (error instanceof InputError) return { ...outcome, diagnostics: error.diagnostics, complete: false, baseline: false };
    throw error;
  }
}
