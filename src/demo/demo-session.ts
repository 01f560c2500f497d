import type { ScriptedReply } from '../fake-model/scripted-reply.js';

/**
 * The replay behind `git litecode demo`: real requests through the real pipeline, answered by
 * the scripted model the tests use. Two replies are damaged on purpose, the way small models
 * damage them, so the demo shows the checks catching them.
 */
export interface DemoStep {
  title: string;
  args: string[];
  replies: ScriptedReply[];
}

/** src/api.js of fixtures-repos/js-app with a retry in fetchUser: the demo's edit, and the tests'. */
export const apiWithRetry = `import { buildUrl, parseJson, sleep } from './utils.js';

const BASE_URL = 'https://api.example.com';

export async function fetchUser(id, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(buildUrl(BASE_URL, \`/users/\${id}\`));
    if (response.ok) return parseJson(await response.text());
    if (attempt >= attempts) throw new Error(\`fetchUser failed: \${response.status}\`);
    await sleep(100 * 2 ** attempt);
  }
}

export async function fetchPosts(userId) {
  const response = await fetch(buildUrl(BASE_URL, \`/users/\${userId}/posts\`));
  if (!response.ok) {
    throw new Error(\`fetchPosts failed: \${response.status}\`);
  }
  return parseJson(await response.text());
}
`;

const apiWithJitter = apiWithRetry.replace('await sleep(100 * 2 ** attempt);', 'await sleep(100 * 2 ** attempt + Math.random() * 100);');

const authOriginalTail = `export function validateUser(user) {
  if (!user || typeof user !== 'object') return false;
  return typeof user.id === 'number' && typeof user.name === 'string';
}

// validateToken is called by the middleware before validateUser.
export function authenticate(token, user) {
  return validateToken(token) && validateUser(user);
}
`;

const validateTokenWithLimit = `const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,}$/;

export function validateToken(token) {
  if (typeof token !== 'string' || token.length > 200) return false;
  return TOKEN_PATTERN.test(token);
}
`;

export const demoSteps: DemoStep[] = [
  {
    title: 'An edit lands on its own branch. The first reply is wrapped in fences and elides code: caught, retried.',
    args: ['add retry with backoff to fetchUser in src/api.js'],
    replies: [
      {
        match: { purpose: 'plan' },
        content: JSON.stringify({
          kind: 'edit',
          synthesis: 'Added retry with exponential backoff to fetchUser in src/api.js.',
          tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Retry the request up to 3 times with exponential backoff, using sleep from utils.js.' }],
        }),
      },
      {
        match: { purpose: 'edit' },
        content: `Sure! Here is the updated file:\n\n\`\`\`javascript\n${apiWithRetry.split('export async function fetchPosts')[0]}// ... rest of the file unchanged\n\`\`\`\n\nThis adds retries.`,
      },
      { match: { purpose: 'repair' }, content: `\`\`\`js\n${apiWithRetry}\`\`\`` },
    ],
  },
  {
    title: 'A question is answered read-only: no branch, no commit, no file.',
    args: ['how many lines does src/utils.js have?'],
    replies: [
      {
        match: { purpose: 'plan' },
        content: JSON.stringify({ kind: 'question', synthesis: '', tasks: [{ file: 'src/utils.js', action: 'read', symbols: [], instruction: 'Count the lines.' }] }),
      },
      { match: { purpose: 'answer' }, content: 'src/utils.js has 11 lines. It defines buildUrl, parseJson and sleep.' },
    ],
  },
  {
    title: 'A follow-up reads the last change back from git and stacks on its branch.',
    args: ['also add jitter to the retry delay'],
    replies: [
      {
        match: { purpose: 'plan' },
        content: JSON.stringify({
          kind: 'edit',
          synthesis: 'Added random jitter to the fetchUser retry delay in src/api.js.',
          tasks: [{ file: 'src/api.js', action: 'modify', symbols: ['fetchUser'], instruction: 'Add up to 100 ms of random jitter to each retry delay.' }],
        }),
      },
      { match: { purpose: 'edit' }, content: apiWithJitter },
    ],
  },
  {
    title: 'The model also renames validateUser, which the task did not name: caught by the scope check, retried.',
    args: ['make validateToken reject tokens longer than 200 characters'],
    replies: [
      {
        match: { purpose: 'plan' },
        content: JSON.stringify({
          kind: 'edit',
          synthesis: 'Made validateToken reject tokens over 200 characters in src/auth.js.',
          tasks: [{ file: 'src/auth.js', action: 'modify', symbols: ['validateToken'], instruction: 'Return false for tokens longer than 200 characters.' }],
        }),
      },
      {
        match: { purpose: 'edit' },
        content: `${validateTokenWithLimit}\n${authOriginalTail.replaceAll('validateUser', 'verifyUser')}`,
      },
      { match: { purpose: 'repair' }, content: `${validateTokenWithLimit}\n${authOriginalTail}` },
    ],
  },
  {
    title: 'Undo is mechanical: the branch moves back, no model call.',
    args: ['undo the last change'],
    replies: [],
  },
  {
    title: 'The agent remembers its work: git litecode log reads it back from the commits.',
    args: ['log'],
    replies: [],
  },
];
