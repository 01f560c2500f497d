import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticEnv } from '../support/hermetic-env.js';
import { repositoriesFromFiles, type RepoFromFiles } from '../support/fixture-repos.js';
import { startFakeModel } from '../support/fake-model.js';
import { binPath, runCli } from '../support/run-cli.js';

// Completion through the real shells and git's own bash completion script.

const gitBashCompletion = '/usr/share/bash-completion/completions/git';
const bashCompletionLoader = '/usr/share/bash-completion/bash_completion';

const repositories = repositoriesFromFiles();
const outside = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-outside-')));
test.after(() => {
  repositories.removeAll();
  rmSync(outside, { recursive: true, force: true });
});

async function printedScript(shell: 'bash' | 'zsh', cwd = outside, env = hermeticEnv()): Promise<string> {
  const result = await runCli(['completion', shell], { cwd, env });
  assert.is(result.exitCode, 0, result.stderr);
  assert.is(result.stderr, '');
  return result.stdout;
}

function which(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** A repository with two agent branches and one of the user's own. */
async function repositoryWithAgentBranches(): Promise<RepoFromFiles> {
  const repository = await repositories.build();
  await repository.git(['branch', 'litecode/add-retry']);
  await repository.git(['branch', 'litecode/fix-typo']);
  await repository.git(['branch', 'feature']);
  return repository;
}

/**
 * Completes each line in a real bash the way readline would call git's completion: COMP_WORDS,
 * COMP_CWORD, COMP_LINE and COMP_POINT set, then the function `complete -p git` names.
 * Returns COMPREPLY per line.
 */
function completeInBash(options: { cwd: string; env: NodeJS.ProcessEnv; setup: string; lines: string[]; command?: string }): string[][] {
  const command = options.command ?? 'git';
  const script = [
    options.setup,
    'complete_line () {',
    '  COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}',
    '  read -ra COMP_WORDS <<< "$COMP_LINE"',
    '  [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")',
    '  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '  COMPREPLY=()',
    `  local spec; spec=$(complete -p ${command}) || { echo "no completion for ${command}"; exit 3; }`,
    '  local function_name; function_name=$(sed -E "s/.* -F ([^ ]+) .*/\\1/" <<< "$spec")',
    `  "$function_name" ${command} "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"`,
    '  printf "%s\\t" "${COMPREPLY[@]}"; printf "\\n"',
    '}',
    ...options.lines.map((line) => `complete_line '${line}'`),
  ].join('\n');
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd: options.cwd, env: options.env, encoding: 'utf8' });
  assert.is(result.status, 0, `${result.stdout}\n${result.stderr}`);
  const replies = result.stdout.split('\n').slice(0, options.lines.length);
  return replies.map((reply) => reply.split('\t').filter(Boolean).map((word) => word.trimEnd()).sort());
}

test('the bash script parses (bash -n), needs no repository, and is the script alone', async () => {
  const script = await printedScript('bash');
  const file = join(outside, 'completion.bash');
  writeFileSync(file, script);
  const check = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
  assert.is(check.status, 0, check.stderr);
  assert.match(script, /^_git_litecode \(\)$/m);
  assert.not.match(script, /\$0|yargs/);
});

test('git\'s own bash completion completes commands, flags per command and agent branches', async () => {
  const repository = await repositoryWithAgentBranches();
  const file = join(repository.env.HOME!, 'git-litecode.bash');
  writeFileSync(file, await printedScript('bash'));
  const replies = completeInBash({
    cwd: repository.dir,
    env: repository.env,
    setup: `source ${gitBashCompletion}\nsource ${file}`,
    lines: [
      'git litecode ap',
      'git litecode apply ',
      'git litecode apply add',
      'git litecode drop litecode/f',
      'git litecode show --',
      'git litecode apply --s',
      'git litecode ',
      'git litecode --provider ',
      'git litecode -C . apply ',
      'git litecode hook ',
      'git litecode completion ',
      'git litecode log ',
      'git litecode --color apply ',
      'git litecode --color ',
    ],
  });
  assert.equal(replies[0], ['apply']);
  assert.equal(replies[1], ['litecode/add-retry', 'litecode/fix-typo']);
  assert.equal(replies[2], ['add-retry']);
  assert.equal(replies[3], ['litecode/fix-typo']);
  assert.equal(replies[4], ['--calls', '--color', '--help', '--json', '--pager', '--quiet', '--verbose']);
  assert.equal(replies[5], ['--squash']);
  assert.equal(replies[6], ['apply', 'completion', 'config', 'demo', 'doctor', 'drop', 'gc', 'hook', 'log', 'run', 'show', 'status', 'suggest', 'undo']);
  assert.equal(replies[7], ['groq', 'ollama']);
  assert.equal(replies[8], ['litecode/add-retry', 'litecode/fix-typo']);
  assert.equal(replies[9], ['install', 'uninstall']);
  assert.equal(replies[10], ['bash', 'zsh']);
  assert.equal(replies[11], []);
  // A bare --color means always; the next word is the command, as git reads `git log --color`.
  assert.equal(replies[12], ['litecode/add-retry', 'litecode/fix-typo']);
  assert.equal(replies[13], replies[6]);
});

test('with git-litecode on PATH, git completes "litecode" itself, and `git-litecode` typed directly completes too', async () => {
  const repository = await repositoryWithAgentBranches();
  const bin = join(repository.env.HOME!, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(binPath, join(bin, 'git-litecode'));
  const env = { ...repository.env, PATH: `${bin}:${dirname(process.execPath)}:${repository.env.PATH}` };
  const file = join(repository.env.HOME!, 'git-litecode.bash');
  writeFileSync(file, await printedScript('bash'));
  const throughGit = completeInBash({ cwd: repository.dir, env, setup: `source ${gitBashCompletion}\nsource ${file}`, lines: ['git liteco'] });
  assert.equal(throughGit[0], ['litecode']);
  // Typed directly, before git's completion is loaded: the script loads it through bash-completion.
  if (existsSync(bashCompletionLoader)) {
    const direct = completeInBash({ cwd: repository.dir, env, setup: `source ${bashCompletionLoader}\nsource ${file}`, command: 'git-litecode', lines: ['git-litecode dr', 'git-litecode apply '] });
    assert.equal(direct, [['drop'], ['litecode/add-retry', 'litecode/fix-typo']]);
  }
});

test('installed where bash-completion looks (~/.local/share/bash-completion/completions/git-litecode), it loads on demand', async () => {
  if (!existsSync(bashCompletionLoader)) {
    console.log(`  (skipped: ${bashCompletionLoader} is not installed; apt-get install bash-completion)`);
    return;
  }
  const repository = await repositoryWithAgentBranches();
  const completions = join(repository.env.HOME!, '.local', 'share', 'bash-completion', 'completions');
  mkdirSync(completions, { recursive: true });
  writeFileSync(join(completions, 'git-litecode'), await printedScript('bash'));
  // As an interactive shell starts: bash-completion, which loads git's completion (and ours) lazily.
  const replies = completeInBash({
    cwd: repository.dir,
    env: { ...repository.env, XDG_DATA_HOME: join(repository.env.HOME!, '.local', 'share') },
    setup: `source ${bashCompletionLoader}\n_completion_loader git`,
    lines: ['git litecode apply ', 'git litecode dr'],
  });
  assert.equal(replies, [['litecode/add-retry', 'litecode/fix-typo'], ['drop']]);
});

test('`completion` inside a repository creates no branch and makes no model call; outside one it exits 0', async () => {
  const repository = await repositoryWithAgentBranches();
  const model = await startFakeModel([{ content: 'completion' }, { content: 'completion' }, { content: 'completion' }]);
  try {
    const env = { ...repository.env, ...model.env() };
    const refsBefore = await repository.git(['for-each-ref', '--format=%(refname) %(objectname)']);
    const inside = await printedScript('bash', repository.dir, env);
    const insideZsh = await printedScript('zsh', repository.dir, env);
    const bare = await runCli(['completion'], { cwd: repository.dir, env: { ...env, SHELL: '/bin/bash' } });
    assert.is(bare.exitCode, 0, bare.stderr);
    assert.is(model.requests.length, 0, 'no model request at all');
    assert.is(await repository.git(['for-each-ref', '--format=%(refname) %(objectname)']), refsBefore);
    assert.is(await repository.git(['status', '--porcelain']), '');
    // The same text as outside a repository: nothing of a run is appended.
    assert.is(inside, await printedScript('bash', outside, env));
    assert.is(bare.stdout, inside);
    assert.is(insideZsh, await printedScript('zsh', outside, env));
  } finally {
    await model.close();
  }
});

test('a mistyped one-word command never reaches the model: exit 2, no branch, no request', async () => {
  const repository = await repositoryWithAgentBranches();
  const model = await startFakeModel([{ content: 'x' }, { content: 'x' }, { content: 'x' }, { content: 'x' }, { content: 'x' }]);
  try {
    const env = { ...repository.env, ...model.env() };
    const refsBefore = await repository.git(['for-each-ref', '--format=%(refname) %(objectname)']);
    for (const typo of ['completions', 'Completion', 'Apply', 'log2', 'sh0w', 'hook_install']) {
      const result = await runCli([typo], { cwd: repository.dir, env });
      assert.is(result.exitCode, 2, `${typo}: ${result.stderr}`);
      assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`unknown command '${typo}'`));
    }
    assert.is(model.requests.length, 0);
    assert.is(await repository.git(['for-each-ref', '--format=%(refname) %(objectname)']), refsBefore);
  } finally {
    await model.close();
  }
});

test('an unknown shell is a usage error', async () => {
  const result = await runCli(['completion', 'fish'], { cwd: outside, env: hermeticEnv() });
  assert.is(result.exitCode, 2);
  assert.is(result.stderr.trim().split('\n').length, 1);
});

test('the zsh script parses (zsh -n) and defines _git-litecode for zsh\'s git completion', async () => {
  const script = await printedScript('zsh');
  assert.match(script, /^#compdef git-litecode\n/);
  assert.match(script, /^_git-litecode \(\) \{$/m);
  if (!which('zsh')) {
    console.log('  (zsh -n skipped: zsh is not installed; apt-get install zsh)');
    return;
  }
  const file = join(outside, '_git-litecode');
  writeFileSync(file, script);
  const check = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
  assert.is(check.status, 0, check.stderr);
});

/** Completes each line in a real interactive zsh (zpty) with compinit and zsh's own git completion. */
function completeInZsh(options: { cwd: string; env: NodeJS.ProcessEnv; beforeCompinit: string; afterCompinit: string; lines: string[] }): string[][] {
  const before = join(options.env.HOME!, 'before-compinit.zsh');
  const after = join(options.env.HOME!, 'after-compinit.zsh');
  writeFileSync(before, options.beforeCompinit);
  writeFileSync(after, options.afterCompinit);
  return options.lines.map((line) => {
    const result = spawnSync('zsh', ['-f', zshDriver, before, after, line], { cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: 30_000 });
    assert.is(result.status, 0, `${line}: ${result.stdout}\n${result.stderr}`);
    return result.stdout
      .split(/\r?\n/)
      .map((text) => text.replace(/\r/g, ''))
      .filter((text) => text.startsWith('MATCH:'))
      .map((text) => text.slice('MATCH:'.length))
      .sort();
  });
}

const zshDriver = join(dirname(new URL(import.meta.url).pathname), 'zsh-complete.zsh');

test('zsh\'s own git completion calls _git-litecode: installed in $fpath, or sourced after compinit', async () => {
  if (!which('zsh')) {
    console.log('  (skipped: zsh is not installed; apt-get install zsh)');
    return;
  }
  const repository = await repositoryWithAgentBranches();
  const functions = join(repository.env.HOME!, '.zfunc');
  mkdirSync(functions, { recursive: true });
  const script = await printedScript('zsh');
  writeFileSync(join(functions, '_git-litecode'), script);
  writeFileSync(join(repository.env.HOME!, 'git-litecode.zsh'), script);
  const lines = ['git litecode ap', 'git litecode apply ', 'git litecode drop add', 'git litecode show --', 'git litecode --provider ', 'git litecode completion ', 'git-litecode dr'];
  const expected = [
    ['apply'],
    ['litecode/add-retry', 'litecode/fix-typo'],
    ['add-retry'],
    ['--calls', '--color', '--help', '--json', '--pager', '--quiet', '--verbose'],
    ['groq', 'ollama'],
    ['bash', 'zsh'],
    ['drop'],
  ];
  const installed = completeInZsh({ cwd: repository.dir, env: repository.env, beforeCompinit: `fpath=(${functions} $fpath)\n`, afterCompinit: '', lines });
  assert.equal(installed, expected);
  const sourced = completeInZsh({ cwd: repository.dir, env: repository.env, beforeCompinit: '', afterCompinit: `source ${join(repository.env.HOME!, 'git-litecode.zsh')}\n`, lines });
  assert.equal(sourced, expected);
});

test.run();
