import type { Acceptance } from '../check/acceptance.js';
import type { Report } from '../diagnostics.js';
import type { SourceFile } from './source-file.js';

/** The comment that accepts a finding: `# kiem-tra-chap-nhan: <quy tắc> -- <lý do>`. */
export const ACCEPT_COMMENT = 'kiem-tra-chap-nhan';

// A YAML comment starts at a # at the line's start or after a space; what follows the marker is read apart.
const COMMENT = new RegExp(`(^|\\s)#\\s*${ACCEPT_COMMENT}\\s*:?(.*)$`, 'u');
// The rule id, then the reason after -- (or the dash Word makes of it: — or –).
const RULE_AND_REASON = /^\s*(\S+?)\s*(?:--|—|–)\s*(\S.*?)\s*$/u;

/**
 * The findings a data file accepts in comments. A comment after a value accepts the findings of
 * its rule on that line; a comment on a line of its own, those on the next line that holds a
 * value. The reason is required: an acceptance without one is an error at the comment.
 */
export function inlineAcceptances(source: SourceFile, report: Report): Acceptance[] {
  // Most files accept nothing: they are not read line by line.
  if (!source.text.includes(ACCEPT_COMMENT)) return [];
  const lines = source.text.split('\n');
  const acceptances: Acceptance[] = [];
  lines.forEach((line, index) => {
    const match = COMMENT.exec(line);
    if (!match) return;
    const [, ruleId = '', reason = ''] = RULE_AND_REASON.exec(match[2]!) ?? [];
    const hash = match.index + match[1]!.length;
    const place = { file: source.path, line: index + 1, col: hash + 1 };
    if (ruleId === '' || reason === '') {
      report({
        ruleId: 'acceptance-reason',
        severity: 'error',
        place,
        message: `Chấp nhận một phát hiện cần mã quy tắc và lý do: # ${ACCEPT_COMMENT}: <mã quy tắc> -- <lý do>, ví dụ # ${ACCEPT_COMMENT}: ratio -- số liệu của Phòng Giáo dục đã ban hành.`,
      });
      return;
    }
    const afterValue = line.slice(0, hash).trim() !== '';
    const target = afterValue ? index : lines.findIndex((l, i) => i > index && l.trim() !== '' && !l.trim().startsWith('#'));
    acceptances.push({ ruleId, reason, place, covers: { file: source.path, line: (target < 0 ? index : target) + 1 } });
  });
  return acceptances;
}
