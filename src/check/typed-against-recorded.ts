import { consistent } from '../compute/interval.js';
import { formatPlace } from '../diagnostics.js';
import { formatWithUnit } from '../vietnamese/number.js';
import type { Finding, RuleContext } from './rule.js';

const WORDS = {
  lastYear: { typed: 'cùng kỳ', recorded: 'số liệu năm trước' },
  plan: { typed: 'kế hoạch', recorded: 'mục tiêu trong phương hướng năm trước' },
} as const;

/**
 * Finds each cùng kỳ or plan typed this year that cannot be the value last year's data
 * recorded for it. The typed value is the one used: it may be a revision.
 */
export function typedAgainstRecorded(context: RuleContext, aspect: keyof typeof WORDS, report: (finding: Finding) => void): void {
  const words = WORDS[aspect];
  for (const figure of context.figures.values()) {
    const used = figure[aspect];
    const recorded = figure.recorded[aspect];
    if (!used || !recorded || used === recorded || consistent(used.interval, recorded.interval)) continue;
    report({
      place: used.place,
      message:
        `"${figure.name}" (${figure.key}): ${words.typed} ghi ${formatWithUnit(used.quantity, figure.unit)} ở đây, còn ${words.recorded} ` +
        `(${formatPlace(recorded.place)}) là ${formatWithUnit(recorded.quantity, figure.unit)}. Báo cáo dùng số ghi ở đây, ${formatWithUnit(used.quantity, figure.unit)}.`,
      related: [recorded.place],
    });
  }
}
