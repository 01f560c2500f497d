# Completes one command line in a real interactive zsh (through zpty) with compinit and zsh's own
# git completion, and prints each match as "MATCH:<word>". Adapted from Valodim's
# zsh-capture-completion (MIT): compadd is wrapped to echo what the completion functions add.
# usage: zsh -f zsh-complete.zsh <zsh file sourced before compinit> <zsh file sourced after> <line>
zmodload zsh/zpty
zpty completing zsh -f -i
local line
setopt rcquotes
() {
  zpty -w completing source $1
  repeat 4; do
    zpty -r completing line
    [[ $line == ok* ]] && return
  done
  echo 'error initializing zsh' >&2
  exit 2
} =( <<< "
PROMPT=
source ${(q)1}
autoload -Uz compinit
compinit -u -d \$HOME/.zcompdump-test
source ${(q)2}
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line () { echo -E - \$'\\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zmodload zsh/zutil
compadd () {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
    builtin compadd \"\$@\"
    return \$?
  fi
  typeset -a __hits
  builtin compadd -A __hits \"\$@\"
  (( \$#__hits )) || return 1
  local hit
  for hit in \$__hits; do echo -E - \"MATCH:\$hit\"; done
}
echo ok
")
zpty -w completing "$3"$'\t'
integer seen=0
while zpty -r completing; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then
    (( seen++ )) && return 0 || continue
  fi
  (( seen )) && echo -E - $line
done
return 2
