import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeModelServer } from '../fake-model/fake-model-server.js';
import { takeScriptedReply, type ScriptedReply } from '../fake-model/scripted-reply.js';
import type { Output } from '../cli/output.js';
import { demoSteps } from './demo-session.js';

const binPath = fileURLToPath(new URL('../../bin/git-litecode.mjs', import.meta.url));
const fixtureBuilder = new URL('../../fixtures-repos/build.mjs', import.meta.url).href;

export interface DemoResult {
  repository: string;
  steps: { args: string[]; exitCode: number }[];
}

/**
 * `git litecode demo`: a throwaway repository, the real CLI and pipeline, and the scripted
 * model the tests use in place of Ollama. Nothing outside the temp directory is touched.
 */
export async function runDemo(output: Output): Promise<DemoResult> {
  const repository = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-demo-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Demo User',
    GIT_AUTHOR_EMAIL: 'demo@example.com',
    GIT_COMMITTER_NAME: 'Demo User',
    GIT_COMMITTER_EMAIL: 'demo@example.com',
    GIT_PAGER: 'cat',
    LITECODE_PROVIDER: 'ollama',
    LITECODE_MODEL: 'qwen2.5-coder:7b',
  };
  const { buildRepoFromFolder } = (await import(fixtureBuilder)) as { buildRepoFromFolder: (options: object) => string };
  buildRepoFromFolder({ fixture: 'js-app', target: repository, env });

  let queue: { reply: ScriptedReply; used: boolean }[] = [];
  const server = await startFakeModelServer((request) => takeScriptedReply(queue, request) ?? { failure: 'http-500' }, {
    models: [{ name: 'qwen2.5-coder:7b', contextLength: 32768 }],
  });
  env.OLLAMA_HOST = server.url;

  output.line(output.paint('bold', 'git litecode demo: a REPLAY against a scripted model, not a real one.'));
  output.line(`Repository: ${repository} (a throwaway copy of fixtures-repos/js-app)\n`);
  const steps: DemoResult['steps'] = [];
  try {
    for (const [index, step] of demoSteps.entries()) {
      queue = step.replies.map((reply) => ({ reply, used: false }));
      output.line(output.paint('cyan', `${index + 1}. ${step.title}`));
      output.line(`$ git litecode ${step.args.map(quoteForDisplay).join(' ')}`);
      const result = await runCli(step.args, repository, env);
      const printed = (result.stdout + result.stderr).trimEnd();
      output.line(printed.replace(/^/gm, '  '));
      output.line('');
      steps.push({ args: step.args, exitCode: result.exitCode });
    }
  } finally {
    await server.close();
  }
  output.line(output.paint('bold', 'Try it yourself in the demo repository:'));
  output.line(`  cd ${repository}`);
  output.line('  git litecode log            the agent\'s changes, read back from git');
  output.line('  git litecode show           the newest change with its checks and patch');
  output.line('  git litecode apply          take it into your branch');
  output.line('With a real model: install Ollama, `ollama pull qwen2.5-coder:7b`, then `git litecode doctor`.');
  return { repository, steps };
}

function quoteForDisplay(arg: string): string {
  return /\s/.test(arg) ? `"${arg}"` : arg;
}

function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }));
  });
}
