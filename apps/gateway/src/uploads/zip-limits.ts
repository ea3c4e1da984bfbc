import { createInflateRaw } from 'node:zlib';

import { UnreadableFile, unzippedTooLarge } from './unreadable-file';
import { UPLOAD_MAX_UNZIPPED_BYTES, UPLOAD_MAX_ZIP_ENTRIES } from './uploaded-file';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
// The end record is 22 bytes and may be followed by a comment of up to 65,535.
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
// A data descriptor (flag bit 3) after an entry's data: 12 bytes, or 16 with its optional signature.
const MAX_DESCRIPTOR_BYTES = 16;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/**
 * Reads an XLSX's zip before exceljs does and refuses a zip bomb: more than UPLOAD_MAX_ZIP_ENTRIES
 * files, or files that inflate to more than UPLOAD_MAX_UNZIPPED_BYTES together. The sizes a zip
 * declares can lie, so every entry is inflated (streamed, counted, discarded) rather than believed;
 * and the entries must follow one another with no room between them for a file the directory does
 * not list, since exceljs's reader walks the local headers, not the directory.
 */
export async function checkZipLimits(content: Buffer): Promise<void> {
  const entries = centralDirectory(content);
  let budget = UPLOAD_MAX_UNZIPPED_BYTES;
  let expectedOffset = 0;
  for (const entry of [...entries.list].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset < expectedOffset || entry.localOffset - expectedOffset > MAX_DESCRIPTOR_BYTES)
      throw unreadable();
    const start = dataStart(content, entry.localOffset);
    const end = start + entry.compressedSize;
    if (end > entries.directoryOffset) throw unreadable();
    const data = content.subarray(start, end);
    budget -= entry.method === STORED ? data.length : await inflatedSize(data, budget);
    if (budget < 0) throw unzippedTooLarge();
    expectedOffset = end;
  }
  if (entries.directoryOffset - expectedOffset > MAX_DESCRIPTOR_BYTES) throw unreadable();
}

function centralDirectory(content: Buffer): { list: ZipEntry[]; directoryOffset: number } {
  const end = findEndRecord(content);
  const count = content.readUInt16LE(end + 10);
  if (count > UPLOAD_MAX_ZIP_ENTRIES) throw unzippedTooLarge();
  const directoryOffset = content.readUInt32LE(end + 16);
  const list: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== CENTRAL_ENTRY) throw unreadable();
    const method = content.readUInt16LE(at + 10);
    if (method !== STORED && method !== DEFLATED) throw unreadable();
    list.push({ method, compressedSize: content.readUInt32LE(at + 20), localOffset: content.readUInt32LE(at + 42) });
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }
  return { list, directoryOffset };
}

function findEndRecord(content: Buffer): number {
  const lowest = Math.max(0, content.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = content.length - END_RECORD_BYTES; at >= lowest; at -= 1) {
    if (content.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw unreadable();
}

function dataStart(content: Buffer, offset: number): number {
  if (offset + 30 > content.length || content.readUInt32LE(offset) !== LOCAL_ENTRY) throw unreadable();
  return offset + 30 + content.readUInt16LE(offset + 26) + content.readUInt16LE(offset + 28);
}

// Streams the entry through inflate, counting and dropping the output, and stops once past the budget.
// An entry whose deflate stream does not end within its data is refused (exceljs would read on).
async function inflatedSize(data: Buffer, budget: number): Promise<number> {
  const inflater = createInflateRaw();
  inflater.end(data);
  let size = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > budget) throw unzippedTooLarge();
    }
  } catch (error) {
    inflater.destroy();
    if (error instanceof UnreadableFile) throw error;
    throw unreadable();
  }
  return size;
}

function unreadable(): UnreadableFile {
  return new UnreadableFile({ zh: '文件不是可读取的 xlsx 工作簿', en: 'The file is not a readable xlsx workbook' });
}
