import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header, pack } from 'tar-stream';

/** A member of a backup archive as the manifest lists it. */
export interface ArchiveMember {
  name: string;
  size: number;
  sha256: string;
}

/**
 * A tar archive written member by member (plain POSIX tar: the database dump and the uploads are
 * already compressed, gzip would cost CPU for little), each member's SHA-256 computed on the way.
 */
export class ArchiveWriter {
  readonly members: ArchiveMember[] = [];
  readonly directories: string[] = [];
  readonly #pack = pack();
  readonly #written: Promise<void>;

  /** `mtime`: the time every member is stamped with (the backup's own clock reading) */
  constructor(
    path: string,
    private readonly mtime: Date,
  ) {
    this.#written = pipeline(this.#pack, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    this.#written.catch(() => {}); // awaited in finish(); a write error also fails the next add()
  }

  async addDirectory(name: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#pack.entry({ name, type: 'directory', mode: 0o750 }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
    this.directories.push(name);
  }

  /** Adds a member of exactly `size` bytes (tar-stream refuses a source that gives more or fewer). */
  async add(name: string, size: number, source: Readable | Uint8Array): Promise<ArchiveMember> {
    const hash = createHash('sha256');
    const header: Partial<Header> & { name: string } = { name, size, mode: 0o640, mtime: this.mtime };
    if (!(source instanceof Readable)) {
      hash.update(source);
      await new Promise<void>((resolve, reject) => {
        this.#pack.entry(header, Buffer.from(source.buffer, source.byteOffset, source.byteLength), (error) =>
          error ? reject(error) : resolve(),
        );
      });
    } else {
      await new Promise<void>((resolve, reject) => {
        const entry = this.#pack.entry(header, (error) => (error ? reject(error) : resolve()));
        source.on('error', reject);
        source.pipe(hashing(hash)).pipe(entry);
      });
    }
    const member = { name, size, sha256: hash.digest('hex') };
    this.members.push(member);
    return member;
  }

  async finish(): Promise<void> {
    this.#pack.finalize();
    await this.#written;
  }

  /** Stops writing after a failure (the caller removes the partial file). */
  abort(error: Error): void {
    this.#pack.destroy(error);
  }
}

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

/** One member of an archive being read: its header and its bytes as a stream (read it or skip it). */
export interface ArchiveEntry {
  name: string;
  type: Header['type'];
  size: number;
  stream: Readable;
}

/** The members of a tar archive in order; each must be consumed (or `resume()`d) before the next. */
export async function* readArchive(path: string): AsyncGenerator<ArchiveEntry> {
  const reader = extract();
  const source = createReadStream(path);
  source.on('error', (error) => reader.destroy(error));
  source.pipe(reader);
  for await (const entry of reader) {
    yield {
      name: entry.header.name,
      type: entry.header.type,
      size: entry.header.size ?? 0,
      stream: entry as unknown as Readable,
    };
    entry.resume(); // whatever the consumer left unread
  }
}

/** The SHA-256 and length of a stream, read to its end. */
export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}

/** A stream read into one buffer. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
