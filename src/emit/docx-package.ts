import zlib from 'node:zlib';
import { Packer, type File } from 'docx';
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/**
 * docx's own compiler, which turns a document into the package's parts (XML text and media)
 * just before Packer zips them. It is a private static of Packer (docx is pinned to one
 * version in package.json); going through it lets the parts be zipped once, by Node's native
 * zlib, with fixed times — instead of docx zipping them in JavaScript and this module
 * unzipping and zipping them again to fix the times, which cost a cold build about 70 ms.
 */
interface PartCompiler {
  compile(file: File): Map<string, string | Uint8Array>;
}
const partCompiler = (Packer as unknown as { compiler: PartCompiler }).compiler;

const CORE_PROPERTIES = 'docProps/core.xml';
const TIMESTAMPS = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/** A zip entry compressed by native zlib; fflate's Zip writes its headers. */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  readonly size: number;
  readonly crc: number;
  readonly deflated: Uint8Array<ArrayBuffer>;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    data: Uint8Array,
    readonly mtime: Date,
  ) {
    this.size = data.length;
    this.crc = zlib.crc32(data);
    this.deflated = new Uint8Array(zlib.deflateRawSync(data));
  }
}

/** The times a zip entry can hold (DOS dates, as fflate writes them): 1980 to 2099. */
const ZIP_FIRST = Date.UTC(1980, 0, 1);
const ZIP_LAST = Date.UTC(2099, 11, 31, 23, 59, 58);

/** A time outside what zip can hold (a SOURCE_DATE_EPOCH far ahead) takes its nearest end. */
export function withinZipRange(timestamp: Date): Date {
  return new Date(Math.min(Math.max(timestamp.getTime(), ZIP_FIRST), ZIP_LAST));
}

/** The time written in zip entries: local DOS fields, read off the Date in the process's time zone. */
function zipTime(timestamp: Date): Date {
  // A Date built from the timestamp's UTC fields gives the same fields in every time zone.
  return new Date(
    timestamp.getUTCFullYear(),
    timestamp.getUTCMonth(),
    timestamp.getUTCDate(),
    timestamp.getUTCHours(),
    timestamp.getUTCMinutes(),
    timestamp.getUTCSeconds(),
  );
}

/**
 * The .docx file of a document, whose bytes depend on its content alone: the creation and
 * modification dates of docProps/core.xml and every zip entry's time become `requested`, within
 * the years zip can hold (docx would stamp both with the current time).
 */
export function docxPackage(document: File, requested: Date): Uint8Array {
  const timestamp = withinZipRange(requested);
  const parts = partCompiler.compile(document);
  const core = parts.get(CORE_PROPERTIES);
  if (typeof core === 'string') parts.set(CORE_PROPERTIES, core.replace(TIMESTAMPS, `$1${timestamp.toISOString().slice(0, 19)}Z$2`));
  const chunks: Buffer[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  });
  const mtime = zipTime(timestamp);
  for (const [name, data] of parts) {
    const entry = new DeflatedEntry(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, mtime);
    zip.add(entry);
    entry.ondata!(null, entry.deflated, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
