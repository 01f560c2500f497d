// The suite's tasks: a request, the plan a correct model returns, and what a correct model
// writes. The expected bytes of every file are derived here from the fixture's own text, so the
// oracle compares the landed commit with exact bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../../fixtures-repos/build.mjs';

/**
 * @typedef {{ name: string; before: string; after: string }} SymbolEdit
 *   For the large file: the symbol's source as the agent shows it, and the new source the model returns.
 * @typedef {object} SuiteTask
 * @property {string} id
 * @property {'js-app' | 'ts-lib' | 'py-tool'} fixture
 * @property {string} request
 * @property {object} plan                      the plan JSON a correct model returns
 * @property {Record<string, string>} expected  path → full expected content, for every file the commit must change
 * @property {Record<string, string>} replies   path → what a correct model writes in whole-file mode
 * @property {Record<string, SymbolEdit[]>} [symbolEdits]  path → symbol edits, for files edited in symbol mode
 * @property {Record<string, string[]>} neighbours  path → symbols a collateral rename may hit (not named by the task)
 * @property {string} [answer]                   for a question: the model's answer
 */

export function fixtureText(fixture, path) {
  return readFileSync(join(fixturesRoot, fixture, path), 'utf8');
}

/** Replaces `before` (which must occur exactly once) by `after`. */
function edit(text, before, after) {
  const first = text.indexOf(before);
  if (first === -1 || text.indexOf(before, first + 1) !== -1) throw new Error(`suite task text not found exactly once: ${before.slice(0, 60)}`);
  return text.slice(0, first) + after + text.slice(first + before.length);
}

function edits(text, ...pairs) {
  return pairs.reduce((current, [before, after]) => edit(current, before, after), text);
}

function modifyTask({ id, fixture, request, synthesis, tasks, changes, neighbours }) {
  const expected = {};
  for (const [path, change] of Object.entries(changes)) {
    expected[path] = typeof change === 'string' ? change : change(fixtureText(fixture, path));
  }
  return { id, fixture, request, plan: { kind: 'edit', synthesis, tasks }, expected, replies: { ...expected }, neighbours };
}

const api = (fixture) => fixtureText(fixture, 'src/api.js');

const retryFetchUser = modifyTask({
  id: 'js/retry-fetchUser',
  fixture: 'js-app',
  request: 'add retry with exponential backoff to fetchUser in src/api.js',
  synthesis: 'Added retry with exponential backoff to fetchUser in src/api.js.',
  tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry the request up to 3 times with exponential backoff, using sleep from utils.js.' }],
  changes: {
    'src/api.js': (text) =>
      edits(
        text,
        ["import { buildUrl, parseJson } from './utils.js';", "import { buildUrl, parseJson, sleep } from './utils.js';"],
        [
          `export async function fetchUser(id) {
  const response = await fetch(buildUrl(BASE_URL, \`/users/\${id}\`));
  if (!response.ok) {
    throw new Error(\`fetchUser failed: \${response.status}\`);
  }
  return parseJson(await response.text());
}`,
          `export async function fetchUser(id, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(buildUrl(BASE_URL, \`/users/\${id}\`));
    if (response.ok) return parseJson(await response.text());
    if (attempt >= attempts) throw new Error(\`fetchUser failed: \${response.status}\`);
    await sleep(100 * 2 ** attempt);
  }
}`,
        ],
      ),
  },
  neighbours: { 'src/api.js': ['fetchPosts'] },
});

const limitValidateToken = modifyTask({
  id: 'js/limit-validateToken',
  fixture: 'js-app',
  request: 'make validateToken in src/auth.js reject tokens longer than 200 characters',
  synthesis: 'Made validateToken reject tokens over 200 characters in src/auth.js.',
  tasks: [{ file: 'src/auth.js', action: 'modify', symbols: ['validateToken'], instruction: 'Return false for tokens longer than 200 characters.' }],
  changes: {
    'src/auth.js': (text) => edit(text, "if (typeof token !== 'string') return false;", "if (typeof token !== 'string' || token.length > 200) return false;"),
  },
  neighbours: { 'src/auth.js': ['validateUser', 'authenticate'] },
});

const addJoinPath = modifyTask({
  id: 'js/add-joinPath',
  fixture: 'js-app',
  request: 'add a joinPath function to src/utils.js that joins path segments with single slashes',
  synthesis: 'Added joinPath to src/utils.js to join path segments with single slashes.',
  tasks: [{ file: 'src/utils.js', action: 'modify', symbols: [], instruction: 'Add an exported joinPath(...segments) that trims slashes around each segment and joins them with "/".' }],
  changes: {
    'src/utils.js': (text) =>
      `${text}
export function joinPath(...segments) {
  return segments.map((segment) => segment.replace(/^\\/+|\\/+$/g, '')).filter(Boolean).join('/');
}
`,
  },
  neighbours: { 'src/utils.js': ['buildUrl', 'parseJson', 'sleep'] },
});

const createLogger = {
  id: 'js/create-logger',
  fixture: 'js-app',
  request: 'create src/logger.js with a createLogger(prefix) that returns info and error functions',
  plan: {
    kind: 'edit',
    synthesis: 'Created src/logger.js with createLogger returning prefixed info and error functions.',
    tasks: [{ file: 'src/logger.js', action: 'create', symbols: [], instruction: 'Export createLogger(prefix) returning { info, error } that print the prefix before each message.' }],
  },
  expected: {
    'src/logger.js': `export function createLogger(prefix) {
  return {
    info: (message) => console.log(\`[\${prefix}] \${message}\`),
    error: (message) => console.error(\`[\${prefix}] \${message}\`),
  };
}
`,
  },
  neighbours: {},
};
createLogger.replies = { ...createLogger.expected };

/** The rename runs in code: the model only plans it. Comments keep the old name. */
const renameValidateToken = {
  id: 'js/rename-validateToken',
  fixture: 'js-app',
  request: 'rename validateToken to verifyToken in src/auth.js',
  plan: {
    kind: 'edit',
    synthesis: 'Renamed validateToken to verifyToken in src/auth.js and its callers.',
    tasks: [{ file: 'src/auth.js', action: 'rename', symbols: ['validateToken'], new_name: 'verifyToken', instruction: 'Rename validateToken to verifyToken everywhere it is used.' }],
  },
  expected: {
    'src/auth.js': edits(
      fixtureText('js-app', 'src/auth.js'),
      ['export function validateToken(token)', 'export function verifyToken(token)'],
      ['return validateToken(token) && validateUser(user);', 'return verifyToken(token) && validateUser(user);'],
    ),
    'test/auth.test.js': edits(
      fixtureText('js-app', 'test/auth.test.js'),
      ['import { validateToken, validateUser }', 'import { verifyToken, validateUser }'],
      ["assert.equal(validateToken('abcdefghijklmnopqrstuvwxyz'), true);", "assert.equal(verifyToken('abcdefghijklmnopqrstuvwxyz'), true);"],
      ["assert.equal(validateToken('short'), false);", "assert.equal(verifyToken('short'), false);"],
    ),
  },
  replies: {},
  neighbours: {},
};

const retryFetchPostsTwoFiles = modifyTask({
  id: 'js/withRetry-two-files',
  fixture: 'js-app',
  request: 'add a withRetry helper to src/utils.js and use it in fetchPosts in src/api.js',
  synthesis: 'Added withRetry to src/utils.js and used it in fetchPosts in src/api.js.',
  tasks: [
    { file: 'src/utils.js', action: 'modify', symbols: [], instruction: 'Add an exported async withRetry(operation, attempts = 3) that retries operation on error.' },
    { file: 'src/api.js', action: 'modify', symbols: ['fetchPosts'], instruction: 'Wrap the fetch in fetchPosts in withRetry from utils.js.' },
  ],
  changes: {
    'src/utils.js': (text) =>
      `${text}
export async function withRetry(operation, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}
`,
    'src/api.js': (text) =>
      edits(
        text,
        ["import { buildUrl, parseJson } from './utils.js';", "import { buildUrl, parseJson, withRetry } from './utils.js';"],
        [
          'const response = await fetch(buildUrl(BASE_URL, `/users/${userId}/posts`));',
          'const response = await withRetry(() => fetch(buildUrl(BASE_URL, `/users/${userId}/posts`)));',
        ],
      ),
  },
  neighbours: { 'src/utils.js': ['buildUrl', 'parseJson', 'sleep'], 'src/api.js': ['fetchUser'] },
});

const inventoryMethod = (number) => `adjustCategory${number}(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(\`unknown sku \${sku} in category ${number}\`);
    item.quantity = Math.max(0, item.quantity + delta * ${number});
    return item.quantity;
  }`;

function symbolTask({ id, request, synthesis, symbols, instruction, symbolEdits, neighbours }) {
  const path = 'src/inventory.ts';
  const original = fixtureText('ts-lib', path);
  const content = edits(original, ...symbolEdits.map(({ before, after }) => [before, after]));
  return {
    id,
    fixture: 'ts-lib',
    request,
    plan: { kind: 'edit', synthesis, tasks: [{ file: path, action: 'modify', symbols, instruction }] },
    expected: { [path]: content },
    // What a model writes when the whole file fits (a larger context): the whole new file.
    replies: { [path]: content },
    symbolEdits: { [path]: symbolEdits },
    neighbours: { [path]: neighbours },
  };
}

const capCategory7 = symbolTask({
  id: 'ts/large-cap-adjustCategory7',
  request: 'cap the stock at 1000 in adjustCategory7 in src/inventory.ts',
  synthesis: 'Capped stock at 1000 in adjustCategory7 in src/inventory.ts.',
  symbols: ['adjustCategory7'],
  instruction: 'Never let the quantity rise above 1000 in adjustCategory7.',
  symbolEdits: [
    {
      name: 'adjustCategory7',
      before: inventoryMethod(7),
      after: inventoryMethod(7).replace('item.quantity = Math.max(0, item.quantity + delta * 7);', 'item.quantity = Math.min(1000, Math.max(0, item.quantity + delta * 7));'),
    },
  ],
  neighbours: ['adjustCategory6', 'adjustCategory8'],
});

const totalsAndAdd = symbolTask({
  id: 'ts/large-add-and-totals',
  request: 'make add in src/inventory.ts reject negative quantities and totalValueCents skip empty items',
  synthesis: 'Made add reject negative quantities and totalValueCents skip empty items in src/inventory.ts.',
  symbols: ['add', 'totalValueCents'],
  instruction: 'In add, throw when item.quantity is negative; in totalValueCents, skip items whose quantity is 0.',
  symbolEdits: [
    {
      name: 'add',
      before: `add(item: InventoryItem): void {
    this.items.set(item.sku, { ...item });
  }`,
      after: `add(item: InventoryItem): void {
    if (item.quantity < 0) throw new Error(\`negative quantity for sku \${item.sku}\`);
    this.items.set(item.sku, { ...item });
  }`,
    },
    {
      name: 'totalValueCents',
      before: `totalValueCents(): number {
    let total = 0;
    for (const item of this.items.values()) total += item.quantity * item.priceCents;
    return total;
  }`,
      after: `totalValueCents(): number {
    let total = 0;
    for (const item of this.items.values()) {
      if (item.quantity === 0) continue;
      total += item.quantity * item.priceCents;
    }
    return total;
  }`,
    },
  ],
  neighbours: ['adjustCategory52'],
});

const addMedian = modifyTask({
  id: 'ts/add-median',
  fixture: 'ts-lib',
  request: 'add a median function to src/math.ts',
  synthesis: 'Added median to src/math.ts.',
  tasks: [{ file: 'src/math.ts', action: 'modify', symbols: [], instruction: 'Add an exported median(values) returning the middle value of the sorted values, or 0 for none.' }],
  changes: {
    'src/math.ts': (text) =>
      `${text}
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!;
}
`,
  },
  neighbours: { 'src/math.ts': ['clamp', 'sum', 'mean'] },
});

const slugifyTrim = modifyTask({
  id: 'ts/slugify-trim',
  fixture: 'ts-lib',
  request: 'make slugify in src/strings.ts trim surrounding whitespace first',
  synthesis: 'Made slugify trim surrounding whitespace first in src/strings.ts.',
  tasks: [{ file: 'src/strings.ts', action: 'modify', symbols: ['slugify'], instruction: 'Call trim() on the text before lower-casing it.' }],
  changes: { 'src/strings.ts': (text) => edit(text, '  return text\n    .toLowerCase()', '  return text\n    .trim()\n    .toLowerCase()') },
  neighbours: { 'src/strings.ts': ['capitalize'] },
});

const countWordsLetters = modifyTask({
  id: 'py/count_words-letters',
  fixture: 'py-tool',
  request: 'make count_words in tool/helpers.py count only words that contain a letter',
  synthesis: 'Made count_words in tool/helpers.py count only words containing a letter.',
  tasks: [{ file: 'tool/helpers.py', action: 'modify', symbols: ['count_words'], instruction: 'Count only the words that contain at least one letter.' }],
  changes: {
    'tool/helpers.py': (text) =>
      edit(text, '    return len(text.split())\n', '    return sum(1 for word in text.split() if any(character.isalpha() for character in word))\n'),
  },
  neighbours: { 'tool/helpers.py': ['read_text', 'WordCounter'] },
});

const mainUsage = modifyTask({
  id: 'py/main-usage-name',
  fixture: 'py-tool',
  request: 'make main in tool/main.py print the program name in its usage line',
  synthesis: 'Made main in tool/main.py print the program name in its usage line.',
  tasks: [{ file: 'tool/main.py', action: 'modify', symbols: ['main'], instruction: 'Use argv[0] in the usage message instead of the fixed main.py.' }],
  changes: { 'tool/main.py': (text) => edit(text, 'print("usage: main.py FILE", file=sys.stderr)', 'print(f"usage: {argv[0]} FILE", file=sys.stderr)') },
  neighbours: { 'tool/main.py': [] },
});

/** A question: the right outcome is an answer and nothing written. */
const linesQuestion = {
  id: 'js/question-line-count',
  fixture: 'js-app',
  request: 'how many lines does src/utils.js have?',
  plan: { kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count the lines.' }] },
  expected: {},
  replies: {},
  neighbours: {},
  answer: 'src/utils.js has 11 lines. It defines buildUrl, parseJson and sleep.',
};

/** @type {SuiteTask[]} */
export const suiteTasks = [
  retryFetchUser,
  limitValidateToken,
  addJoinPath,
  createLogger,
  renameValidateToken,
  retryFetchPostsTwoFiles,
  capCategory7,
  totalsAndAdd,
  addMedian,
  slugifyTrim,
  countWordsLetters,
  mainUsage,
  linesQuestion,
];

/** The large-file task whose completion tokens are compared in symbol and whole-file mode. */
export const largeFileTaskId = capCategory7.id;
