import { formatPlace, type Diagnostic } from '../../diagnostics.js';
import { levelWords, messageWords } from '../print.js';
import type { CheckOutcome } from '../../commands/check.js';
import { countWords, counts, portablePath, type Formatter } from './report.js';

/** Workflow-command escaping: a message may hold %, CR and LF; a property also : and ,. */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

function fullMessage(d: Diagnostic): string {
  return d.related?.length ? `${messageWords(d)}\nliên quan: ${d.related.map(formatPlace).join(', ')}` : messageWords(d);
}

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** For GitHub Actions: one `::error file=…,line=…,col=…::…` annotation per finding. */
export const github: Formatter = ({ diagnostics }) =>
  diagnostics
    // An accepted finding is no annotation on the commit; the step summary still lists it.
    .filter((d) => !d.accepted)
    .map((d) => {
      const properties = `file=${escapeProperty(portablePath(d.place.file))},line=${d.place.line},col=${d.place.col},title=${escapeProperty(d.ruleId)}`;
      return `::${COMMANDS[d.severity]} ${properties}::${escapeData(fullMessage(d))}\n`;
    })
    .join('');

const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');

/**
 * The whole list as Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only about ten
 * annotations a step, the summary shows every finding.
 */
export function stepSummary({ period, diagnostics, complete }: CheckOutcome): string {
  const heading = `## report check ${period.id}: ${countWords(counts(diagnostics))}${complete ? '' : ' (dữ liệu chưa đọc được)'}\n\n`;
  if (diagnostics.length === 0) return `${heading}Không có vấn đề nào.\n`;
  const rows = diagnostics.map(
    (d) => `| ${cell(portablePath(formatPlace(d.place)))} | ${levelWords(d)} | ${d.ruleId} | ${cell(fullMessage(d))} |`,
  );
  return `${heading}| Vị trí | Mức | Quy tắc | Nội dung |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}
