import type { Diagnostic } from '../diagnostics.js';
import type { Rule, RuleContext } from './rule.js';
import { growthRate } from './rules/growth-rate.js';
import { planShare } from './rules/plan-share.js';
import { product } from './rules/product.js';
import { ratio } from './rules/ratio.js';
import { restatedFigure } from './rules/restated-figure.js';
import { totalParts } from './rules/total-parts.js';

export const RULES: readonly Rule[] = [totalParts, product, ratio, planShare, growthRate, restatedFigure];

/** Runs every rule on the computed figures; findings come back sorted by place. */
export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check(context, (finding) => diagnostics.push({ ruleId: rule.meta.id, severity: rule.meta.defaultSeverity, ...finding }));
  }
  return diagnostics.sort(
    (a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line || a.place.col - b.place.col,
  );
}
