#!/usr/bin/env node
// Builds a git repository from one of the folders here, with deterministic history: fixed
// dates and a fixed identity, so every build of a fixture has the same commit ids.
// Files named dot-<name> become .<name> (a real .gitignore or .gitattributes here would act
// on this repository itself).
//   node fixtures-repos/build.mjs <fixture> <target-dir> [sha1|sha256]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesRoot = dirname(fileURLToPath(import.meta.url));
export const fixtureNames = ['js-app', 'ts-lib', 'py-tool', 'crlf', 'kinds'];
const firstDate = Date.parse('2024-01-01T09:00:00Z') / 1000;
const fixtureIdentity = { name: 'Fixture Author', email: 'fixture@example.com' };

/**
 * @param {{ fixture: string; target: string; env: NodeJS.ProcessEnv; objectFormat?: 'sha1' | 'sha256';
 *   commits?: { message: string; files: Record<string, string | Buffer | null> }[] }} options
 */
export function buildRepoFromFolder({ fixture, target, env, objectFormat = 'sha1', commits = [] }) {
  const source = join(fixturesRoot, fixture);
  if (!fixtureNames.includes(fixture) || !statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`unknown fixture ${fixture}; one of ${fixtureNames.join(', ')}`);
  }
  mkdirSync(target, { recursive: true });
  const git = (args, index = 0, input) =>
    execFileSync('git', args, { cwd: target, env: { ...env, ...commitEnv(index) }, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  git(['init', '-q', '-b', 'main', `--object-format=${objectFormat}`]);
  copyTree(source, target);
  git(['add', '-A']);
  git(['commit', '-q', '--no-verify', '-m', `Initial ${fixture}`]);
  commits.forEach((commit, position) => {
    for (const [path, content] of Object.entries(commit.files)) {
      const file = join(target, path);
      if (content === null) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    git(['add', '-A']);
    git(['commit', '-q', '--no-verify', '--allow-empty', '-m', commit.message], position + 1);
  });
  // Rewrites the files in their checkout form (eol attributes), so the tree starts clean.
  git(['reset', '-q', '--hard']);
  return target;
}

function commitEnv(index) {
  const date = `@${firstDate + index * 3600} +0000`;
  return {
    GIT_AUTHOR_NAME: fixtureIdentity.name,
    GIT_AUTHOR_EMAIL: fixtureIdentity.email,
    GIT_COMMITTER_NAME: fixtureIdentity.name,
    GIT_COMMITTER_EMAIL: fixtureIdentity.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

function copyTree(from, to) {
  for (const name of readdirSync(from).sort()) {
    const source = join(from, name);
    const destination = join(to, name.startsWith('dot-') ? `.${name.slice(4)}` : name);
    if (statSync(source).isDirectory()) {
      mkdirSync(destination, { recursive: true });
      copyTree(source, destination);
    } else copyFileSync(source, destination);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [fixture, target, objectFormat] = process.argv.slice(2);
  if (!fixture || !target) {
    console.error('usage: node fixtures-repos/build.mjs <fixture> <target-dir> [sha1|sha256]');
    process.exit(2);
  }
  console.log(buildRepoFromFolder({ fixture, target, env: process.env, objectFormat: objectFormat === 'sha256' ? 'sha256' : 'sha1' }));
}
