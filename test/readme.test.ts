import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/run-rules.js';
import { SEVERITY_WORDS } from '../src/cli/print.js';
import { PROJECT } from './helpers.js';

/** The README's rule table as the rules' meta gives it: one row a rule, with the anchor its findings link to. */
function ruleTable(): string {
  const rows = RULES.map(({ meta }) => {
    const level = `${SEVERITY_WORDS[meta.defaultSeverity]}${meta.fixedSeverity ? ' (không đổi được)' : ''}`;
    return `| <a id="${meta.id}"></a>\`${meta.id}\` | ${meta.description} | ${level} |`;
  });
  return ['| mã quy tắc | kiểm tra | mức mặc định |', '|---|---|---|', ...rows].join('\n');
}

describe('README.md', () => {
  it('lists every rule as its meta describes it', () => {
    const readme = fs.readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    expect(readme, `the README's rule table should read:\n${ruleTable()}`).toContain(ruleTable());
  });
});
