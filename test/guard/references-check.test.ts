import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkReferences } from '../../src/guard/references-check.js';
import { proposedFile } from './proposed-file-fixture.js';

const api = `import { buildUrl, parseJson } from './utils.js';

const BASE_URL = 'https://api.example.com';

export async function fetchUser(id) {
  const response = await fetch(buildUrl(BASE_URL, \`/users/\${id}\`));
  return parseJson(await response.text());
}
`;
const tool = `import os


def main(argv):
    path = os.path.join(argv[0], "x")
    return path
`;

const cases: { title: string; path: string; original: string | undefined; proposed: string; ok: boolean; symbolMode?: boolean }[] = [
  // Refused: a new name that is defined nowhere and imported from nowhere.
  { title: 'JS: a call to an undefined helper (the issue\'s case)', path: 'src/api.js', original: api, proposed: api.replace('await fetch(', 'await withRetry(() => fetch(').replace('));\n  return', ')));\n  return'), ok: false },
  { title: 'JS: a new bare reference to an undefined constant', path: 'src/api.js', original: api, proposed: api.replace('BASE_URL, `', 'API_ROOT, `'), ok: false },
  { title: 'TS: an undefined function in a module', path: 'src/a.ts', original: 'export function f(x: number): number {\n  return x;\n}\n', proposed: 'export function f(x: number): number {\n  return clamp(x);\n}\n', ok: false },
  { title: 'Python: an undefined helper', path: 'tool/main.py', original: tool, proposed: tool.replace('return path', 'return normalise(path)'), ok: false },
  { title: 'Python: a module used without import', path: 'tool/main.py', original: tool, proposed: tool.replace('return path', 'return sys.exit(path)'), ok: false },
  { title: 'JS: a new module file using an undefined name', path: 'src/new.js', original: undefined, proposed: 'export function f() {\n  return helper();\n}\n', ok: false },
  { title: 'symbol mode: the call without its import', path: 'src/api.js', original: api, proposed: api.replace('await fetch(', 'await withRetry(() => fetch(').replace('));\n  return', ')));\n  return'), ok: false, symbolMode: true },
  // Passes: defined, imported, built in, or not a plain reference at all.
  { title: 'JS: the helper defined in the same reply', path: 'src/api.js', original: api, proposed: `${api.replace('await fetch(', 'await withRetry(() => fetch(').replace('));\n  return', ')));\n  return')}\nasync function withRetry(call) {\n  return call();\n}\n`, ok: true },
  { title: 'JS: the helper imported', path: 'src/api.js', original: api, proposed: api.replace("import { buildUrl, parseJson } from './utils.js';", "import { buildUrl, parseJson, withRetry } from './utils.js';").replace('await fetch(', 'await withRetry(() => fetch(').replace('));\n  return', ')));\n  return'), ok: true },
  { title: 'JS: builtins and runtime globals (setTimeout, Promise, Math, console, process)', path: 'src/api.js', original: api, proposed: api.replace('return parseJson', "await new Promise((resolve) => setTimeout(resolve, Math.random()));\n  console.log(process.env.X, JSON.stringify({}));\n  return parseJson"), ok: true },
  { title: 'JS: locals, parameters, destructuring, catch, for-of, properties, object keys', path: 'src/api.js', original: api, proposed: api.replace('return parseJson', "const { status, headers: [first] = [] } = response;\n  for (const [key, value] of Object.entries({ status, first })) void key, value;\n  try { JSON.parse(''); } catch (problem) { void problem.message; }\n  const options = { retries: 3, delay: (attempt) => attempt * 2 };\n  response.extra.deep.call(options.delay);\n  return parseJson"), ok: true },
  { title: 'JS: class members and this', path: 'src/a.js', original: 'export class A {}\n', proposed: 'export class A {\n  count = 0;\n  add(step) {\n    this.count += step;\n    return this.total(this.count);\n  }\n  total(n) { return n; }\n}\n', ok: true },
  { title: 'JS: a script without import/export is skipped (shared globals)', path: 'public/app.js', original: 'function a() {}\n', proposed: 'function a() {\n  return helperFromOtherScript();\n}\n', ok: true },
  { title: 'JS: a name the original already used is not new', path: 'src/a.js', original: 'export const a = globalHelper();\n', proposed: 'export const a = globalHelper() + 1;\n', ok: true },
  { title: 'TS: type names, interfaces, enums and generics', path: 'src/a.ts', original: 'export const a = 1;\n', proposed: 'import type { Remote } from "./remote";\nexport interface Options { retries: number }\nexport enum Mode { Fast }\nexport function f<T>(value: T, options: Options, remote: Remote): Promise<T> {\n  return Promise.resolve(Mode.Fast ? value : value);\n}\nexport const a = 1;\n', ok: true },
  { title: 'TSX: lower-case tags are not names, components are imported', path: 'src/view.tsx', original: 'import { Button } from "./button";\nexport const a = 1;\n', proposed: 'import { Button } from "./button";\nexport const a = 1;\nexport function View() {\n  return <div><Button /></div>;\n}\n', ok: true },
  { title: 'Python: builtins, comprehension, with-as, except-as, lambda, kwargs', path: 'tool/main.py', original: tool, proposed: tool.replace('    return path', '    items = [len(part) for part in path.split("/") if part]\n    try:\n        with open(path) as handle:\n            handle.read()\n    except OSError as error:\n        print(error, file=None)\n    key = lambda item: item\n    return sorted(items, key=key)'), ok: true },
  { title: 'Python: from-import with alias and a new def', path: 'tool/main.py', original: tool, proposed: `from pathlib import Path as P\n${tool.replace('return path', 'return helper(P(path))')}\n\ndef helper(value, *args, scale=2, **kwargs):\n    global COUNT\n    return value\n`, ok: true },
  { title: 'Python: a star import makes names unknowable', path: 'tool/main.py', original: tool, proposed: `from helpers import *\n${tool.replace('return path', 'return normalise(path)')}`, ok: true },
  { title: 'Python: type annotations are skipped', path: 'tool/main.py', original: tool, proposed: tool.replace('def main(argv):', 'def main(argv: Sequence[str]) -> Optional[str]:'), ok: true },
  { title: 'Go has no name facts: skipped', path: 'main.go', original: 'package main\n\nfunc main() {}\n', proposed: 'package main\n\nfunc main() { helper() }\n', ok: true },
];

for (const { title, path, original, proposed, ok, symbolMode } of cases) {
  test(`references: ${ok ? 'passes' : 'refused'}: ${title}`, async () => {
    const verdict = await checkReferences(proposedFile({ path, original, proposed, intendedSymbols: ['fetchUser'], symbolMode }));
    assert.is(verdict.ok, ok, verdict.ok ? '' : verdict.message);
    if (!verdict.ok) {
      assert.match(verdict.message, new RegExp(`^${path.replace(/\./g, '\\.')}: the reply uses \\w+`));
      assert.match(verdict.feedback, symbolMode ? /may only change fetchUser/ : /Define it in|Define them in/);
    }
  });
}

test.run();
