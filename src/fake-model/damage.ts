/**
 * The ways small models damage a reply, as functions from the intended reply to the damaged
 * text. Tests and benchmarks script the fake server with these. `recoverable` says whether a
 * correct pipeline may accept the reply (it then must yield exactly the intended value);
 * the others must be refused.
 */
export type JsonDamageKind =
  | 'clean'
  | 'pretty-printed'
  | 'fence-json'
  | 'fence-bare'
  | 'fence-tilde'
  | 'fence-quad'
  | 'prose-before'
  | 'prose-around'
  | 'fence-and-prose'
  | 'trailing-commas'
  | 'single-quotes'
  | 'line-comments'
  | 'unquoted-keys'
  | 'python-literals'
  | 'smart-quotes'
  | 'think-block'
  | 'two-objects'
  | 'bare-array'
  | 'truncated'
  | 'truncated-in-fence'
  | 'prose-only'
  | 'empty'
  | 'wrong-shape'
  | 'whitespace-tail';

export const jsonDamage: Record<JsonDamageKind, { recoverable: boolean; apply: (value: object) => string }> = {
  clean: { recoverable: true, apply: (value) => JSON.stringify(value) },
  'pretty-printed': { recoverable: true, apply: (value) => JSON.stringify(value, null, 2) },
  'fence-json': { recoverable: true, apply: (value) => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`` },
  'fence-bare': { recoverable: true, apply: (value) => `\`\`\`\n${JSON.stringify(value, null, 2)}\n\`\`\`\n` },
  'fence-tilde': { recoverable: true, apply: (value) => `~~~json\n${JSON.stringify(value, null, 2)}\n~~~` },
  'fence-quad': { recoverable: true, apply: (value) => `\`\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\`` },
  'prose-before': { recoverable: true, apply: (value) => `Here is the plan you asked for:\n${JSON.stringify(value, null, 2)}` },
  'prose-around': {
    recoverable: true,
    apply: (value) => `Sure! Based on the request, this is the JSON:\n\n${JSON.stringify(value)}\n\nLet me know if you need anything else.`,
  },
  'fence-and-prose': {
    recoverable: true,
    apply: (value) => `I'll make these changes.\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n\nThis plan edits the files above.`,
  },
  'trailing-commas': { recoverable: true, apply: (value) => JSON.stringify(value, null, 2).replace(/(["\d\]}el])\n(\s*[}\]])/g, '$1,\n$2') },
  'single-quotes': { recoverable: true, apply: (value) => toSingleQuotes(JSON.stringify(value, null, 2)) },
  'line-comments': {
    recoverable: true,
    apply: (value) => JSON.stringify(value, null, 2).replace(/\n/, '\n  // the plan\n').replace(/,\n/, ', // next\n'),
  },
  'unquoted-keys': { recoverable: true, apply: (value) => JSON.stringify(value, null, 2).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:') },
  'python-literals': {
    recoverable: true,
    // Extra keys (which schemas strip) make sure there is a literal to damage.
    apply: (value) =>
      JSON.stringify({ ...value, confident: true, doubts: false, notes: null }, null, 2)
        .replace(/: true\b/g, ': True')
        .replace(/: false\b/g, ': False')
        .replace(/: null\b/g, ': None'),
  },
  'smart-quotes': { recoverable: true, apply: (value) => JSON.stringify(value).replace(/"([^"\\]*)"/g, '\u201c$1\u201d') },
  'think-block': {
    recoverable: true,
    apply: (value) => `<think>\nThe user wants {a plan}. I should list the files.\n</think>\n${JSON.stringify(value, null, 2)}`,
  },
  'two-objects': { recoverable: true, apply: (value) => `${JSON.stringify(value)}\n${JSON.stringify({ note: 'second object' })}` },
  'bare-array': { recoverable: false, apply: (value) => JSON.stringify(firstArrayIn(value)) },
  truncated: { recoverable: false, apply: (value) => cutAt(JSON.stringify(value, null, 2), 0.6) },
  'truncated-in-fence': { recoverable: false, apply: (value) => `\`\`\`json\n${cutAt(JSON.stringify(value, null, 2), 0.7)}` },
  'prose-only': {
    recoverable: false,
    apply: () => 'I would modify the file src/app.js to add retry logic, then update the tests accordingly.',
  },
  empty: { recoverable: false, apply: () => '' },
  'wrong-shape': { recoverable: false, apply: (value) => JSON.stringify(wrongShape(value)) },
  'whitespace-tail': { recoverable: false, apply: (value) => `${JSON.stringify(value).slice(0, 12)}${'\n'.repeat(300)}` },
};

export const jsonDamageKinds = Object.keys(jsonDamage) as JsonDamageKind[];

export function damageJson(kind: JsonDamageKind, value: object): string {
  return jsonDamage[kind].apply(value);
}

/** Code replies: the fence shapes from the field notes, around the intended file content. */
export type CodeDamageKind = 'raw' | 'fence' | 'fence-with-language' | 'prose-and-fence' | 'filename-above' | 'think-then-fence' | 'unclosed-fence';

export function damageCode(kind: CodeDamageKind, code: string, path: string, language = 'javascript'): string {
  const body = code.endsWith('\n') ? code : `${code}\n`;
  switch (kind) {
    case 'raw':
      return code;
    case 'fence':
      return `\`\`\`\n${body}\`\`\``;
    case 'fence-with-language':
      return `\`\`\`${language}\n${body}\`\`\`\n`;
    case 'prose-and-fence':
      return `Here is the updated file:\n\n\`\`\`${language}\n${body}\`\`\`\n\nRun it with \`node ${path}\`.`;
    case 'filename-above':
      return `**${path}**\n\`\`\`${language}\n${body}\`\`\``;
    case 'think-then-fence':
      return `<think>I need to add the function.</think>\n\`\`\`${language}\n${body}\`\`\``;
    case 'unclosed-fence':
      return `\`\`\`${language}\n${body.slice(0, Math.floor(body.length / 2))}`;
  }
}

function toSingleQuotes(json: string): string {
  return json.replace(/"((?:[^"\\']|\\.)*)"/g, "'$1'");
}

function cutAt(text: string, share: number): string {
  return text.slice(0, Math.max(1, Math.floor(text.length * share)));
}

function firstArrayIn(value: object): unknown[] {
  const array = Object.values(value).find(Array.isArray);
  return array ?? [value];
}

/** Valid JSON with the right words in the wrong places. */
function wrongShape(value: object): unknown {
  return { result: value, status: 'ok', tasks: 'see above' };
}
