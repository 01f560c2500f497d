import { spawn } from 'node:child_process';
import { ExitCode } from '../../errors/litecode-error.js';
import { findAgentCommit } from '../../git/agent-history.js';
import { discoverRepository, type Repository } from '../../git/repository.js';
import { gitArgs, gitEnv, runGit } from '../../git/run-git.js';
import { pruneScratchLeftovers } from '../../git/scratch-leftovers.js';
import type { TranscriptRecord } from '../../model/model-client.js';
import { terminalSafeLine, terminalSafeText } from '../../text/terminal-safe-text.js';
import { colorWhenFromArgv } from '../color-choice.js';
import { commandContext } from '../command-context.js';
import type { ShowArguments } from '../commands/show.js';
import { startPager, type Pager } from '../pager.js';
import { describeCall } from '../render/transcript-call.js';
import { agentCommitJson } from '../render/agent-commit.js';

/** `git litecode show`: the header and the patch as one page, through git's pager on a terminal. */
export async function showChange(argv: ShowArguments): Promise<void> {
  const context = commandContext(argv);
  const repository = await discoverRepository(context.cwd);
  await pruneScratchLeftovers(repository);
  const commit = await findAgentCommit(repository, argv.revision, { head: repository.headAtDiscovery });
  const { metadata } = commit;
  const calls = argv.calls && metadata.runId ? await readCalls(repository, metadata.runId) : undefined;

  if (context.json) {
    const { stdout: patch } = await runGit({ args: ['show', '--format=', '--patch', '--no-color', '--no-ext-diff', commit.sha, '--'], cwd: repository.topLevel });
    context.output.json({ ...agentCommitJson(commit), patch, ...(argv.calls ? { calls: calls ?? [] } : {}) });
    return;
  }
  const pager = await startPager(repository.topLevel, context.pager);
  if (pager) context.output.sendResultsTo(pager.input);
  const { output } = context;
  output.line(`${output.paint('bold', terminalSafeLine(metadata.synthesis))}`);
  output.line(`commit   ${commit.sha} (${commit.state}${commit.branch ? ` on ${terminalSafeLine(commit.branch)}` : ''})`);
  output.line(`request  ${terminalSafeText(metadata.request).replace(/\n/g, '\n         ')}`);
  output.line(`model    ${metadata.model ? terminalSafeLine(`${metadata.provider}/${metadata.model}`) : `none (${metadata.kind})`}`);
  output.line(`checks   ${metadata.checks.length ? terminalSafeLine(metadata.checks.join(', ')) : 'none'}`);
  for (const file of metadata.files) output.line(`file     ${terminalSafeLine(file.path)}: ${terminalSafeLine(file.summary)}`);
  for (const path of metadata.missing ?? []) output.line(`missing  ${terminalSafeLine(path)}`);
  if (metadata.undoes) output.line(`undoes   ${terminalSafeLine(metadata.undoes)}`);
  if (argv.calls) {
    if (!calls || calls.length === 0) output.line(`calls    none recorded${metadata.runId ? ` for run ${terminalSafeLine(metadata.runId)}` : ''}`);
    for (const call of calls ?? []) for (const line of describeCall(call, context.verbose)) output.line(line);
  }
  output.line();
  // The patch is git's own: its colours (color.diff), difftools (--ext-diff) and pager. The
  // message is not: the header above is its clean form, and a commit made by hand or by an
  // older version may hold escape sequences that git would print as they are.
  const colorFlag = colorWhenFromArgv(argv.color);
  const color = colorFlag === 'always' ? ['--color=always'] : output.color ? [] : ['--no-color'];
  const exitCode = await runGitShow(['show', '--ext-diff', `--format=${gitShowHeader}`, ...color, commit.sha, '--'], repository.topLevel, pager);
  if (pager) await pager.finish();
  if (exitCode !== 0) process.exitCode = ExitCode.gitState;
}

const gitShowHeader = '%C(yellow)commit %H%C(reset)%nAuthor: %an <%ae>%nDate:   %ad%n';

/**
 * Into our pager: git must not start its own, and colours as it would for a pager
 * (GIT_PAGER_IN_USE). Without one, git gets the terminal as for plain `git show`, but no pager.
 */
function runGitShow(args: string[], cwd: string, pager: Pager | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = pager
      ? spawn('git', gitArgs(args), { cwd, env: gitEnv({ GIT_PAGER_IN_USE: 'true', LC_ALL: process.env.LC_ALL, LANGUAGE: process.env.LANGUAGE }), stdio: ['ignore', 'pipe', 'inherit'] })
      : // No pager of ours means none at all (--no-pager, a pipe, git's pager already running).
        spawn('git', gitArgs(['--no-pager', ...args]), { cwd, stdio: 'inherit' });
    child.on('error', reject);
    if (pager) {
      child.stdout!.pipe(pager.input, { end: false });
      // The user quit the pager: the rest of the patch has nowhere to go.
      pager.input.once('error', () => child.kill());
    }
    child.on('close', (code) => resolve(pager?.closed ? 0 : (code ?? 1)));
  });
}

/** Loaded on demand: the model layer pulls in zod, which plain `show` does not need. */
async function readCalls(repository: Repository, runId: string): Promise<TranscriptRecord[]> {
  const { readTranscript } = await import('../../model/model-client.js');
  return readTranscript(repository, runId);
}
