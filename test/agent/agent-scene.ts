import { execFileSync } from 'node:child_process';
import * as assert from 'uvu/assert';
import { buildFixtureRepo, type FixtureCommit, type FixtureName } from '../support/fixture-repos.js';
import { startFakeModel, type FakeModelHarness } from '../support/fake-model.js';
import type { Script } from '../../src/fake-model/fake-model-server.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { assertUserStateUnchanged, prepareUserState, snapshotUserState, type UserStateKind } from '../support/user-state.js';

/**
 * A named scene for agent tests: a fixture repository, the scripted model, and the CLI run
 * as a user would run it. Every run is wrapped in the invariant helper unless it is an apply.
 */
export interface AgentScene {
  dir: string;
  env: NodeJS.ProcessEnv;
  model: FakeModelHarness;
  /** Runs `git litecode …` and asserts the user's state did not change. */
  litecode(args: string[], options?: { provider?: 'ollama' | 'groq'; extraEnv?: Record<string, string>; timeoutMs?: number }): Promise<CliResult>;
  git(args: string[]): string;
  agentBranches(): string[];
  fileAt(revision: string, path: string): string;
  assertFsckClean(): void;
  close(): Promise<void>;
}

export async function agentScene(
  fixture: FixtureName,
  script: Script,
  options: { state?: UserStateKind; commits?: FixtureCommit[] } = {},
): Promise<AgentScene> {
  const repo = await buildFixtureRepo(fixture, { commits: options.commits });
  if (options.state) prepareUserState(repo.dir, repo.env, options.state);
  const model = await startFakeModel(script, { models: [{ name: 'qwen2.5-coder:7b', contextLength: 32768 }, { name: 'llama-3.3-70b-versatile' }] });
  const git = (args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  return {
    dir: repo.dir,
    env: repo.env,
    model,
    async litecode(args, runOptions = {}) {
      const before = snapshotUserState(repo.dir, repo.env);
      const env = { ...repo.env, ...model.env(runOptions.provider ?? 'ollama'), ...runOptions.extraEnv };
      const result = await runCli(args, { cwd: repo.dir, env, timeoutMs: runOptions.timeoutMs });
      assertUserStateUnchanged(before, snapshotUserState(repo.dir, repo.env));
      return result;
    },
    git,
    agentBranches: () => git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/litecode/']).split('\n').filter(Boolean),
    fileAt: (revision, path) => git(['show', `${revision}:${path}`]),
    assertFsckClean() {
      execFileSync('git', ['fsck', '--full', '--no-progress'], { cwd: repo.dir, env: repo.env, stdio: 'pipe' });
    },
    async close() {
      await model.close();
      repo.cleanup();
    },
  };
}

export function planReply(plan: object, match: { userContains?: string } = {}) {
  return { match: { purpose: 'plan', ...match }, content: JSON.stringify(plan) };
}

export function assertOneLineError(result: CliResult, exitCode: number, pattern: RegExp): void {
  assert.is(result.exitCode, exitCode, `expected exit ${exitCode}, got ${result.exitCode}: ${result.stderr}${result.stdout}`);
  const lines = result.stderr.trim().split('\n');
  assert.is(lines.length, 1, `expected one line on stderr, got: ${result.stderr}`);
  assert.ok(lines[0]!.startsWith('error: '), `expected an error line, got: ${lines[0]}`);
  assert.ok(pattern.test(lines[0]!), `expected ${pattern} in: ${lines[0]}`);
}

/** The user text of every chat request with this purpose. */
export function promptsFor(model: FakeModelHarness, purpose: string): string[] {
  return model
    .chatRequests()
    .filter((request) => request.purpose === purpose)
    .map((request) => (request.body.messages as { role: string; content: string }[]).map((message) => message.content).join('\n'));
}

export { apiWithRetry } from '../../src/demo/demo-session.js';

export const retryPlan = {
  kind: 'edit',
  synthesis: 'Added retry with exponential backoff to fetchUser in src/api.js.',
  tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry the request up to 3 times with exponential backoff.' }],
};
