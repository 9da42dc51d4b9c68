import { consistent } from '../compute/interval.js';
import { formatPlace } from '../diagnostics.js';
import { formatWithUnit } from '../vietnamese/number.js';
import type { ReportFinding, RuleContext } from './rule.js';

const WORDS = {
  lastYear: { typed: 'cùng kỳ', recorded: 'số liệu năm trước' },
  plan: { typed: 'kế hoạch', recorded: 'mục tiêu trong phương hướng năm trước' },
} as const;

/** The message of the rules that compare a cùng kỳ or plan typed this year with last year's data. */
export const TYPED_AGAINST_RECORDED_MESSAGES = {
  revised:
    '"{{name}}" [{{key}}]: {{typed}} ghi {{used}} ở đây, còn {{recorded}} ({{recordedPlace}}) là {{recordedValue}}. Báo cáo dùng số ghi ở đây, {{used}}.',
};

/**
 * Finds each cùng kỳ or plan typed this year that cannot be the value last year's data
 * recorded for it. The typed value is the one used: it may be a revision.
 */
export function typedAgainstRecorded(context: RuleContext, aspect: keyof typeof WORDS, report: ReportFinding): void {
  const words = WORDS[aspect];
  for (const figure of context.figures.values()) {
    const used = figure[aspect];
    const recorded = figure.recorded[aspect];
    if (!used || !recorded || used === recorded || consistent(used.interval, recorded.interval)) continue;
    report({
      messageId: 'revised',
      data: {
        name: figure.name,
        key: figure.key,
        typed: words.typed,
        used: formatWithUnit(used.quantity, figure.unit),
        recorded: words.recorded,
        recordedPlace: formatPlace(recorded.place),
        recordedValue: formatWithUnit(recorded.quantity, figure.unit),
      },
      place: used.place,
      related: [recorded.place],
    });
  }
}
