import type { CompletionCommand, CompletionFlag, CompletionTable } from './command-table.js';

/** Only plain words reach the script: a name with a space or a quote could not be completed anyway. */
const plainWord = /^-{0,2}[A-Za-z0-9][A-Za-z0-9._-]*$/;

function words(list: readonly string[]): string {
  return list.filter((word) => plainWord.test(word)).join(' ');
}

/**
 * The bash completion script: a static `_git_litecode` that git's own bash completion calls for
 * `git litecode ...` (with its helpers __gitcomp, __gitcomp_nl and __git), plus `git-litecode ...`
 * typed directly. Each keystroke costs one `git for-each-ref` at most, never a node start.
 */
export function bashCompletionScript(table: CompletionTable): string {
  const valueFlags = new Map<string, CompletionFlag>();
  for (const flag of [...table.topLevelFlags, ...table.commands.flatMap((command) => command.flags)]) {
    // -C is handled on its own: its value is also where the branches are read.
    if (flag.takesValue && plainWord.test(flag.spelling) && flag.spelling !== '-C') valueFlags.set(flag.spelling, flag);
  }
  const valueFlagPattern = [...valueFlags.keys()].join(' | ');
  const valueCases = [...valueFlags.values()].map((flag) =>
    flag.choices.length > 0 ? `\t${flag.spelling}) __gitcomp "${words(flag.choices)}"; return 0 ;;` : `\t${flag.spelling}) return 0 ;;`,
  );
  const commandCases = table.commands.filter((command) => plainWord.test(command.name)).map(commandCase);
  const lines = [
    '# bash completion for git litecode, printed by `git litecode completion bash`.',
    "# It works through git's own bash completion, which calls _git_litecode for `git litecode ...`.",
    '# Install (either):',
    '#   mkdir -p ~/.local/share/bash-completion/completions',
    '#   git litecode completion bash > ~/.local/share/bash-completion/completions/git-litecode',
    '# or',
    '#   git litecode completion bash >> ~/.bashrc',
    '',
    '# Agent branches (litecode/*) for apply, drop and show: full names, or the short ones once the',
    '# word no longer reads as "litecode/". $1: a directory given to litecode\'s own -C, if any.',
    '__git_litecode_agent_branches ()',
    '{',
    '\tlocal refs short',
    "\trefs=\"$(__git ${1:+-C \"$1\"} for-each-ref --format='%(refname:strip=2)' refs/heads/litecode/)\"",
    '\tif [[ "litecode/" == "$cur"* || "$cur" == litecode/* ]]; then',
    '\t\t__gitcomp_nl "$refs"',
    '\telse',
    "\t\tshort=$'\\n'\"$refs\"",
    "\t\t__gitcomp_nl \"${short//$'\\n'litecode\\//$'\\n'}\"",
    '\tfi',
    '}',
    '',
    '_git_litecode ()',
    '{',
    '\tlocal i start="${__git_cmd_idx-}" command="" directory=""',
    '\t# Where the words of `git litecode` (or `git-litecode`) start, when git did not say.',
    '\tif [ -z "$start" ]; then',
    '\t\tfor ((i = 0; i < cword; i++)); do',
    '\t\t\tcase "${words[i]}" in',
    '\t\t\tlitecode | git-litecode | */git-litecode) start=$i; break ;;',
    '\t\t\tesac',
    '\t\tdone',
    '\t\t[ -n "$start" ] || return 0',
    '\tfi',
    '\t# The command is the first word that is neither a flag nor a flag\'s value.',
    '\tfor ((i = start + 1; i < cword; i++)); do',
    '\t\tcase "${words[i]}" in',
    '\t\t-C) directory="${words[i + 1]-}"; ((i++)) ;;',
    ...(valueFlagPattern ? [`\t\t${valueFlagPattern}) ((i++)) ;;`] : []),
    '\t\t-*) ;;',
    '\t\t*) command="${words[i]}"; break ;;',
    '\t\tesac',
    '\tdone',
    '\t# A flag\'s value: its choices, else (a path, a model name) bash\'s default completion.',
    '\tcase "$prev" in',
    '\t-C) return 0 ;;',
    ...valueCases,
    '\tesac',
    '\tcase "$command" in',
    '\t"")',
    '\t\tcase "$cur" in',
    `\t\t-*) __gitcomp "${words(table.topLevelFlags.map((flag) => flag.spelling))}" ;;`,
    `\t\t*) __gitcomp "${words(table.commands.map((command) => command.name))}" ;;`,
    '\t\tesac',
    '\t\t;;',
    ...commandCases,
    '\tesac',
    '}',
    '',
    '# `git-litecode ...` typed directly: the same function, once git\'s completion is loaded.',
    '__git_litecode_standalone ()',
    '{',
    '\tif ! declare -F __git_func_wrap >/dev/null 2>&1 && declare -F __load_completion >/dev/null 2>&1; then',
    '\t\t__load_completion git',
    '\tfi',
    '\tdeclare -F __git_func_wrap >/dev/null 2>&1 && __git_func_wrap _git_litecode',
    '}',
    'complete -o bashdefault -o default -o nospace -F __git_litecode_standalone git-litecode 2>/dev/null ||',
    '\tcomplete -o default -o nospace -F __git_litecode_standalone git-litecode',
    '',
  ];
  return lines.join('\n');
}

function commandCase(command: CompletionCommand): string {
  const flags = `__gitcomp "${words(command.flags.map((flag) => flag.spelling))}"`;
  const argument = {
    'agent-branch': '__git_litecode_agent_branches "$directory"',
    choices: command.argument.kind === 'choices' ? `__gitcomp "${words(command.argument.choices)}"` : '',
    subcommands: command.argument.kind === 'subcommands' ? `__gitcomp "${words(command.argument.names)}"` : '',
    none: '',
  }[command.argument.kind];
  return [
    `\t${command.name})`,
    '\t\tcase "$cur" in',
    `\t\t-*) ${flags} ;;`,
    ...(argument ? [`\t\t*) ${argument} ;;`] : []),
    '\t\tesac',
    '\t\t;;',
  ].join('\n');
}
