import yargs, { type Argv, type CommandModule, type Options } from 'yargs';

/** One flag as a shell completes it: `--squash`, `-n`. */
export interface CompletionFlag {
  /** With its dashes: `--squash`, `-C`. */
  spelling: string;
  /** Whether the next word is the flag's value (`--model qwen`), which is never a command or branch. */
  takesValue: boolean;
  /** The values it accepts, when yargs knows them (`--provider ollama|groq`). */
  choices: string[];
  description: string;
}

/** What the word after a command's flags is. */
export type CompletionArgument =
  | { kind: 'agent-branch' }
  | { kind: 'choices'; choices: string[] }
  | { kind: 'subcommands'; names: string[] }
  | { kind: 'none' };

export interface CompletionCommand {
  name: string;
  description: string;
  flags: CompletionFlag[];
  argument: CompletionArgument;
}

export interface CompletionTable {
  commands: CompletionCommand[];
  /** Flags before any command: the global ones plus the default (request) command's. */
  topLevelFlags: CompletionFlag[];
}

/**
 * Flags whose value is only ever written `--flag=<value>`: git's `--color[=<when>]`, where a bare
 * `--color` means always (colorFlagWithValue), so the next word is a command, not its value.
 */
const valueOnlyAfterEquals = new Set(['color']);

/** Commands whose argument names an agent branch (litecode/*), completed from the repository's refs. */
const agentBranchCommands = new Set(['apply', 'drop', 'show']);

/** The parts of a yargs instance this reads: what a command's builder declared. */
interface DeclaredOptions {
  getOptions(): {
    key: Record<string, unknown>;
    boolean: string[];
    count: string[];
    alias: Record<string, string[]>;
    choices: Record<string, string[]>;
    hiddenOptions: string[];
  };
  getInternalMethods(): {
    getCommandInstance(): { getCommands(): string[] };
    getUsageInstance(): { getDescriptions(): Record<string, string | undefined> };
  };
}

/**
 * The completion table, read from the command modules themselves: each builder runs against a
 * fresh yargs instance and the options it declared are read back. So a new command or flag is
 * completed without anyone editing the completion scripts.
 */
export function completionTable(modules: readonly CommandModule<any, any>[], globalOptions: Record<string, Options>): CompletionTable {
  const globalFlags = flagsOf(declared((instance) => instance.options(globalOptions)), new Set());
  const helpFlags: CompletionFlag[] = [
    { spelling: '--help', takesValue: false, choices: [], description: 'Show help' },
    { spelling: '-h', takesValue: false, choices: [], description: 'Show help' },
  ];
  const commands: CompletionCommand[] = [];
  let requestFlags: CompletionFlag[] = [];
  for (const module of modules) {
    const [name, ...positionalWords] = commandWords(module);
    if (!name) continue;
    const instance = declared((fresh) => applyBuilder(fresh, module));
    const positionals = new Set(positionalWords.map((word) => word.replace(/^[<[]|\.*[>\]]$/g, '')));
    const flags = flagsOf(instance, positionals);
    if (name === '$0') {
      requestFlags = flags;
      continue;
    }
    commands.push({
      name,
      description: typeof module.describe === 'string' ? module.describe : '',
      flags: uniqueFlags([...flags, ...globalFlags, ...helpFlags]),
      argument: argumentOf(name, instance, positionals),
    });
  }
  const versionFlags: CompletionFlag[] = [
    { spelling: '--version', takesValue: false, choices: [], description: 'Show version number' },
    { spelling: '-V', takesValue: false, choices: [], description: 'Show version number' },
  ];
  return { commands, topLevelFlags: uniqueFlags([...requestFlags, ...globalFlags, ...helpFlags, ...versionFlags]) };
}

function declared(build: (instance: Argv) => unknown): DeclaredOptions {
  const instance = yargs([]).version(false).help(false);
  build(instance);
  return instance as unknown as DeclaredOptions;
}

function applyBuilder(instance: Argv, module: CommandModule<any, any>): void {
  if (typeof module.builder === 'function') module.builder(instance);
  else if (module.builder) instance.options(module.builder as Record<string, Options>);
}

function commandWords(module: CommandModule<any, any>): string[] {
  const command = Array.isArray(module.command) ? module.command[0] : module.command;
  return typeof command === 'string' ? command.trim().split(/\s+/) : [];
}

function flagsOf(instance: DeclaredOptions, positionals: ReadonlySet<string>): CompletionFlag[] {
  const options = instance.getOptions();
  const descriptions = instance.getInternalMethods().getUsageInstance().getDescriptions();
  const hidden = new Set(options.hiddenOptions);
  const flags: CompletionFlag[] = [];
  for (const key of Object.keys(options.key)) {
    if (positionals.has(key) || hidden.has(key) || key === 'help' || key === 'version') continue;
    // yargs lists each alias as a key of its own; the flag is listed once, under its main name.
    if (Object.values(options.alias).some((aliases) => aliases.includes(key))) continue;
    const takesValue = !options.boolean.includes(key) && !options.count.includes(key) && !valueOnlyAfterEquals.has(key);
    const description = (descriptions[key] ?? '').replace(/^__yargsString__:/, '');
    for (const spelling of [key, ...(options.alias[key] ?? [])]) {
      flags.push({ spelling: spelling.length === 1 ? `-${spelling}` : `--${spelling}`, takesValue, choices: options.choices[key] ?? [], description });
    }
  }
  return flags;
}

function argumentOf(name: string, instance: DeclaredOptions, positionals: ReadonlySet<string>): CompletionArgument {
  if (agentBranchCommands.has(name)) return { kind: 'agent-branch' };
  const subcommands = instance.getInternalMethods().getCommandInstance().getCommands();
  if (subcommands.length > 0) return { kind: 'subcommands', names: subcommands };
  const choices = instance.getOptions().choices;
  for (const positional of positionals) if (choices[positional]?.length) return { kind: 'choices', choices: choices[positional]! };
  return { kind: 'none' };
}

function uniqueFlags(flags: CompletionFlag[]): CompletionFlag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => !seen.has(flag.spelling) && seen.add(flag.spelling));
}
