// What the scripted model answers during one trial: the task's correct reply for the call's
// purpose and target, damaged per the failure profile. Records the damage it drew.
import { userText } from '../../dist/fake-model/scripted-reply.js';
import { damageCodeReply, damagePlanReply } from './reply-damage.mjs';
import { fixtureText } from './tasks.mjs';

/** Source files per fixture: where a wrong-file reply takes its content from. */
const fixtureSources = {
  'js-app': ['src/utils.js', 'src/api.js', 'src/auth.js'],
  'ts-lib': ['src/math.ts', 'src/strings.ts'],
  'py-tool': ['tool/main.py', 'tool/helpers.py'],
};

/**
 * @param {import('./tasks.mjs').SuiteTask} task
 * @param {import('./profiles.mjs').FailureProfile} profile
 * @param {() => number} random
 * @returns {{ reply: (request: object) => object; damages: string[] }}
 */
export function scriptedModel(task, profile, random) {
  const damages = [];
  const reply = (request) => {
    const purpose = request.purpose;
    if (purpose === 'plan') {
      const { reply: planReply, damage } = damagePlanReply(task.plan, profile, random);
      damages.push(`plan:${damage}`);
      return planReply;
    }
    if (purpose === 'answer') {
      damages.push('answer:none');
      return { content: task.answer ?? 'I cannot tell.' };
    }
    if (purpose === 'edit' || purpose === 'repair') {
      const target = codeTarget(task, userText(request.body));
      const { reply: codeReply, damage } = damageCodeReply(target, profile, random);
      damages.push(`${purpose}(${target.symbolName ?? target.path}):${damage}`);
      return codeReply;
    }
    damages.push(`${purpose ?? 'unknown'}:unscripted`);
    return { failure: 'http-500' };
  };
  return { reply, damages };
}

function codeTarget(task, text) {
  const path = /Your task for (\S+?):/.exec(text)?.[1];
  if (!path) throw new Error(`scripted model: no target file in the edit prompt:\n${text.slice(0, 400)}`);
  const symbolName = /Current source of (\S+?):\n/.exec(text)?.[1];
  const symbolEdit = symbolName ? task.symbolEdits?.[path]?.find((entry) => entry.name === symbolName) : undefined;
  if (symbolName && !symbolEdit) throw new Error(`scripted model: task ${task.id} has no symbol edit for ${path} ${symbolName}`);
  const intended = symbolEdit ? symbolEdit.after : task.replies[path];
  if (intended === undefined) throw new Error(`scripted model: task ${task.id} has no reply for ${path}`);
  const otherPath = fixtureSources[task.fixture].find((candidate) => candidate !== path);
  return {
    intended,
    path,
    symbolMode: symbolEdit !== undefined,
    symbolName,
    neighbours: task.neighbours[path] ?? [],
    otherFile: otherPath ? fixtureText(task.fixture, otherPath) : undefined,
  };
}
