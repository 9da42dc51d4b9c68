import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem, Report } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-year.js';
import { schemaFileName } from '../workspace.js';
import type { SourceFile } from '../load/source-file.js';
import { textToQuote } from '../load/yaml-syntax.js';
import { nodeAt, toPlain, type YamlMap, type YamlNode, type YamlSeq } from '../load/yaml-tree.js';
import { schemaMessage, suggestedKey } from './schema-messages.js';
import { schemaValidators } from './schema-validators.js';
import { FIGURE_KEY } from '../reference-words.js';

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
  const errors = validate.errors ?? [];
  const misread = misreadTexts(tree, errors);
  const quoted: Problem[] = [...misread.values()].map((node) => ({
    ruleId: 'yaml-quote',
    severity: 'error',
    place: node.place,
    message: textToQuote(source, node.range[0], node.range[1]),
  }));
  const within = (path: string) => [...misread.keys()].some((item) => path === item || path.startsWith(`${item}/`));
  // The alternatives of a list that failed only for a misread text (kinh_gui: a name, or a list) say nothing more.
  const around = (error: ErrorObject) =>
    (error.keyword === 'oneOf' || error.keyword === 'anyOf') && [...misread.keys()].some((item) => item.startsWith(`${error.instancePath}/`));
  const rest = relevantErrors(errors.filter((error) => !within(error.instancePath) && !around(error)));
  return [...quoted, ...rest.map((error) => {
    const { node, keyPlace } = nodeAt(tree, error.instancePath);
    const key = error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.keyword === 'propertyNames' ? error.params.propertyName : undefined;
    const offending = key === undefined ? undefined : nodeAt(tree, `${error.instancePath}/${escapePointer(String(key))}`).keyPlace;
    const place =
      offending ?? (error.keyword === 'required' || error.keyword === 'false schema' ? keyPlace : undefined) ?? node?.place ?? source.placeAt(0);
    return { ruleId: 'schema', severity: 'error' as const, place, message: schemaMessage(error) };
  })];
}

/**
 * The list items YAML read as a map or a list where the schema takes a text: a paragraph
 * with ": " left unquoted (`- Thương mại, dịch vụ: doanh thu tăng` is a map of one key), or
 * one starting with `{` or `- `. By JSON pointer; each is one message, not the schema's
 * "missing key tieu_muc" and "unknown key Thương mại, dịch vụ".
 */
function misreadTexts(tree: YamlNode | null, errors: ErrorObject[]): Map<string, YamlMap | YamlSeq> {
  const misread = new Map<string, YamlMap | YamlSeq>();
  for (const error of errors) {
    if (misread.has(error.instancePath) || !/\/\d+$/.test(error.instancePath) || !takesText(error.parentSchema)) continue;
    const { node } = nodeAt(tree, error.instancePath);
    // A key of the data (tieu_muc, or a misspelling of it) is no text: the schema's message fits.
    if (node?.kind === 'seq' || (node?.kind === 'map' && !FIGURE_KEY.test(node.entries[0]?.key ?? ''))) misread.set(error.instancePath, node);
  }
  return misread;
}

function takesText(schema: unknown): boolean {
  const type = (schema as { type?: unknown } | undefined)?.type;
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
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
  // A misspelt key (gia_tr) and the key it misspells (gia_tri) then missing are one mistake: the first says it.
  const misspelt = errors.flatMap((e) => {
    const hint = suggestedKey(e);
    return hint ? [`${e.instancePath}/${hint}`] : [];
  });
  const explained = (error: ErrorObject) =>
    (error.keyword === 'required' && misspelt.includes(`${error.instancePath}/${String(error.params.missingProperty)}`)) ||
    (error.keyword === 'anyOf' &&
      (error.schema as { required?: string[] }[]).some((alternative) => alternative.required?.some((key) => misspelt.includes(`${error.instancePath}/${key}`))));
  return errors.filter(
    (error) =>
      error.keyword !== 'if' &&
      // The propertyNames error says it; the error of its subschema (the key's pattern) repeats it.
      (error as { propertyName?: string }).propertyName === undefined &&
      !explained(error) &&
      !(alternatives.has(error.instancePath) && (error.keyword === 'required' || error.keyword === 'type')) &&
      !(error.keyword === 'pattern' && badFormats.has(error.instancePath)),
  );
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
