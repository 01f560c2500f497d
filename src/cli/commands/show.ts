import type { CommandModule } from 'yargs';
import { ExitCode } from '../../errors/litecode-error.js';
import { findAgentCommit } from '../../git/agent-history.js';
import { discoverRepository, type Repository } from '../../git/repository.js';
import { runGit, runGitInteractive } from '../../git/run-git.js';
import { pruneScratchLeftovers } from '../../git/scratch-commit.js';
import type { TranscriptRecord } from '../../model/model-client.js';
import { commandContext } from '../command-context.js';
import { describeCall } from '../render/transcript-call.js';
import type { GlobalArguments } from '../global-options.js';
import { agentCommitJson } from './log.js';

interface ShowArguments extends GlobalArguments {
  revision?: string;
  calls?: boolean;
}

export const showCommand: CommandModule<GlobalArguments, ShowArguments> = {
  command: 'show [revision]',
  describe: "Show one agent change: request, model, checks, then the patch in git's pager",
  builder: (yargs) =>
    yargs
      .positional('revision', { type: 'string', describe: 'A commit, or an agent branch with or without litecode/ (default: the newest agent commit)' })
      .option('calls', { type: 'boolean', default: false, describe: 'Also print the model calls behind the change (transcript records of its run)' }),
  handler: async (argv) => {
    const context = commandContext(argv);
    const repository = await discoverRepository(context.cwd);
    await pruneScratchLeftovers(repository);
    const commit = await findAgentCommit(repository, argv.revision);
    const { metadata } = commit;
    const calls = argv.calls && metadata.runId ? await readCalls(repository, metadata.runId) : undefined;

    if (context.json) {
      const { stdout: patch } = await runGit({ args: ['show', '--format=', '--patch', '--no-color', '--no-ext-diff', commit.sha, '--'], cwd: repository.topLevel });
      context.output.json({ ...agentCommitJson(commit), patch, ...(argv.calls ? { calls: calls ?? [] } : {}) });
      return;
    }
    const { output } = context;
    output.line(`${output.paint('bold', metadata.synthesis)}`);
    output.line(`commit   ${commit.sha} (${commit.state}${commit.branch ? ` on ${commit.branch}` : ''})`);
    output.line(`request  ${metadata.request.replace(/\n/g, '\n         ')}`);
    output.line(`model    ${metadata.model ? `${metadata.provider}/${metadata.model}` : `none (${metadata.kind})`}`);
    output.line(`checks   ${metadata.checks.length ? metadata.checks.join(', ') : 'none'}`);
    for (const file of metadata.files) output.line(`file     ${file.path}: ${file.summary}`);
    for (const path of metadata.missing ?? []) output.line(`missing  ${path}`);
    if (metadata.undoes) output.line(`undoes   ${metadata.undoes}`);
    if (argv.calls) {
      if (!calls || calls.length === 0) output.line(`calls    none recorded${metadata.runId ? ` for run ${metadata.runId}` : ''}`);
      for (const call of calls ?? []) for (const line of describeCall(call, context.verbose)) output.line(line);
    }
    output.line();
    const exitCode = await runGitInteractive({ args: ['--no-optional-locks', 'show', '--ext-diff', commit.sha, '--'], cwd: repository.topLevel });
    if (exitCode !== 0) process.exitCode = ExitCode.gitState;
  },
};

/** Loaded on demand: the model layer pulls in zod, which plain `show` does not need. */
async function readCalls(repository: Repository, runId: string): Promise<TranscriptRecord[]> {
  const { readTranscript } = await import('../../model/model-client.js');
  return readTranscript(repository, runId);
}
