import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../src/check/rule.js';
import { checkComputed, computeLoaded, unitsOf } from '../src/commands/analyze.js';
import { earlierYearOf } from '../src/compute/earlier-year.js';
import type { EarlierYear } from '../src/compute/figures.js';
import { Messages, type Diagnostic } from '../src/diagnostics.js';
import { parseYamlText, type LoadedFile } from '../src/load/load-year.js';
import { annual } from '../src/period.js';
import { DOCUMENT_FILE, LEGACY_SECTIONS, Workspace, type DataFileKind } from '../src/workspace.js';
import { FIXTURES, PROJECT } from './helpers.js';

/**
 * A rule tester in the manner of ESLint's RuleTester: each case is the YAML text of one
 * section file (van-hoa.yaml), analysed in memory together with the other files of the
 * minimal project; only the rule under test runs.
 */
export interface RuleCase {
  name: string;
  /** The whole of data/2023/van-hoa.yaml; the minimal project's when not given. */
  code?: string;
  /** The whole of data/2023/van-ban.yaml (the document's details), for the rules of the header. */
  document?: string;
  /** data/2022/van-hoa.yaml, for a case that needs last year's data (the rest of 2022 is the minimal project). */
  lastYear?: string;
}

export interface InvalidCase extends RuleCase {
  /** Every finding the rule must report, in order of place. */
  errors: { messageId: string; line: number; column: number }[];
}

/** The file every case replaces; the shown path is the one a user would see. */
const CASE_FILE = 'van-hoa';
const shownPath = (year: number, name: string) => path.join('data', String(year), `${name}.yaml`);

/** The files of the minimal project, a folder of the old layout (no outline file). */
const KINDS: DataFileKind[] = [{ name: DOCUMENT_FILE, role: 'document' }, ...LEGACY_SECTIONS.map((name) => ({ name, role: 'section' as const }))];
const minimalTexts = new Map(KINDS.map((kind) => [kind.name, fs.readFileSync(path.join(FIXTURES, 'minimal', 'data', '2023', `${kind.name}.yaml`), 'utf8')]));

function loadedYear(year: number, texts: { [CASE_FILE]?: string; [DOCUMENT_FILE]?: string }): LoadedFile[] {
  return KINDS.map((kind) => {
    const read = parseYamlText(shownPath(year, kind.name), texts[kind.name as keyof typeof texts] ?? minimalTexts.get(kind.name)!);
    expect(read.diagnostics, `${kind.name}.yaml of the case`).toEqual([]);
    return { kind, source: read.source, tree: read.tree };
  });
}

/** The shipped unit table, as a project without its own data/don-vi.yaml has it. */
export const SHIPPED_UNITS = unitsOf(new Workspace(path.join(FIXTURES, 'minimal'), PROJECT), new Messages());

/** The rule's findings on a case: load, validate, compute and check, all in memory. */
export function findingsOf(rule: Rule, ruleCase: RuleCase): Diagnostic[] {
  const inMemory = (year: number, texts: Parameters<typeof loadedYear>[1], earlier?: EarlierYear) =>
    computeLoaded(annual(year), loadedYear(year, texts), path.join('data', String(year)), earlier, new Messages(), SHIPPED_UNITS);
  const earlier = ruleCase.lastYear === undefined ? undefined : inMemory(2022, { [CASE_FILE]: ruleCase.lastYear });
  const texts = { [CASE_FILE]: ruleCase.code, [DOCUMENT_FILE]: ruleCase.document };
  const computed = inMemory(2023, texts, earlier && earlierYearOf(2022, earlier.input.figures, earlier.figures));
  return checkComputed(computed, new Map(), [rule]).findings;
}

/**
 * Declares one test per case: a valid case must give no finding, an invalid one exactly its
 * `errors`, each with its message id, line and column. `also` makes further assertions on
 * every finding of an invalid case.
 */
export function testRule(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: InvalidCase[] },
  also?: (finding: Diagnostic, text: string) => void,
): void {
  describe(rule.meta.id, () => {
    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, () => {
        expect(findingsOf(rule, valid).map((f) => `${f.messageId}@${f.place.line}:${f.place.col} ${f.message}`)).toEqual([]);
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name}`, () => {
        // As ESLint's RuleTester: an invalid case that expects nothing would pass whatever the rule does.
        if (invalid.errors.length === 0) throw new Error(`invalid case "${invalid.name}" of ${rule.meta.id} lists no error`);
        const findings = findingsOf(rule, invalid);
        expect(findings.map((f) => ({ messageId: f.messageId, line: f.place.line, column: f.place.col }))).toEqual(invalid.errors);
        const file = invalid.document === undefined ? CASE_FILE : DOCUMENT_FILE;
        for (const finding of findings) {
          expect(finding.ruleId).toBe(rule.meta.id);
          expect(finding.place.file).toBe(shownPath(2023, file));
          expect(Object.keys(rule.meta.messages)).toContain(finding.messageId);
          also?.(finding, (invalid.document ?? invalid.code)!);
        }
      });
    }
  });
}
