import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Repository } from './repository.js';
import { GitCommandError, gitArgs, gitEnv } from './run-git.js';

/**
 * An idle reader exits after this long, so a long-lived process (a test runner) keeps no stray
 * git. Long enough that one request, model calls included, keeps one reader on a slow machine;
 * a CLI run does not wait for it (the idle reader does not hold the event loop).
 */
const idleCloseMs = 60_000;
const batchArgs = ['cat-file', '--batch'] as const;

/** A git object as `cat-file --batch` prints it: its type and its raw content. */
export interface GitObject {
  type: string;
  content: Buffer;
}

interface PendingRead {
  objectId: string;
  resolve: (object: GitObject) => void;
  reject: (error: Error) => void;
}

/**
 * Objects read through one `git cat-file --batch` process instead of one process per object:
 * blobs for file contents, and the commit and trees a scratch commit rewrites (readObject).
 *
 * The process starts on the first read and ends when it has been idle for a minute, when
 * `close()` is called, or when this process exits (git sees its stdin close and exits too,
 * also after a crash or Ctrl-C). While reads are pending it keeps Node's event loop alive;
 * idle, it does not hold the process open.
 */
export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: PendingRead[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  /** Chunks not yet joined to `buffered`: a large blob is joined once, not once per chunk. */
  private unjoined: Buffer[] = [];
  private unjoinedBytes = 0;
  /** How many buffered bytes the next answer needs before parsing is worth trying again. */
  private needed = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly cwd: string) {}

  /** A blob's bytes; any other type of object is an error. */
  async read(objectId: string): Promise<Buffer> {
    const { type, content } = await this.readObject(objectId);
    if (type !== 'blob') throw new GitCommandError([...batchArgs], 128, `fatal: ${objectId} is a ${type}, not a blob`);
    return content;
  }

  /** Any object (blob, tree, commit, tag), raw: a tree in git's binary format, a commit as its headers and message. */
  readObject(objectId: string): Promise<GitObject> {
    if (!isFullObjectId(objectId)) {
      return Promise.reject(new GitCommandError([...batchArgs], 128, `fatal: not an object id: ${objectId}`));
    }
    return new Promise((resolve, reject) => {
      const child = this.start();
      this.queue.push({ objectId, resolve, reject });
      this.setActive(true);
      child.stdin.write(`${objectId}\n`);
    });
  }

  /** Ends the git process; pending reads fail. Safe to call more than once. */
  close(): void {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    clearTimeout(this.idleTimer);
    child.stdin.end();
    this.failAll(new GitCommandError([...batchArgs], -1, 'the blob reader was closed'));
  }

  private start(): ChildProcessWithoutNullStreams {
    clearTimeout(this.idleTimer);
    if (this.child) return this.child;
    const child = spawn('git', gitArgs(batchArgs), { cwd: this.cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.buffered = Buffer.alloc(0);
    this.unjoined = [];
    this.unjoinedBytes = 0;
    this.needed = 0;
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child !== child) return;
      this.unjoined.push(chunk);
      this.unjoinedBytes += chunk.length;
      if (this.buffered.length + this.unjoinedBytes < this.needed) return;
      this.buffered = this.buffered.length || this.unjoined.length > 1 ? Buffer.concat([this.buffered, ...this.unjoined]) : chunk;
      this.unjoined = [];
      this.unjoinedBytes = 0;
      this.drain();
    });
    // A write after git died surfaces here or in 'close'; both fail what is pending.
    child.stdin.on('error', () => {});
    const failed = (message: string, code: number) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.failAll(new GitCommandError([...batchArgs], code, stderr || message));
    };
    child.on('error', (error) => failed(error.message, -1));
    child.on('close', (code) => failed(`git cat-file exited with code ${code}`, code ?? -1));
    return child;
  }

  /** Parses as many `<oid> <type> <size>\n<bytes>\n` answers as have arrived. */
  private drain(): void {
    while (this.queue.length > 0) {
      const headerEnd = this.buffered.indexOf(0x0a);
      if (headerEnd < 0) {
        this.needed = this.buffered.length + 1;
        return;
      }
      const header = this.buffered.subarray(0, headerEnd).toString('utf8');
      const pending = this.queue[0]!;
      const fields = header.split(' ');
      if (fields.length === 2 && fields[1] === 'missing') {
        this.queue.shift();
        this.buffered = this.buffered.subarray(headerEnd + 1);
        pending.reject(new GitCommandError([...batchArgs], 128, `fatal: Not a valid object name ${pending.objectId}`));
        continue;
      }
      const size = Number(fields[2]);
      if (fields.length !== 3 || !Number.isSafeInteger(size)) {
        this.close();
        pending.reject(new GitCommandError([...batchArgs], -1, `unexpected reply from git cat-file: ${header.slice(0, 80)}`));
        return;
      }
      if (this.buffered.length < headerEnd + 1 + size + 1) {
        this.needed = headerEnd + 1 + size + 1;
        return;
      }
      this.needed = 0;
      const content = Buffer.from(this.buffered.subarray(headerEnd + 1, headerEnd + 1 + size));
      this.buffered = this.buffered.subarray(headerEnd + 1 + size + 1);
      this.queue.shift();
      pending.resolve({ type: fields[1]!, content });
    }
    this.setActive(false);
  }

  private setActive(active: boolean): void {
    const child = this.child;
    if (!child) return;
    const handles = [child, child.stdout, child.stderr, child.stdin] as Array<{ ref?: () => void; unref?: () => void }>;
    if (active) {
      clearTimeout(this.idleTimer);
      for (const handle of handles) handle.ref?.();
      return;
    }
    if (this.queue.length > 0) return;
    for (const handle of handles) handle.unref?.();
    this.idleTimer = setTimeout(() => this.close(), idleCloseMs);
    this.idleTimer.unref();
  }

  private failAll(error: Error): void {
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}

export function isFullObjectId(text: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(text);
}

const readers = new Map<string, BlobReader>();

/** The reader for a repository's object store: one per repository, shared by every read. */
export function blobReaderFor(repository: Repository): BlobReader {
  let reader = readers.get(repository.commonDir);
  if (!reader) {
    reader = new BlobReader(repository.topLevel);
    readers.set(repository.commonDir, reader);
  }
  return reader;
}

/** Ends every reader's git process. */
export function closeBlobReaders(): void {
  for (const reader of readers.values()) reader.close();
  readers.clear();
}
