import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticEnv } from './hermetic-env.js';

export interface GeneratedRepository {
  dir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/**
 * A repository of `files` one-line files under src/dN/ (100 to a directory: src/d0/f0.js …), plus
 * `extraFiles`, in one commit on main, built with `git fast-import` (fast at thousands of files).
 */
export function generatedRepository(files: number, options: { name: string; extraFiles?: Record<string, string> }): GeneratedRepository {
  const env = hermeticEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `litecode-${options.name}-${files}-`)));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const stream = [`commit refs/heads/main\ncommitter Test <test@example.com> 1700000000 +0000\n${data('files\n')}`];
  for (const [path, content] of Object.entries(options.extraFiles ?? {})) stream.push(`M 100644 inline ${path}\n${data(content)}`);
  for (let file = 0; file < files; file++) stream.push(`M 100644 inline src/d${Math.floor(file / 100)}/f${file}.js\n${data(`export const value${file} = ${file};\n`)}`);
  stream.push('\n');
  const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: dir, env, input, stdio: ['pipe', 'pipe', 'pipe'] });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], stream.join(''));
  git(['reset', '-q', '--hard', 'main']);
  return {
    dir,
    env,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      if (env.HOME?.includes('litecode-home-')) rmSync(env.HOME, { recursive: true, force: true });
    },
  };
}
