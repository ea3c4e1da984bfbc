import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

/**
 * A zip with one deflated file of `mebibytes` MiB of zero bytes (which compress about a thousand to
 * one), whose headers declare 1 KiB as its size: a zip bomb that lies about its size, as an xlsx upload.
 */
export async function zipBomb(mebibytes: number): Promise<Buffer> {
  const declared = 1024;
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = await deflatedZeros(mebibytes);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function deflatedZeros(mebibytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mebibytes; i += 1) if (!deflater.write(zeros)) await once(deflater, 'drain');
  deflater.end();
  await once(deflater, 'end');
  return Buffer.concat(chunks);
}
