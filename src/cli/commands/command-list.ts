import type { CommandModule } from 'yargs';

/** A command as help and "did you mean" list it, and how to load its yargs module. */
export interface ListedCommand {
  /** As the module's `command`: the name, then its positionals ('$0 …' for the default command). */
  command: string;
  describe: string;
  load(): Promise<CommandModule<any, any>>;
}

/**
 * Every command, in help's order, without loading its module: main.ts loads only the modules of
 * the commands a run can dispatch to. The names and descriptions are the modules' own
 * (test/cli/command-list.test.ts keeps them equal to ./index.ts).
 */
export const listedCommands: readonly ListedCommand[] = [
  { command: '$0 [request..]', describe: 'Plan, edit and commit a change on a litecode/* branch, or answer a question', load: async () => (await import('./run.js')).requestCommand },
  { command: 'run <request..>', describe: 'The same as the default command, for any request, even one word', load: async () => (await import('./run.js')).runCommand },
  { command: 'log', describe: 'List agent commits, newest first: sha, state, branch, age, synthesis, files, model', load: async () => (await import('./log.js')).logCommand },
  { command: 'show [revision]', describe: "Show one agent change: request, model, checks, then the patch, all in git's pager", load: async () => (await import('./show.js')).showCommand },
  { command: 'undo', describe: 'Undo the newest agent change: move its branch back, or propose a revert if it is already in your branch', load: async () => (await import('./undo.js')).undoCommand },
  { command: 'apply [branch]', describe: 'Take an agent branch into the current branch, through git commit (your hooks, template and signing)', load: async () => (await import('./apply.js')).applyCommand },
  { command: 'drop [branch]', describe: 'Delete an agent branch; prints its sha so you can get it back', load: async () => (await import('./drop.js')).dropCommand },
  { command: 'status', describe: 'Pending agent branches, and leftovers of killed runs', load: async () => (await import('./status.js')).statusCommand },
  { command: 'gc', describe: 'Remove the scratch leftovers of killed runs', load: async () => (await import('./gc.js')).gcCommand },
  { command: 'config', describe: 'Show every effective setting, its value and its source (flag, environment, git config scope and file, default)', load: async () => (await import('./config.js')).configCommand },
  { command: 'hook', describe: 'Install or uninstall the pre-commit suggestions hook', load: async () => (await import('./hook.js')).hookCommand },
  { command: 'suggest', describe: 'Review the staged change with the model: a few concrete suggestions per file', load: async () => (await import('./suggest.js')).suggestCommand },
  { command: 'doctor', describe: 'Check git, your identity, the provider and the model, with the fix for each failure', load: async () => (await import('./doctor.js')).doctorCommand },
  { command: 'demo', describe: 'See it work in a minute, before installing a model: a replay in a throwaway repository', load: async () => (await import('./demo.js')).demoCommand },
  { command: 'completion [shell]', describe: 'Print the shell completion script (bash or zsh)', load: async () => (await import('./completion.js')).completionCommand },
];

/** The word a user types for the command (`show`), or undefined for the default command. */
export function commandName(listed: Pick<ListedCommand, 'command'>): string | undefined {
  const name = listed.command.split(' ')[0]!;
  return name === '$0' || name === '*' || name === '' ? undefined : name;
}
