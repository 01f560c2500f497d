// `git litecode log` CPU time on an 80k-commit history and a 100-commit one (no agent commits,
// as on a fresh clone of a big project), next to `git log --oneline -n 20` and `node -e ''`.
// CPU = user + sys of the process and its children (bash's `time`, millisecond resolution), median of 5 runs.
// Also the one-time cost of building the agent-commit index (the first `log` after the
// index refs are removed). Not run by run-all (no shebang): it takes about a minute.
//   node bench/history-log.mjs [commits=80000] [runs=5] [agentEvery=0]
// agentEvery N > 0: every N-th commit of the long history carries agent trailers (applied agent
// commits), and every commit of the 100-commit one does (99), so both have agent commits to list.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFastImportStream, median } from './bench-helpers.mjs';

const bin = fileURLToPath(new URL('../bin/git-litecode.mjs', import.meta.url));
const big = Number(process.argv[2] ?? 80_000);
const runs = Number(process.argv[3] ?? 5);
const agentEvery = Number(process.argv[4] ?? 0);
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', NO_COLOR: '1' };

function makeRepository(commits) {
  const dir = mkdtempSync(join(tmpdir(), `litecode-history-${commits}-`));
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: buildFastImportStream({ files: 100, commits, agentEvery: commits === big || agentEvery === 0 ? agentEvery : 1 }), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env });
  return dir;
}

/** CPU seconds (user + sys, children included) of one run. */
function cpu(command, args, cwd) {
  const result = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null 2>&1', 'bash', command, ...args], { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return user + system;
}

function medianCpu(command, args, cwd) {
  return median(Array.from({ length: runs }, () => cpu(command, args, cwd)));
}

const small = makeRepository(100);
const large = makeRepository(big);
try {
  const dropIndex = (dir) => {
    const refs = execFileSync('git', ['for-each-ref', '--format=delete %(refname)', 'refs/litecode/'], { cwd: dir, env, encoding: 'utf8' });
    if (refs) execFileSync('git', ['update-ref', '--stdin'], { cwd: dir, env, input: refs });
  };
  dropIndex(large);
  const firstBuild = cpu(process.execPath, [bin, 'log'], large);
  const rows = [
    ['node -e \'\'', medianCpu(process.execPath, ['-e', ''], small)],
    [`git log --oneline -n 20 (${big} commits)`, medianCpu('git', ['log', '--oneline', '-n', '20'], large)],
    ['git litecode log (100 commits)', medianCpu(process.execPath, [bin, 'log'], small)],
    [`git litecode log (${big} commits)`, medianCpu(process.execPath, [bin, 'log'], large)],
  ];
  for (const [name, seconds] of rows) console.log(`${name.padEnd(40)} ${(seconds * 1000).toFixed(0).padStart(6)} ms CPU`);
  console.log(`${`first log, index build (${big} commits)`.padEnd(40)} ${(firstBuild * 1000).toFixed(0).padStart(6)} ms CPU (once)`);
  console.log(`ratio log ${big}/100: ${(rows[3][1] / rows[2][1]).toFixed(2)}; log ${big} / node -e '': ${(rows[3][1] / rows[0][1]).toFixed(2)}`);
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
