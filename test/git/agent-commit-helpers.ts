import { execFileSync } from 'node:child_process';
import { chooseAgentBranch } from '../../src/git/agent-branch.js';
import { resolveBase } from '../../src/git/base-commit.js';
import { type AgentCommitKind, formatAgentCommitMessage } from '../../src/git/commit-message.js';
import { discoverRepository, type Repository } from '../../src/git/repository.js';
import { runGit } from '../../src/git/run-git.js';
import { commitChanges, type FileChange } from '../../src/git/scratch-commit.js';
import { kindOfMode, parseLsTree, type TrackedFile } from '../../src/git/tracked-files.js';
import { useEnv } from '../support/hermetic-env.js';

/** Runs git in a test repository (hermetic env), returning trimmed stdout; throws with stderr on failure. */
export function git(dir: string, env: NodeJS.ProcessEnv, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, env, input, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString()
    .trimEnd();
}

/** discoverRepository with the hermetic env applied (the library reads process.env). */
export async function openRepository(dir: string, env: NodeJS.ProcessEnv): Promise<Repository> {
  useEnv(env);
  return discoverRepository(dir);
}

/** An agent commit as the pipeline would make it: on a new litecode/* branch, or stacked (followUp). */
export async function makeAgentCommit(
  repository: Repository,
  options: { request: string; files: Record<string, string | null>; followUp?: boolean; kind?: AgentCommitKind },
): Promise<{ commit: string; branch: string; parent: string }> {
  const base = await resolveBase(repository, { snapshot: false });
  const choice = await chooseAgentBranch(repository, { request: options.request, base, forceNew: false, followUp: options.followUp ?? false });
  const changes: FileChange[] = Object.entries(options.files).map(([path, content]) =>
    content === null ? { kind: 'delete', path } : { kind: 'write', path, content: Buffer.from(content) },
  );
  const message = formatAgentCommitMessage({
    kind: options.kind ?? (options.followUp ? 'followup' : 'edit'),
    request: options.request,
    synthesis: `Did: ${options.request}`,
    provider: 'ollama',
    model: 'qwen2.5-coder:7b',
    files: Object.keys(options.files).map((path) => ({ path, summary: `changed ${path}` })),
    checks: ['fences', 'truncation'],
    runId: `run-${options.request.length}`,
  });
  const { commit } = await commitChanges(repository, { parent: choice.parent, changes, message, branch: choice.branch, expectedOldValue: choice.expectedOldValue });
  return { commit, branch: choice.branch, parent: choice.parent };
}

/** Every entry of `commit`'s tree, recursively, one record each: the plain listing the product's TrackedTree is checked against. */
export async function listTrackedFiles(repository: Repository, commit: string): Promise<TrackedFile[]> {
  const { stdout } = await runGit({ args: ['ls-tree', '-r', '-z', '--full-tree', commit], cwd: repository.topLevel });
  return parseLsTree(stdout).map(({ path, mode, objectId }) => ({ path, mode, objectId, kind: kindOfMode(mode) }));
}
