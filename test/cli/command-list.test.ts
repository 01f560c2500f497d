import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listedCommands } from '../../src/cli/commands/command-list.js';
import { commandModules } from '../../src/cli/commands/index.js';
import { commandModulesFor } from '../../src/cli/main.js';
import { buildRepoFromFiles } from '../support/fixture-repos.js';
import { runCli } from '../support/run-cli.js';

// main.ts registers the commands a run cannot dispatch to from this list, so help and "did you
// mean" read the list: it must say what the modules say.
test('the command list names and describes every command as its module does, in the same order', async () => {
  const listed = listedCommands.map(({ command, describe }) => ({ command, describe }));
  const modules = commandModules.map(({ command, describe, aliases }) => ({ command, describe, aliases }));
  assert.equal(listed, modules.map(({ command, describe }) => ({ command, describe })));
  assert.equal(modules.filter(({ aliases }) => aliases !== undefined), [], 'no aliases (the list has none)');
  for (const [index, entry] of listedCommands.entries()) assert.is(await entry.load(), commandModules[index], `${entry.command} loads its own module`);
});

test('a run loads the modules of the commands it may dispatch to, and lists the others by name', async () => {
  const loaded = async (args: string[]) => {
    const registered = await commandModulesFor(args);
    assert.equal(registered.map(({ command }) => command), commandModules.map(({ command }) => command));
    return registered.filter((module, index) => module === commandModules[index]).map(({ command }) => String(command).split(' ')[0]);
  };
  assert.equal(await loaded(['log']), ['log']);
  assert.equal(await loaded(['show', 'HEAD~1', '--json']), ['show']);
  assert.equal(await loaded(['add retry to fetchUser']), ['$0']);
  assert.equal(await loaded([]), ['$0']);
  // Not first: the default command may run too (the words after -- are a request's).
  assert.equal(await loaded(['--no-pager', 'log']), ['$0', 'log']);
  assert.equal(await loaded(['-C', 'config', 'status']), ['$0', 'status', 'config']);
  assert.equal(await loaded(['--', 'log']), ['$0', 'log']);
  assert.equal(await loaded(['hook', 'install']), ['hook']);
});

test('with only the dispatched command loaded, help lists every command and a command parses its own options', async () => {
  const repository = await buildRepoFromFiles();
  const env = repository.env;
  try {
    const help = await runCli(['--help'], { cwd: repository.dir, env });
    assert.is(help.exitCode, 0, help.stderr);
    for (const { command, describe } of listedCommands) {
      assert.ok(help.stdout.includes(`git litecode ${command.replace(/^\$0 /, '')}`), `${command} in help`);
      assert.ok(help.stdout.replace(/\s+/g, ' ').includes(describe.slice(0, 30)), `${command}'s description in help`);
    }
    // -n belongs to log's module: parsed, not an unknown option of a command registered by name.
    const log = await runCli(['log', '-n', '1', '--json'], { cwd: repository.dir, env });
    assert.is(log.exitCode, 0, log.stderr);
    assert.equal(JSON.parse(log.stdout), []);
    const mistyped = await runCli(['lgo'], { cwd: repository.dir, env });
    assert.match(mistyped.stderr, /did you mean 'log'/);
    const unknownOption = await runCli(['status', '--limit', '3'], { cwd: repository.dir, env });
    assert.is.not(unknownOption.exitCode, 0);
    assert.match(unknownOption.stderr, /limit/);
  } finally {
    repository.cleanup();
  }
});

test.run();
