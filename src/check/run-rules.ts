import { byPlace, type Diagnostic } from '../diagnostics.js';
import type { RuleLevels } from './config.js';
import type { Rule, RuleContext } from './rule.js';
import { countWhole } from './rules/count-whole.js';
import { divisionByZero } from './rules/division-by-zero.js';
import { growthRate } from './rules/growth-rate.js';
import { lastYearRevised } from './rules/last-year-revised.js';
import { partExceedsWhole } from './rules/part-exceeds-whole.js';
import { percentagePoints } from './rules/percentage-points.js';
import { planRevised } from './rules/plan-revised.js';
import { planShare } from './rules/plan-share.js';
import { product } from './rules/product.js';
import { ratio } from './rules/ratio.js';
import { restatedFigure } from './rules/restated-figure.js';
import { shareRange } from './rules/share-range.js';
import { textReference } from './rules/text-reference.js';
import { totalParts } from './rules/total-parts.js';
import { unusedFigure } from './rules/unused-figure.js';

export const RULES: readonly Rule[] = [
  totalParts,
  product,
  ratio,
  planShare,
  growthRate,
  restatedFigure,
  partExceedsWhole,
  shareRange,
  countWhole,
  percentagePoints,
  lastYearRevised,
  planRevised,
  unusedFigure,
  textReference,
  divisionByZero,
];

/**
 * Runs every rule not turned off on the computed figures, each at its configured level;
 * findings come back sorted by place.
 */
export function runRules(context: RuleContext, levels: RuleLevels = new Map(), rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const level = levels.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (level === 'off') continue;
    rule.check(context, (finding) => diagnostics.push({ ruleId: rule.meta.id, severity: level, ...finding }));
  }
  return diagnostics.sort(byPlace);
}
