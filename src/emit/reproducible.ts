import { unzipSync, zipSync, type Zippable } from 'fflate';

const CORE_PROPERTIES = 'docProps/core.xml';
const TIMESTAMPS = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/**
 * Rewrites a .docx so that its bytes depend on its content alone: the creation and
 * modification dates of docProps/core.xml and every zip entry's time become `timestamp`.
 * (The docx library stamps both with the current time.)
 */
export function reproducibleDocx(bytes: Uint8Array, timestamp: Date): Uint8Array {
  const entries = unzipSync(bytes);
  const core = entries[CORE_PROPERTIES];
  if (core) {
    const iso = `${timestamp.toISOString().slice(0, 19)}Z`;
    const xml = new TextDecoder().decode(core).replace(TIMESTAMPS, `$1${iso}$2`);
    entries[CORE_PROPERTIES] = new TextEncoder().encode(xml);
  }
  // Zip entries hold local DOS times, read off the Date in the process's time zone: a Date
  // built from the timestamp's UTC fields gives the same fields in every time zone.
  const mtime = new Date(
    Math.max(1980, timestamp.getUTCFullYear()),
    timestamp.getUTCMonth(),
    timestamp.getUTCDate(),
    timestamp.getUTCHours(),
    timestamp.getUTCMinutes(),
    timestamp.getUTCSeconds(),
  );
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime }];
  return zipSync(zippable);
}
