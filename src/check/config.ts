import type { Report, Severity } from '../diagnostics.js';
import type { SourceFile } from '../load/source-file.js';
import { entry, type YamlNode } from '../load/yaml-tree.js';
import { closestWord } from '../text/closest-word.js';
import { validateTree } from '../validate/validate.js';
import type { RuleMeta } from './rule.js';

/** A rule's level as set in the config: one of the severities, or off. */
export type RuleLevel = Severity | 'off';

/** Per-rule levels, from data/kiem-tra.yaml; rules not named keep their default. */
export type RuleLevels = ReadonlyMap<string, RuleLevel>;

const LEVELS = new Map<string, RuleLevel>([
  ['loi', 'error'],
  ['canh_bao', 'warning'],
  ['thong_tin', 'info'],
  ['tat', 'off'],
]);

/**
 * The rule levels a parsed data/kiem-tra.yaml sets. Unknown rule ids, and a level for a rule
 * whose level is fixed, are reported at their place.
 */
export function ruleLevels(config: { source: SourceFile; tree: YamlNode | null }, rules: readonly RuleMeta[], report: Report): RuleLevels {
  const levels = new Map<string, RuleLevel>();
  const problems = validateTree('kiem-tra.schema.json', config.tree, config.source);
  for (const problem of problems) report(problem);
  const listed = config.tree?.kind === 'map' ? entry(config.tree, 'quy_tac') : undefined;
  if (problems.length > 0 || listed?.kind !== 'map') return levels;
  const ids = rules.map((r) => r.id);
  for (const { key, keyPlace, value } of listed.entries) {
    const rule = rules.find((r) => r.id === key);
    if (!rule) {
      const hint = closestWord(key, ids);
      report({ ruleId: 'config', severity: 'error', place: keyPlace, message: `Không có quy tắc "${key}".${hint ? ` Có phải là "${hint}"?` : ''} Các quy tắc: ${ids.join(', ')}.` });
      continue;
    }
    const level = value.kind === 'scalar' ? LEVELS.get(String(value.value)) : undefined;
    if (!level) continue;
    if (rule.fixedSeverity && level !== rule.defaultSeverity) {
      report({ ruleId: 'config', severity: 'error', place: value.place, message: `Không đổi được mức của quy tắc "${key}": ${rule.fixedSeverity} Xóa dòng này.` });
      continue;
    }
    levels.set(key, level);
  }
  return levels;
}
