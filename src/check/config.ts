import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { readYamlFile } from '../load/load-year.js';
import { entry } from '../load/yaml-tree.js';
import { closestWord } from '../text/closest-word.js';
import { validateTree } from '../validate/validate.js';

/** A rule's level as set in the config: one of the severities, or off. */
export type RuleLevel = Severity | 'off';

/** Per-rule levels, from data/kiem-tra.yaml; rules not named keep their default. */
export type RuleLevels = ReadonlyMap<string, RuleLevel>;

export const CONFIG_FILE = 'kiem-tra.yaml';

const LEVELS: Record<string, RuleLevel> = { loi: 'error', canh_bao: 'warning', thong_tin: 'info', tat: 'off' };

/**
 * Reads the rule levels of `data/kiem-tra.yaml` under `root`, when the file exists. Unknown
 * rule ids and unknown levels are reported at their place.
 */
export function loadRuleLevels(root: string, cwd: string, ruleIds: readonly string[]): { levels: RuleLevels; diagnostics: Diagnostic[] } {
  const file = path.join(root, 'data', CONFIG_FILE);
  const levels = new Map<string, RuleLevel>();
  if (!fs.existsSync(file)) return { levels, diagnostics: [] };
  const read = readYamlFile(file, cwd);
  if (!read.source || read.diagnostics.length > 0) return { levels, diagnostics: read.diagnostics };
  const diagnostics = validateTree('kiem-tra.schema.json', read.tree, read.source);
  const rules = read.tree?.kind === 'map' ? entry(read.tree, 'quy_tac') : undefined;
  if (diagnostics.length > 0 || rules?.kind !== 'map') return { levels, diagnostics };
  for (const { key, keyPlace, value } of rules.entries) {
    if (!ruleIds.includes(key)) {
      const hint = closestWord(key, ruleIds);
      diagnostics.push({
        ruleId: 'config',
        severity: 'error',
        place: keyPlace,
        message: `Không có quy tắc "${key}".${hint ? ` Có phải là "${hint}"?` : ''} Các quy tắc: ${ruleIds.join(', ')}.`,
      });
      continue;
    }
    if (value.kind === 'scalar' && Object.hasOwn(LEVELS, String(value.value))) levels.set(key, LEVELS[String(value.value)]!);
  }
  return { levels, diagnostics };
}
