// One trial: a fresh copy of the fixture repository, one real `runRequest` against the scripted
// model, then the oracle and the token counts from the transcript the client wrote.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runRequest } from '../../dist/agent/run-request.js';
import { judgeTrial, userState } from './oracle.mjs';
import { seededRandom } from './profiles.mjs';
import { scriptedModel } from './scripted-model.mjs';

/**
 * @param {{ task: import('./tasks.mjs').SuiteTask; profile: import('./profiles.mjs').FailureProfile; seed: number;
 *   template: string; repository: string; server: { setHandler: (handler: (request: object) => object) => void };
 *   settingsFlags: object }} input
 */
export async function runTrial({ task, profile, seed, template, repository, server, settingsFlags }) {
  cpSync(template, repository, { recursive: true });
  try {
    const model = scriptedModel(task, profile, seededRandom(seed));
    server.setHandler(model.reply);
    const before = await userState(repository);
    const editModes = [];
    let outcome;
    let error;
    try {
      outcome = await runRequest({
        cwd: repository,
        request: task.request,
        settingsFlags,
        snapshot: false,
        newBranch: false,
        keepPartial: false,
        onEvent: (event) => {
          if (event.type === 'file-done' && event.ok) editModes.push(event.detail);
        },
      });
    } catch (caught) {
      error = caught;
    }
    const judgement = await judgeTrial({ repository, task, before, outcome, error });
    return { ...judgement, damages: model.damages, editModes, usage: transcriptUsage(repository) };
  } finally {
    rmSync(repository, { recursive: true, force: true });
  }
}

/** Calls and tokens as the model client recorded them: the server's prompt count when it gave one. */
function transcriptUsage(repository) {
  let lines = [];
  try {
    lines = readFileSync(join(repository, '.git', 'litecode', 'transcript.jsonl'), 'utf8').split('\n').filter(Boolean);
  } catch {
    return { calls: 0, promptTokens: 0, completionTokens: 0 };
  }
  const records = lines.map((line) => JSON.parse(line));
  return {
    calls: records.length,
    promptTokens: records.reduce((sum, record) => sum + (record.tokens.server ?? record.tokens.ours), 0),
    completionTokens: records.reduce((sum, record) => sum + (record.tokens.completion ?? Math.ceil((record.reply ?? '').length / 4)), 0),
  };
}
