import { spawn } from 'node:child_process';
import { RefusalError } from '../errors/litecode-error.js';
import { withMaterializedTree } from '../git/materialized-worktree.js';
import type { Repository } from '../git/repository.js';

const outputTailLength = 1500;

/** The check command failed; its output's tail goes back to the model for one repair. */
export class CheckGateFailedError extends RefusalError {
  constructor(
    readonly command: string,
    readonly commandExitCode: number,
    readonly outputTail: string,
  ) {
    const lastLines = outputTail.trim().split('\n').slice(-3).join(' | ');
    super(
      `refused, nothing was committed: the check \`${command}\` failed with exit ${commandExitCode} (${lastLines})`,
      'fix the request or the check command, then run again',
    );
  }
}

/**
 * The optional gate (`--check "<command>"` or litecode.check): the user's own command, run
 * through their shell in a throwaway checkout of the new commit, before the branch moves.
 */
export async function runCheckGate(repository: Repository, commit: string, command: string): Promise<void> {
  const result = await withMaterializedTree(repository, commit, (directory) => runShellCommand(command, directory));
  if (result.exitCode !== 0) throw new CheckGateFailedError(command, result.exitCode, result.output.slice(-outputTailLength));
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
