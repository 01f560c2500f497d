import type { CheckedTask } from '../guard/plan-check.js';
import { terminalSafeLine } from '../text/terminal-safe-text.js';

const maxSynthesisLength = 120;

const pastTense: Record<CheckedTask['action'], string> = {
  modify: 'Changed',
  create: 'Created',
  delete: 'Deleted',
  rename: 'Renamed',
  read: 'Read',
};

/** One sentence for the commit subject: the model's synthesis when usable, else composed from the tasks. */
export function chooseSynthesis(modelSynthesis: string, tasks: readonly CheckedTask[]): string {
  const cleaned = terminalSafeLine(modelSynthesis).replace(/\s+/g, ' ').trim().replace(/^["'`]+|["'`]+$/g, '');
  if (isUsableSynthesis(cleaned)) return /[.!]$/.test(cleaned) ? cleaned : `${cleaned}.`;
  return composeSynthesis(tasks);
}

export function isUsableSynthesis(text: string): boolean {
  return text.length >= 8 && text.length <= maxSynthesisLength && !/[{}<>]|```/.test(text) && /[a-z]/i.test(text);
}

export function composeSynthesis(tasks: readonly CheckedTask[]): string {
  const parts = tasks
    .filter((task) => task.action !== 'read')
    .map((task) => {
      if (task.action === 'rename') return `Renamed ${task.symbols[0]} to ${task.newName} in ${task.file}`;
      const symbols = task.symbols.length ? `${task.symbols.join(', ')} in ` : '';
      return `${pastTense[task.action]} ${symbols}${task.file}`;
    });
  const sentence = parts.join('; ') || 'Changed nothing';
  return sentence.length > maxSynthesisLength - 1 ? `${sentence.slice(0, maxSynthesisLength - 2).replace(/[;,\s]+\S*$/, '')}.` : `${sentence}.`;
}

/** The one line per file in the commit body. */
export function describeTask(task: CheckedTask): string {
  if (task.action === 'rename') return `renamed ${task.symbols[0]} to ${task.newName}`;
  const instruction = task.instruction.replace(/\s+/g, ' ').trim();
  if (instruction) return instruction.length > 100 ? `${instruction.slice(0, 97)}...` : instruction;
  return pastTense[task.action].toLowerCase();
}
