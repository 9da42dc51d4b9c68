import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem, Report } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-year.js';
import { schemaFileName } from '../workspace.js';
import type { SourceFile } from '../load/source-file.js';
import { nodeAt, toPlain, type YamlNode } from '../load/yaml-tree.js';
import { schemaMessage } from './schema-messages.js';
import { schemaValidators } from './schema-validators.js';

let compiled: Map<string, ValidateFunction> | undefined;

function validators(): Map<string, ValidateFunction> {
  compiled ??= schemaValidators();
  return compiled;
}

/** Validates every loaded file against its schema; each error names its file:line:col. */
export function validateFiles(files: readonly LoadedFile[], report: Report): void {
  for (const file of files) for (const problem of validateTree(schemaFileName(file.kind), file.tree, file.source)) report(problem);
}

/** Validates one parsed YAML file against a schema of schemas/, by file name. */
export function validateTree(schemaFile: string, tree: YamlNode | null, source: SourceFile): Problem[] {
  const validate = validators().get(schemaFile);
  if (!validate) throw new Error(`schema missing: ${schemaFile}`);
  if (validate(toPlain(tree))) return [];
  return relevantErrors(validate.errors ?? []).map((error) => {
    const { node, keyPlace } = nodeAt(tree, error.instancePath);
    const offending =
      error.keyword === 'additionalProperties'
        ? nodeAt(tree, `${error.instancePath}/${String(error.params.additionalProperty)}`).keyPlace
        : undefined;
    const place =
      offending ?? (error.keyword === 'required' || error.keyword === 'false schema' ? keyPlace : undefined) ?? node?.place ?? source.placeAt(0);
    return { ruleId: 'schema', severity: 'error' as const, place, message: schemaMessage(error) };
  });
}

/**
 * Drops errors that only repeat another: the `if` wrapper of a conditional, the
 * "required"/"type" errors of each alternative under a failed anyOf/oneOf (its own message
 * says what was expected), and a pattern error on a value that is not even of its format
 * (a date's range, on a value that is no date). Errors deeper inside the value stay.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const badFormats = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  return errors.filter(
    (error) =>
      error.keyword !== 'if' &&
      !(alternatives.has(error.instancePath) && (error.keyword === 'required' || error.keyword === 'type')) &&
      !(error.keyword === 'pattern' && badFormats.has(error.instancePath)),
  );
}
