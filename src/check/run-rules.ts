import { createHash } from 'node:crypto';
import { byPlace, type Diagnostic } from '../diagnostics.js';
import type { RuleLevels } from './config.js';
import type { Finding, Rule, RuleContext, RuleMeta } from './rule.js';
import { abolishedUnit } from './rules/abolished-unit.js';
import { countWhole } from './rules/count-whole.js';
import { divisionByZero } from './rules/division-by-zero.js';
import { growthRate } from './rules/growth-rate.js';
import { issuingBodyInFull } from './rules/issuing-body-in-full.js';
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
  issuingBodyInFull,
  abolishedUnit,
];

/** Where the README explains a rule: its row of the rule table. */
export function ruleUrl(id: string): string {
  return `README.md#${id}`;
}

/** A rule's message with its `{{placeholders}}` filled from the finding's data. */
export function messageOf(meta: RuleMeta, finding: Finding): string {
  const template = meta.messages[finding.messageId];
  if (template === undefined) throw new Error(`reported message "${finding.messageId}", which its meta.messages lacks`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = finding.data?.[name];
    if (value === undefined) throw new Error(`message "${finding.messageId}" needs data "${name}"`);
    return String(value);
  });
}

/**
 * A finding's key for accepting it: its rule, message id and data (the figure, the stated and
 * computed values), hashed; never its place, so that it survives lines moved around it.
 */
export function fingerprintOf(ruleId: string, finding: Finding): string {
  const data = Object.entries(finding.identity ?? finding.data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([ruleId, finding.messageId, data])).digest('hex').slice(0, 16);
}

/**
 * Runs every rule not turned off on the computed figures, each at its configured level;
 * findings come back sorted by place. A rule that crashes is named in the error, as ESLint
 * names the rule of a crash, so the bug report says where to look.
 */
export function runRules(context: RuleContext, levels: RuleLevels = new Map(), rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const { id } = rule.meta;
    const level = levels.get(id) ?? rule.meta.defaultSeverity;
    if (level === 'off') continue;
    try {
      rule.check(context, (finding) =>
        diagnostics.push({
          ruleId: id,
          severity: level,
          source: 'check',
          url: ruleUrl(id),
          messageId: finding.messageId,
          fingerprint: fingerprintOf(id, finding),
          place: finding.place,
          message: messageOf(rule.meta, finding),
          ...(finding.related ? { related: finding.related } : {}),
        }),
      );
    } catch (error) {
      throw new Error(`quy tắc ${id}: ${(error as Error).message}`, { cause: error });
    }
  }
  return diagnostics.sort(byPlace);
}
