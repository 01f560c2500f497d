import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepositorySnapshot } from '../../src/agent/repository-snapshot.js';
import { userText } from '../../src/fake-model/scripted-reply.js';
import { openRepository } from '../git/agent-commit-helpers.js';
import { checkWrongFile, copyBlobIds } from '../../src/guard/wrong-file-check.js';
import { proposedFile } from '../guard/proposed-file-fixture.js';
import { buildFixtureRepo } from '../support/fixture-repos.js';
import { startFakeModel } from '../support/fake-model.js';
import { generatedRepository as generatedRepositoryOf } from '../support/generated-repository.js';
import { runCli } from '../support/run-cli.js';
import { agentScene, assertOneLineError, planReply } from './agent-scene.js';

/*
 * Issue 11: a request costs what it touches. Git's ignore rules are asked about the paths a
 * request can send (the map's reach, the plan, the neighbours), not every tracked file; a reply
 * that copies a tracked file is found by its blob id, without a map of every file's blob.
 */

const target = 'src/d0/f7.js';
const request = `add a double7 function to ${target}`;
const addition = 'export function double7(value) {\n  return value * 2;\n}\n';

/** `files` generated files under src/dN/, plus src/d0/secret7.js: tracked, but ignored by .gitignore. */
function generatedRepository(files: number) {
  return generatedRepositoryOf(files, { name: 'touches', extraFiles: { '.gitignore': 'secret*.js\n', 'src/d0/secret7.js': 'export const password = "hunter2";\n' } });
}

/**
 * A `git` first on PATH that records what `git check-ignore` reads on stdin and hands
 * everything to the real git: git still does all the work, the test only sees the paths.
 */
function recordingGit(): { binDir: string; log: string; cleanup(): void } {
  const binDir = realpathSync(mkdtempSync(join(tmpdir(), 'litecode-recording-git-')));
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = join(binDir, 'check-ignore-stdin');
  writeFileSync(log, '');
  writeFileSync(
    join(binDir, 'git'),
    `#!/bin/sh\nfor arg in "$@"; do\n  if [ "$arg" = check-ignore ]; then tee -a '${log}' | '${realGit}' "$@"; exit $?; fi\ndone\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(binDir, 'git'), 0o755);
  return { binDir, log, cleanup: () => rmSync(binDir, { recursive: true, force: true }) };
}

test('git check-ignore is asked about the paths an edit can send, not every tracked file; an ignored neighbour stays out of the map', async () => {
  const model = await startFakeModel((recorded) => {
    if (recorded.purpose === 'plan') {
      return {
        content: JSON.stringify({
          kind: 'edit',
          synthesis: `Added double7 to ${target}.`,
          tasks: [{ file: target, action: 'modify', symbols: [], instruction: 'Add an exported double7(value) that returns value * 2.' }],
        }),
      };
    }
    const shown = /----- begin [^\n]+ -----\n([\s\S]*?)----- end /.exec(userText(recorded.body))?.[1] ?? '';
    return { content: `${shown}${addition}` };
  });
  const recorder = recordingGit();
  const asked: Record<number, number> = {};
  try {
    for (const files of [2000, 8000]) {
      const repository = generatedRepository(files);
      try {
        writeFileSync(recorder.log, '');
        const path = `${recorder.binDir}:${repository.env.PATH ?? process.env.PATH ?? ''}`;
        const before = model.chatRequests().length;
        const result = await runCli([request], { cwd: repository.dir, env: { ...repository.env, ...model.env(), PATH: path }, timeoutMs: 180_000 });
        assert.is(result.exitCode, 0, result.stderr);
        const planPrompt = model
          .chatRequests()
          .slice(before)
          .find((recorded) => recorded.purpose === 'plan');
        assert.ok(planPrompt, 'a plan call was made');
        const map = userText(planPrompt!.body);
        assert.match(map, /src\/d0\/f7\.js \(1 lines\)/, 'the named file is in the map');
        assert.match(map, /src\/d0\/f1\.js/, 'its directory is in the map');
        assert.not.match(map, /secret7/, 'a tracked file that .gitignore ignores is left out of the map');
        asked[files] = readFileSync(recorder.log, 'utf8').split('\0').filter(Boolean).length;
      } finally {
        repository.cleanup();
      }
    }
  } finally {
    await model.close();
    recorder.cleanup();
  }
  assert.ok(asked[2000]! > 0, 'git check-ignore was asked at all');
  assert.ok(asked[8000]! < 2000, `8,000 files: ${asked[8000]} paths given to git check-ignore`);
  assert.ok(asked[8000]! <= asked[2000]! * 1.25, `the paths asked about do not grow with the repository: ${asked[2000]} on 2,000 files, ${asked[8000]} on 8,000`);
});

const farAway = "export function farAway(items) {\n  return items.map((item) => item * 3);\n}\n\nexport const FAR = 'away';\n";
const gone = "export function removedLongAgo(value) {\n  return value + 41;\n}\n\nexport const GONE = true;\n";
const createPlan = (file: string) => ({ kind: 'edit', synthesis: `Created ${file}.`, tasks: [{ file, action: 'create', symbols: [], instruction: 'Create a small helper module.' }] });

test('a created file that is a byte-exact copy of a tracked file in another directory is refused, naming that file', async () => {
  const commits = [{ message: 'Add a far-away module', files: { 'lib/far/away.js': farAway } }];
  const scene = await agentScene('js-app', [planReply(createPlan('src/new/helper.js')), { match: { purpose: 'edit' }, content: farAway }, { match: { purpose: 'repair' }, content: farAway }], { commits });
  try {
    const result = await scene.litecode(['create src/new/helper.js with a small helper']);
    assertOneLineError(result, 1, /wrong-file: .*a copy of lib\/far\/away\.js, the wrong file/);
    assert.equal(scene.agentBranches(), []);
  } finally {
    await scene.close();
  }
});

test('a created file equal to a blob that exists only in history is not a copy of a tracked file: it lands', async () => {
  const commits = [
    { message: 'Add a module', files: { 'old/gone.js': gone } },
    { message: 'Remove it', files: { 'old/gone.js': null } },
  ];
  const scene = await agentScene('js-app', [planReply(createPlan('src/revived.js')), { match: { purpose: 'edit' }, content: gone }], { commits });
  try {
    const result = await scene.litecode(['create src/revived.js with a small helper']);
    assert.is(result.exitCode, 0, result.stderr);
    const [branch] = scene.agentBranches();
    assert.is(scene.fileAt(branch!, 'src/revived.js'), gone);
    scene.assertFsckClean();
  } finally {
    await scene.close();
  }
});

test('the snapshot finds a tracked copy by blob id in a SHA-256 repository, and not a blob only history holds', async () => {
  const repo = await buildFixtureRepo('js-app', {
    objectFormat: 'sha256',
    commits: [
      { message: 'Add', files: { 'lib/far/away.js': farAway, 'old/gone.js': gone } },
      { message: 'Remove', files: { 'old/gone.js': null } },
    ],
  });
  try {
    const repository = await openRepository(repo.dir, repo.env);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' }).trim();
    const snapshot = await RepositorySnapshot.load(repository, head);
    assert.is(snapshot.objectFormat, 'sha256');
    const copies = await snapshot.trackedCopiesOf(copyBlobIds(farAway, 'sha256'));
    assert.equal([...copies.values()], ['lib/far/away.js']);
    const verdict = checkWrongFile(proposedFile({ path: 'src/new.js', original: undefined, proposed: farAway, otherFiles: [], trackedBlobIds: copies }));
    assert.is(verdict.ok, false);
    if (!verdict.ok) assert.is(verdict.message, 'src/new.js: the reply is a copy of lib/far/away.js, the wrong file, not src/new.js, the new file');
    assert.is((await snapshot.trackedCopiesOf(copyBlobIds(gone, 'sha256'))).size, 0, 'a blob only history holds is no tracked file');
    assert.is((await snapshot.trackedCopiesOf(copyBlobIds('brand new\ncontent\n', 'sha256'))).size, 0);
  } finally {
    repo.cleanup();
  }
});

test.run();
