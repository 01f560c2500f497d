import { resyncAdvice } from '../../handoff/hook/hook-manager.js';
import { installHook } from '../../handoff/hook/install-hook.js';
import type { Resync } from '../../handoff/hook/settle-resync.js';
import { uninstallHook } from '../../handoff/hook/uninstall-hook.js';
import { discoverRepository } from '../../git/repository.js';
import { commandContext } from '../command-context.js';
import type { GlobalArguments } from '../global-options.js';

export async function installPreCommitHook(argv: GlobalArguments): Promise<void> {
  const context = commandContext(argv);
  const result = await installHook(await discoverRepository(context.cwd));
  if (context.json) return context.output.json(result);
  if (result.resync) context.output.info(describeResync(result.resync));
  context.output.info(
    result.outcome === 'installed'
      ? `installed the git-litecode pre-commit hook: ${result.hookPath}`
      : `the git-litecode pre-commit hook is already installed: ${result.hookPath} (brought up to date)`,
  );
  if (result.chainedHookPath) {
    context.output.info(`your existing pre-commit hook now lives at ${result.chainedHookPath}; it runs first and its exit code still decides the commit`);
  }
  if (result.manager) context.output.info(resyncAdvice(result.manager));
}

export async function uninstallPreCommitHook(argv: GlobalArguments): Promise<void> {
  const context = commandContext(argv);
  const result = await uninstallHook(await discoverRepository(context.cwd));
  if (context.json) return context.output.json(result);
  if (result.resync) {
    context.output.info(describeResync(result.resync));
    return context.output.info(`removed what was left of the git-litecode pre-commit hook; ${result.hookPath} is ${managerName(result.resync)}'s and stays`);
  }
  if (result.outcome === 'not-installed') return context.output.info(`the git-litecode pre-commit hook is not installed (${result.hookPath}); nothing changed`);
  context.output.info(`removed the git-litecode pre-commit hook from ${result.hookPath}`);
  if (result.restoredHookPath) context.output.info(`restored your own pre-commit hook: ${result.restoredHookPath}`);
}

function managerName(resync: Resync): string {
  return resync.manager ?? 'the hook manager';
}

function describeResync(resync: Resync): string {
  return `${managerName(resync)} had re-synced over the git-litecode hook; cleared its leftovers (${resync.removed.join(', ')})`;
}
