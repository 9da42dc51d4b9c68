import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Figure } from '../compute/figures.js';

export interface RuleMeta {
  /** Stable ASCII id, shown with every finding. */
  id: string;
  /** What the rule checks, in Vietnamese. */
  description: string;
  defaultSeverity: Severity;
}

export interface RuleContext {
  figures: ReadonlyMap<string, Figure>;
}

export type Finding = Omit<Diagnostic, 'ruleId' | 'severity'>;

/** A check rule: it reports findings, and never prints or exits. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext, report: (finding: Finding) => void): void;
}
