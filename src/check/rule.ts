import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Figure } from '../compute/figures.js';
import type { ResolvedReference } from '../text/data-text.js';
import type { YearInput } from '../validate/input.js';

export interface RuleMeta {
  /** Stable ASCII id, shown with every finding and used in data/kiem-tra.yaml. */
  id: string;
  /** What the rule checks, in Vietnamese. */
  description: string;
  defaultSeverity: Severity;
}

export interface RuleContext {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** Every `{{...}}` of the data's texts, with what it resolves to. */
  references: readonly ResolvedReference[];
}

export type Finding = Omit<Diagnostic, 'ruleId' | 'severity'>;

/** A check rule: it reports findings, and never prints or exits. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext, report: (finding: Finding) => void): void;
}
