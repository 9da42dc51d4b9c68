import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's own folder (holding schemas/ and templates/), from dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
/** A batch's worker threads run the command's own script, which serves units off the main thread. */
export const WORKER_SCRIPT = path.join(PACKAGE_ROOT, 'bin', 'report.cjs');
