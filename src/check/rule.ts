import type { Place, Severity } from '../diagnostics.js';
import type { Figure } from '../compute/figures.js';
import type { ResolvedReference } from '../text/data-text.js';
import type { YearInput } from '../validate/input.js';

/**
 * A rule's page, in Vietnamese: what `report explain <id>` prints and SARIF's `help` carries.
 * Each entry is a paragraph in plain Markdown (`code`, a list item starting `- `); how to accept
 * a finding is the same for every rule, and added where the page is shown.
 */
export interface RulePage {
  /** What the rule checks, and why a report needs it. */
  checks: readonly string[];
  /** How it reasons about rounding, worked on real figures of the shipped report. */
  rounding: readonly string[];
  /** How to fix the data it reports. */
  fix: readonly string[];
}

export interface RuleMeta {
  /** Stable ASCII id, shown with every finding and used in data/kiem-tra.yaml. */
  id: string;
  /** What the rule checks, in Vietnamese: the README's rule table and `report check --help`. */
  description: string;
  defaultSeverity: Severity;
  /**
   * The rule's messages by id, in Vietnamese; `{{name}}` stands for the finding's `data.name`.
   * The wording lives here only, so tests name a message by its id.
   */
  messages: Record<string, string>;
  /** Why kiem-tra.yaml cannot change the rule's level, for a rule the report cannot be printed past. */
  fixedSeverity?: string;
  page: RulePage;
}

export interface RuleContext {
  input: YearInput;
  figures: ReadonlyMap<string, Figure>;
  /** Every `{{...}}` of the data's texts, with what it resolves to. */
  references: readonly ResolvedReference[];
}

/** What a rule reports: the runner turns it into a diagnostic with the rule's id, level and message text. */
export interface Finding {
  messageId: string;
  data?: Record<string, string | number>;
  /**
   * What makes the finding the same finding (its fingerprint, for accepting it): the figure and
   * the values, without the wording around them. The data, when not given.
   */
  identity?: Record<string, string | number>;
  place: Place;
  /** The other places involved: the parts of a total, the earlier statement of a figure. */
  related?: Place[];
}

export type ReportFinding = (finding: Finding) => void;

/** A check rule: it reports findings, and never prints or exits. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext, report: ReportFinding): void;
}
