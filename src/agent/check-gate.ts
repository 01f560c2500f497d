import { spawn } from 'node:child_process';
import { RefusalError } from '../errors/litecode-error.js';
import { withMaterializedTree } from '../git/materialized-worktree.js';
import type { Repository } from '../git/repository.js';

const outputTailLength = 1500;

/**
 * The optional gate (`--check "<command>"` or litecode.check): the user's own command, run
 * through their shell in a throwaway checkout of the new commit, before the branch moves.
 */
export async function runCheckGate(repository: Repository, commit: string, command: string): Promise<void> {
  const result = await withMaterializedTree(repository, commit, (directory) => runShellCommand(command, directory));
  if (result.exitCode !== 0) {
    const tail = result.output.slice(-outputTailLength).trim().split('\n').slice(-3).join(' | ');
    throw new RefusalError(
      `refused, nothing was committed: the check \`${command}\` failed with exit ${result.exitCode} (${tail})`,
      'fix the request or the check command, then run again',
    );
  }
}

function runShellCommand(command: string, cwd: string): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.SHELL || '/bin/sh', ['-c', command], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}
