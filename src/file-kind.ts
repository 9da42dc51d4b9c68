import type { Stats } from 'node:fs';

/**
 * What a path that is not a regular file is, in words for the message; undefined for a
 * regular file. Reading a FIFO nobody writes, or /dev/zero, never ends, and writing over a
 * device would replace it: such paths are refused before they are opened. `stat` follows
 * links, so a link to a device is a device.
 */
export function specialFileKind(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'một thư mục';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'một thiết bị của hệ thống';
  if (stat.isFIFO()) return 'một ống dẫn (FIFO)';
  if (stat.isSocket()) return 'một socket';
  return 'không phải tệp thường';
}
