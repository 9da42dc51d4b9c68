import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleUrl } from '../../check/run-rules.js';
import type { Place } from '../../diagnostics.js';
import { PACKAGE_ROOT } from '../../package-paths.js';
import { rulePageMarkdown, rulePageText } from '../rule-page.js';
import { portablePath, type Formatter } from './report.js';

/** SARIF wants an absolute helpUri: the installed package's README, at the rule's entry. */
function helpUri(ruleId: string): string {
  const [file = '', anchor = ''] = ruleUrl(ruleId).split('#');
  return `${pathToFileURL(path.join(PACKAGE_ROOT, file)).href}#${anchor}`;
}

const location = (place: Place) => ({
  physicalLocation: {
    artifactLocation: { uri: encodeURI(portablePath(place.file)) },
    region: { startLine: place.line, startColumn: place.col },
  },
});

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** For code-scanning tools: SARIF 2.1.0, one run, the rules as the tool's rule list. */
export const sarif: Formatter = ({ diagnostics, rules, baseline }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              // The rule's page, as `report explain` prints it: code-scanning tools show it beside a result.
              help: { text: rulePageText(r), markdown: rulePageMarkdown(r) },
              helpUri: helpUri(r.id),
              defaultConfiguration: { level: LEVELS[r.defaultSeverity] },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(ruleIndex.has(d.ruleId) ? { ruleIndex: ruleIndex.get(d.ruleId) } : {}),
          level: LEVELS[d.severity],
          message: { text: d.message },
          locations: [location(d.place)],
          ...(d.related?.length ? { relatedLocations: d.related.map((p, id) => ({ id, ...location(p) })) } : {}),
          ...(d.fingerprint ? { partialFingerprints: { 'reportFinding/v1': d.fingerprint } } : {}),
          ...(d.accepted ? { suppressions: [{ kind: d.accepted.source === 'inline' ? 'inSource' : 'external', justification: d.accepted.reason }] } : {}),
          // Against the acceptance file, a finding it holds is old news; one it lacks is new.
          ...(baseline && d.fingerprint ? { baselineState: d.accepted?.source === 'file' ? 'unchanged' : 'new' } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
