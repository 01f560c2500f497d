import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkTalking } from '../../src/guard/talking-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const packageJson = '{\n  "name": "js-app",\n  "version": "1.0.0",\n  "scripts": { "start": "node src/index.js" }\n}\n';
const readme = '# js-app\n\nA tiny API client.\n\n## Usage\n\nRun `npm start`.\n';
const dockerfile = 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/index.js"]\n';
const html = '<!doctype html>\n<html>\n  <body>\n    <h1>Hello</h1>\n  </body>\n</html>\n';
const lua = 'local M = {}\n\nfunction M.greet(name)\n  return "hello " .. name\nend\n\nreturn M\n';
const config = '[server]\nport = 8080\nhost = localhost\n';

/** Replies that talk to the user instead of being the file: refused for every kind. */
const talking: { title: string; path: string; original: string | undefined; proposed: string }[] = [
  { title: 'package.json: apology asking for the file', path: 'package.json', original: packageJson, proposed: "I'm sorry, but I need to see the current contents of package.json first. Could you please provide it?" },
  { title: 'Dockerfile: "Sure! Could you share"', path: 'Dockerfile', original: dockerfile, proposed: 'Sure! Could you share your Dockerfile so I can add a HEALTHCHECK?\n' },
  { title: 'index.html: a refusal', path: 'index.html', original: html, proposed: 'I cannot help with that.\n' },
  { title: 'README: "Here is the updated README"', path: 'README.md', original: readme, proposed: `Here is the updated README with the new section:\n\n${readme}\n## Testing\n\nRun \`npm test\`.\n` },
  { title: 'a .lua file (no grammar): "As an AI"', path: 'src/init.lua', original: lua, proposed: 'As an AI language model, I cannot run Lua code, but here is how you could do it.\n' },
  { title: 'a .cfg file: "Certainly!" lead-in without a colon', path: 'app.cfg', original: config, proposed: `Certainly! I changed the port.\n${config.replace('8080', '9090')}` },
  { title: 'a .txt file: a whole reply asking for input', path: 'notes.txt', original: 'buy milk\nbuy eggs\n', proposed: 'To add that item I would need the current list. Could you paste it here?\n' },
  { title: 'code: the file followed by "Let me know if you need anything else"', path: 'src/init.lua', original: lua, proposed: `${lua.replace('hello', 'hi')}\nLet me know if you need anything else!\n` },
  { title: 'code: the file followed by "I\'ve added ..."', path: 'src/init.lua', original: lua, proposed: `${lua.replace('hello', 'hi')}\nI've added a shorter greeting as requested.\n` },
  { title: 'a new file that is only a question', path: 'src/new.lua', original: undefined, proposed: 'Could you clarify what the module should export?\n' },
  { title: 'Markdown emphasis around the chatter', path: 'README.md', original: readme, proposed: '**Sure!** Here you go:\n\n# js-app\n' },
  { title: 'a curly apostrophe', path: 'config.yaml', original: 'a: 1\n', proposed: 'I’m sorry, I can’t see the file.\n' },
  { title: 'YAML: "Unfortunately, ..."', path: '.github/workflows/ci.yml', original: 'on: push\njobs: {}\n', proposed: 'Unfortunately, I do not have access to your workflow file.\n' },
  { title: 'prose ending in "Let me know if you need anything else!"', path: 'README.md', original: readme, proposed: `${readme}\nLet me know if you need anything else!\n` },
  // The file, then a sentence about it (issue 8's "a reply that is the file plus an explanation").
  ...[
    'I changed the port to 9090 as requested.',
    'I added the lint step after the tests.',
    'This adds a lint step after the tests.',
    'This change bumps the version.',
    'Explanation: the new key sets the port.',
    'With this change, the server listens on 9090.',
    'The only change is the port number.',
    'Now the server will listen on 9090.',
    'The port has been updated to 9090.',
    'Happy coding!',
    'Feel free to adjust the values.',
    '# Let me know if you need anything else!',
    '; I hope this helps.',
  ].map((line) => ({ title: `config ending in ${JSON.stringify(line)}`, path: 'app.cfg', original: config, proposed: `${config.replace('8080', '9090')}\n${line}\n` })),
  { title: 'a Makefile opening "Here you go:" (a valid rule line)', path: 'Makefile', original: 'all:\n\tcc main.c\n', proposed: 'Here you go:\nall:\n\tcc main.c\nlint:\n\tcppcheck .\n' },
  { title: 'a YAML file opening "Updated file:"', path: 'ci.yml', original: 'on: push\n', proposed: 'Updated file:\non: push\njobs: {}\n' },
  { title: 'a shell script ending "This script now prints done."', path: 'scripts/build.sh', original: '#!/bin/sh\necho build\n', proposed: '#!/bin/sh\necho build\necho done\n\nThis script now prints done at the end.\n' },
  { title: 'YAML ending in an "Explanation:" line that parses as a key', path: '.github/workflows/ci.yml', original: 'on: push\njobs: {}\n', proposed: 'on: push\njobs: {}\n\nExplanation: I added nothing else.\n' },
  { title: 'prose ending in a comment "<!-- Let me know if you need anything else -->"', path: 'README.md', original: readme, proposed: `${readme}\n<!-- Let me know if you need any further changes -->\n` },
  { title: 'prose ending in "I hope this helps"', path: 'README.md', original: readme, proposed: `${readme}\n## Testing\n\nRun \`npm test\`.\n\nI hope this helps!\n` },
];

for (const { title, path, original, proposed } of talking) {
  test(`talking: refused: ${title}`, () => {
    const verdict = checkTalking(proposedFile({ path, original, proposed, intendedSymbols: [] }));
    assert.is(verdict.ok, false, `${title} should be refused`);
    if (!verdict.ok) {
      assert.ok(verdict.message.startsWith(`${path}: the reply `), verdict.message);
      assert.match(verdict.message, /message to the user/);
      assert.match(verdict.feedback, new RegExp(`Reply with the complete new content of ${path.replace(/\./g, '\\.')}`));
    }
  });
}

/** Files that legitimately hold such words: by position, shape or the original, they pass. */
const legitimate: { title: string; path: string; original: string | undefined; proposed: string }[] = [
  { title: 'a FAQ in a README asks "Could you provide" in the middle', path: 'README.md', original: readme, proposed: `${readme}\n## FAQ\n\nCould you provide a sample config? See \`examples/\`.\n\nMore below.\n` },
  { title: 'a README that ends "Feel free to open an issue"', path: 'README.md', original: readme, proposed: `${readme}\n## Contributing\n\nFeel free to open an issue.\n` },
  { title: 'a README that ends "Let me know if you find a bug"', path: 'README.md', original: readme, proposed: `${readme}\nLet me know if you find a bug.\n` },
  { title: 'a code comment apologising on the first line', path: 'src/init.lua', original: lua, proposed: `-- Sorry, this module is a hack.\n${lua}` },
  { title: 'a JS comment "Here is the updated parser"', path: 'src/a.js', original: 'export const a = 1;\n', proposed: '// Here is the updated parser:\nexport const a = 2;\n' },
  { title: 'a Python docstring "I\'m sorry"', path: 'a.py', original: 'x = 1\n', proposed: '"""I\'m sorry for this module."""\nx = 2\n' },
  { title: 'an original that already starts conversationally', path: 'notes.txt', original: "I'm sorry I missed the meeting.\nNotes follow.\n", proposed: "I'm sorry I missed the meeting.\nNotes follow.\nAction items: none.\n" },
  { title: 'a line the original already had', path: 'faq.txt', original: 'Q: What now?\nCould you provide more detail?\n', proposed: 'Q: What now?\nCould you provide more detail?\nA: Yes.\n' },
  { title: 'a new README that starts with a heading', path: 'docs/setup.md', original: undefined, proposed: '# Setup\n\nHere is how to install it:\n\n    npm install\n' },
  { title: 'a prose file that starts "Here are the steps" (prose uses only strong openings)', path: 'docs/steps.md', original: undefined, proposed: 'Here are the release steps for maintainers\n\n1. Tag.\n2. Push.\n' },
  { title: 'a status file holding the bare word "OK"', path: 'status.txt', original: 'FAIL\n', proposed: 'OK\n' },
  { title: 'a YAML key named "ok"', path: 'status.yaml', original: 'ok: true\n', proposed: 'ok: false\n' },
  { title: 'an INI file whose first key is "sure"', path: 'app.ini', original: 'sure = 1\n', proposed: 'sure = 2\n' },
  { title: 'a YAML file ending in a key named "changes"', path: 'release.yml', original: 'name: x\n', proposed: 'name: x\nchanges: none\n' },
  { title: 'a README ending "This adds support for X." (prose keeps only strong closings)', path: 'README.md', original: readme, proposed: `${readme}\n## 1.1\n\nThis adds support for YAML.\n` },
  { title: 'a Python file ending in a comment "# This allows reuse"', path: 'a.py', original: 'x = 1\n', proposed: 'x = 2\n# This allows reuse elsewhere.\n' },
  { title: 'a Markdown file whose closing line thanks contributors', path: 'CREDITS.md', original: '# Credits\n\nAlice\n', proposed: '# Credits\n\nAlice\nBob\n\nThank you to everyone who helped.\n' },
];

for (const { title, path, original, proposed } of legitimate) {
  test(`talking: passes: ${title}`, () => {
    const verdict = checkTalking(proposedFile({ path, original, proposed, intendedSymbols: [] }));
    assert.is(verdict.ok, true, verdict.ok ? '' : verdict.message);
  });
}

test.run();
