import type { CommandModule } from 'yargs';

/** A command as help and "did you mean" list it, and how to load its yargs module. */
export interface ListedCommand {
  /** As the module's `command`: the name, then its positionals ('$0 …' for the default command). */
  command: string;
  describe: string;
  load(): Promise<CommandModule<any, any>>;
}

/**
 * Each command's name (with its positionals, '$0 …' for the default command) and description,
 * stated once: the command modules spread them in, and main.ts lists the commands a run cannot
 * dispatch to from them without loading those modules.
 */
export const commandText = {
  request: { command: '$0 [request..]', describe: 'Plan, edit and commit a change on a litecode/* branch, or answer a question' },
  run: { command: 'run <request..>', describe: 'The same as the default command, for any request, even one word' },
  log: { command: 'log', describe: 'List agent commits, newest first: sha, state, branch, age, synthesis, files, model' },
  show: { command: 'show [revision]', describe: "Show one agent change: request, model, checks, then the patch, all in git's pager" },
  undo: { command: 'undo', describe: 'Undo the newest agent change: move its branch back, or propose a revert if it is already in your branch' },
  apply: { command: 'apply [branch]', describe: 'Take an agent branch into the current branch, through git commit (your hooks, template and signing)' },
  drop: { command: 'drop [branch]', describe: 'Delete an agent branch; prints its sha so you can get it back' },
  status: { command: 'status', describe: 'Pending agent branches, and leftovers of killed runs' },
  gc: { command: 'gc', describe: 'Remove the scratch leftovers of killed runs' },
  config: { command: 'config', describe: 'Show every effective setting, its value and its source (flag, environment, git config scope and file, default)' },
  hook: { command: 'hook', describe: 'Install or uninstall the pre-commit suggestions hook' },
  suggest: { command: 'suggest', describe: 'Review the staged change with the model: a few concrete suggestions per file' },
  doctor: { command: 'doctor', describe: 'Check git, your identity, the provider and the model, with the fix for each failure' },
  demo: { command: 'demo', describe: 'See it work in a minute, before installing a model: a replay in a throwaway repository' },
  completion: { command: 'completion [shell]', describe: 'Print the shell completion script (bash or zsh)' },
} as const satisfies Record<string, Pick<ListedCommand, 'command' | 'describe'>>;

/** Every command, in help's order, without loading its module: main.ts loads only the modules of the commands a run can dispatch to. */
export const listedCommands: readonly ListedCommand[] = [
  { ...commandText.request, load: async () => (await import('./run.js')).requestCommand },
  { ...commandText.run, load: async () => (await import('./run.js')).runCommand },
  { ...commandText.log, load: async () => (await import('./log.js')).logCommand },
  { ...commandText.show, load: async () => (await import('./show.js')).showCommand },
  { ...commandText.undo, load: async () => (await import('./undo.js')).undoCommand },
  { ...commandText.apply, load: async () => (await import('./apply.js')).applyCommand },
  { ...commandText.drop, load: async () => (await import('./drop.js')).dropCommand },
  { ...commandText.status, load: async () => (await import('./status.js')).statusCommand },
  { ...commandText.gc, load: async () => (await import('./gc.js')).gcCommand },
  { ...commandText.config, load: async () => (await import('./config.js')).configCommand },
  { ...commandText.hook, load: async () => (await import('./hook.js')).hookCommand },
  { ...commandText.suggest, load: async () => (await import('./suggest.js')).suggestCommand },
  { ...commandText.doctor, load: async () => (await import('./doctor.js')).doctorCommand },
  { ...commandText.demo, load: async () => (await import('./demo.js')).demoCommand },
  { ...commandText.completion, load: async () => (await import('./completion.js')).completionCommand },
];

/** The word a user types for the command (`show`), or undefined for the default command. */
export function commandName(listed: Pick<ListedCommand, 'command'>): string | undefined {
  const name = listed.command.split(' ')[0]!;
  return name === '$0' || name === '*' || name === '' ? undefined : name;
}
