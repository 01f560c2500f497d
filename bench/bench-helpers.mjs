// Small helpers shared by the bench scripts.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function timeMs(run) {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * A `git fast-import` stream: `files` files spread over directories of 100 (src/d<N>/f<M>.js),
 * then `commits` commits that each change one file. Every `agentEvery`-th commit carries
 * agent trailers, so history readers have something to find. Dates are fixed.
 */
export function buildFastImportStream({ files, commits, agentEvery = 0 }) {
  const parts = [];
  const identity = 'Bench <bench@example.com>';
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let commit = 0; commit < commits; commit++) {
    const date = 1_700_000_000 + commit * 60;
    const agent = agentEvery > 0 && commit > 0 && commit % agentEvery === 0;
    const message = agent
      ? `Agent change ${commit}\n\nRequest: change ${commit}\n\nLitecode-Kind: edit\nLitecode-Request: change ${commit}\nAssisted-by: git-litecode:ollama/qwen2.5-coder:7b\n`
      : `Human change ${commit}\n`;
    parts.push(`commit refs/heads/main\ncommitter ${identity} ${date} +0000\n${data(message)}`);
    if (commit === 0) {
      for (let file = 0; file < files; file++) {
        parts.push(`M 100644 inline src/d${Math.floor(file / 100)}/f${file}.js\n${data(`export const value${file} = ${file};\n`)}`);
      }
    } else {
      const file = commit % files;
      parts.push(`M 100644 inline src/d${Math.floor(file / 100)}/f${file}.js\n${data(`export const value${file} = ${commit};\n`)}`);
    }
    parts.push('\n');
  }
  return parts.join('');
}

/**
 * A generated repository cached under .bench-tmp/repos/<name> (gitignored) and reused by every
 * bench script: built once with `git fast-import` from `stream()` and checked out. Delete the
 * folder to rebuild. `git` runs git in a folder with the caller's hermetic environment.
 */
export function cachedRepository(name, stream, git) {
  const dir = join(benchCacheRoot, 'repos', name);
  if (existsSync(join(dir, '.git', 'bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['fast-import', '--quiet'], stream());
  git(dir, ['reset', '-q', '--hard', 'main']);
  git(dir, ['config', 'gc.auto', '0']);
  writeFileSync(join(dir, '.git', 'bench-complete'), '');
  console.log(`  generated ${name} (${((Date.now() - started) / 1000).toFixed(1)} s, cached under .bench-tmp/repos/)`);
  return dir;
}

export const benchCacheRoot = fileURLToPath(new URL('../.bench-tmp/', import.meta.url));
