import type { CompletionCommand, CompletionFlag, CompletionTable } from './command-table.js';

const plainWord = /^-{0,2}[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A `name:description` entry for _describe, single-quoted for zsh. */
function describeEntry(name: string, description: string): string {
  const text = `${name}:${description.replace(/[\x00-\x1f\x7f]+/g, ' ').trim()}`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function flagEntries(flags: readonly CompletionFlag[]): string {
  return flags
    .filter((flag) => plainWord.test(flag.spelling))
    .map((flag) => describeEntry(flag.spelling, flag.description))
    .join(' ');
}

/**
 * The zsh completion script: a `_git-litecode` function, which zsh's git completion calls for
 * `git litecode ...`, and (through #compdef) the completion of `git-litecode ...` itself. Works
 * as an autoloaded file in $fpath and when sourced.
 */
export function zshCompletionScript(table: CompletionTable): string {
  const valueFlags = new Map<string, CompletionFlag>();
  for (const flag of [...table.topLevelFlags, ...table.commands.flatMap((command) => command.flags)]) {
    if (flag.takesValue && plainWord.test(flag.spelling) && flag.spelling !== '-C') valueFlags.set(flag.spelling, flag);
  }
  const valueCases = [...valueFlags.values()].map((flag) =>
    flag.choices.length > 0
      ? `    (${flag.spelling}) compadd -- ${flag.choices.filter((choice) => plainWord.test(choice)).join(' ')}; return ;;`
      : `    (${flag.spelling}) _message -e values 'value'; return ;;`,
  );
  const skipValues = [...valueFlags.keys()].join('|');
  const commands = table.commands.filter((command) => plainWord.test(command.name));
  const lines = [
    '#compdef git-litecode',
    '# zsh completion for git litecode, printed by `git litecode completion zsh`.',
    "# zsh's git completion calls _git-litecode for `git litecode ...`. Install (either):",
    '#   mkdir -p ~/.zfunc && git litecode completion zsh > ~/.zfunc/_git-litecode',
    '#   and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)',
    '# or, in ~/.zshrc after compinit: source <(git litecode completion zsh)',
    '',
    '_git-litecode () {',
    '  local i command= directory=',
    '  local -a entries branches',
    '  # words[1] is "litecode" (under git\'s completion) or "git-litecode"; the command is the',
    '  # first later word that is neither a flag nor a flag\'s value.',
    '  for (( i = 2; i < CURRENT; i++ )); do',
    '    case $words[i] in',
    '      (-C) directory=$words[i+1]; (( i++ )) ;;',
    ...(skipValues ? [`      (${skipValues}) (( i++ )) ;;`] : []),
    '      (-*) ;;',
    '      (*) command=$words[i]; break ;;',
    '    esac',
    '  done',
    '  case $words[CURRENT-1] in',
    '    (-C) _directories; return ;;',
    ...valueCases,
    '  esac',
    '  if [[ -z $command ]]; then',
    '    if [[ $PREFIX == -* ]]; then',
    `      entries=(${flagEntries(table.topLevelFlags)})`,
    "      _describe -t options 'git litecode option' entries",
    '    else',
    `      entries=(${commands.map((command) => describeEntry(command.name, command.description)).join(' ')})`,
    "      _describe -t commands 'git litecode command' entries",
    '    fi',
    '    return',
    '  fi',
    '  case $command in',
    ...commands.flatMap(commandCase),
    '  esac',
    '}',
    '',
    '__git_litecode_agent_branches () {',
    "  branches=(${(f)\"$(git ${1:+-C} ${1:+$1} for-each-ref --format='%(refname:strip=2)' refs/heads/litecode/ 2>/dev/null)\"})",
    "  compadd -X 'agent branch' -- $branches",
    '  # The short names too, once the word no longer reads as "litecode/".',
    "  [[ litecode/ == ${PREFIX}* || $PREFIX == litecode/* ]] || compadd -X 'agent branch' -- ${branches#litecode/}",
    '}',
    '',
    'if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then',
    '  _git-litecode "$@"',
    'else',
    '  compdef _git-litecode git-litecode 2>/dev/null',
    'fi',
    '',
  ];
  return lines.join('\n');
}

function commandCase(command: CompletionCommand): string[] {
  const argument = {
    'agent-branch': ['__git_litecode_agent_branches "$directory"'],
    choices: command.argument.kind === 'choices' ? [`compadd -- ${command.argument.choices.filter((word) => plainWord.test(word)).join(' ')}`] : [],
    subcommands: command.argument.kind === 'subcommands' ? [`compadd -- ${command.argument.names.filter((word) => plainWord.test(word)).join(' ')}`] : [],
    none: ['_default'],
  }[command.argument.kind];
  return [
    `    (${command.name})`,
    '      if [[ $PREFIX == -* ]]; then',
    `        entries=(${flagEntries(command.flags)})`,
    "        _describe -t options 'option' entries",
    '      else',
    ...argument.map((line) => `        ${line}`),
    '      fi',
    '      ;;',
  ];
}
