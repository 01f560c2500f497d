// Decides what a trial produced, with git itself: the user's state before and after, and the
// landed commit's bytes against the task's expected bytes.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTwoFilesPatch } from 'diff';

const execFileAsync = promisify(execFile);

export async function git(cwd, args, { okExitCodes = [0] } = {}) {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 26 });
    return { stdout, exitCode: 0 };
  } catch (error) {
    if (typeof error.code === 'number' && okExitCodes.includes(error.code)) return { stdout: error.stdout, exitCode: error.code };
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${error.stderr?.toString() ?? error.message}`);
  }
}

const text = async (cwd, args) => (await git(cwd, args)).stdout.toString('utf8').trim();

/** Everything the invariants say a non-apply command must leave alone. */
export async function userState(repository) {
  const [head, branch, refs, status, stash, worktrees] = await Promise.all([
    text(repository, ['rev-parse', 'HEAD']),
    text(repository, ['symbolic-ref', '-q', 'HEAD']),
    text(repository, ['for-each-ref', '--format=%(refname) %(objectname)']),
    text(repository, ['status', '--porcelain=v1', '-uall', '--ignored']),
    text(repository, ['stash', 'list']),
    text(repository, ['worktree', 'list', '--porcelain']),
  ]);
  const index = createHash('sha1').update(readFileSync(join(repository, '.git', 'index'))).digest('hex');
  // The index marker (refs/litecode/index) is litecode's own bookkeeping and moves on every
  // landed change; every other ref is the user's, or an agent commit that must stay put.
  const userRefs = refs.split('\n').filter((line) => line && !line.startsWith('refs/litecode/index '));
  return { head, branch, refs: userRefs, status, stash, worktrees, index, leftovers: leftovers(repository) };
}

/** Lock files anywhere in .git, and scratch directories a finished run should have removed. */
function leftovers(repository) {
  const gitDirectory = join(repository, '.git');
  const locks = readdirSync(gitDirectory, { recursive: true }).filter((path) => String(path).endsWith('.lock'));
  let scratch = [];
  try {
    scratch = readdirSync(join(gitDirectory, 'litecode', 'scratch')).map((name) => `litecode/scratch/${name}`);
  } catch {
    // No scratch directory: nothing left over.
  }
  return [...locks, ...scratch].sort().join(', ');
}

/**
 * @typedef {'success' | 'refusal' | 'corrupt' | 'crash'} Verdict
 * @returns {Promise<{ verdict: Verdict; detail: string }>}
 */
export async function judgeTrial({ repository, task, before, outcome, error }) {
  const after = await userState(repository);
  const fsck = await git(repository, ['fsck', '--full', '--no-progress'], { okExitCodes: [0, 1, 2, 4, 8] });
  const newRefs = after.refs.filter((ref) => !before.refs.includes(ref));
  const lostRefs = before.refs.filter((ref) => !after.refs.includes(ref));
  const stateProblems = [
    after.head !== before.head && 'HEAD moved',
    after.branch !== before.branch && 'current branch changed',
    after.index !== before.index && '.git/index bytes changed',
    after.status !== before.status && 'working tree status changed',
    after.stash !== before.stash && 'stash changed',
    after.worktrees !== before.worktrees && 'a worktree was left behind',
    after.leftovers !== before.leftovers && `left behind in .git: ${after.leftovers}`,
    lostRefs.length > 0 && `refs changed: ${lostRefs.join(', ')}`,
    fsck.exitCode !== 0 && `git fsck failed (${fsck.exitCode})`,
    newRefs.some((ref) => !/^refs\/(heads\/litecode|litecode\/commits)\//.test(ref)) && `unexpected new refs: ${newRefs.join(', ')}`,
  ].filter(Boolean);

  if (error) {
    if (newRefs.length > 0) return { verdict: 'corrupt', detail: `refused (${error.message}) but left ${newRefs.join(', ')}` };
    if (stateProblems.length > 0) return { verdict: 'corrupt', detail: `refused but ${stateProblems.join('; ')}` };
    const typed = error.constructor?.name;
    const known = typeof error.exitCode === 'number' && error.exitCode !== 0;
    return known ? { verdict: 'refusal', detail: `${typed}: ${error.message}` } : { verdict: 'crash', detail: `${typed}: ${error.stack ?? error.message}` };
  }
  if (stateProblems.length > 0) return { verdict: 'corrupt', detail: stateProblems.join('; ') };

  if (task.plan.kind === 'question') {
    if (outcome.kind !== 'question') return { verdict: 'corrupt', detail: `a question ended as ${outcome.kind}` };
    if (newRefs.length > 0) return { verdict: 'corrupt', detail: `a question created ${newRefs.join(', ')}` };
    return { verdict: 'success', detail: 'answered, nothing written' };
  }
  if (outcome.kind !== 'edit') return { verdict: 'corrupt', detail: `an edit ended as ${outcome.kind}` };
  const expectedRefs = [`refs/heads/${outcome.branch} ${outcome.commit}`, `refs/litecode/commits/${outcome.commit} ${outcome.commit}`];
  if (newRefs.length !== expectedRefs.length || !expectedRefs.every((ref) => newRefs.includes(ref))) {
    return { verdict: 'corrupt', detail: `landed ${outcome.branch} but the new refs are ${newRefs.join(', ') || 'none'}` };
  }
  const parent = await text(repository, ['rev-parse', `${outcome.commit}^`]);
  if (parent !== before.head) return { verdict: 'corrupt', detail: `the commit's parent is ${parent}, not the base ${before.head}` };
  const changed = (await text(repository, ['diff', '--name-only', before.head, outcome.commit, '--'])).split('\n').filter(Boolean).sort();
  const wanted = Object.keys(task.expected).sort();
  if (changed.join('\n') !== wanted.join('\n')) return { verdict: 'corrupt', detail: `changed files ${changed.join(', ')}; expected ${wanted.join(', ')}` };
  for (const [path, content] of Object.entries(task.expected)) {
    const landed = (await git(repository, ['cat-file', 'blob', `${outcome.commit}:${path}`])).stdout;
    if (!landed.equals(Buffer.from(content, 'utf8'))) {
      const patch = createTwoFilesPatch(`expected/${path}`, `landed/${path}`, content, landed.toString('utf8'), '', '', { context: 1 });
      return { verdict: 'corrupt', detail: `${path} landed with different bytes (${outcome.branch}):\n${patch.split('\n').slice(1).join('\n').trimEnd()}` };
    }
  }
  return { verdict: 'success', detail: `landed ${outcome.branch}` };
}
