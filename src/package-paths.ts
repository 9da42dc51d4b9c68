import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's own folder (holding schemas/ and templates/), from dist/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const DEFAULT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
/** The shipped unit table, beside its schema (so its editor modeline finds it); a project's data/don-vi.yaml adds to it. */
export const SHIPPED_UNIT_TABLE = path.join(SCHEMAS_DIR, 'don-vi.yaml');
/** A batch's worker threads run the command's own script, which serves units off the main thread. */
export const WORKER_SCRIPT = path.join(PACKAGE_ROOT, 'bin', 'report.cjs');
