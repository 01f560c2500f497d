import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RefusalError } from '../../src/errors/litecode-error.js';
import { renameIdentifier, supportsIdentifierRename } from '../../src/syntax/identifier-rename.js';
import { syntaxErrors } from '../../src/syntax/parse-source.js';

const cases: { title: string; path: string; before: string; after: string; occurrences: number }[] = [
  {
    title: 'comments and strings are untouched',
    path: 'auth.js',
    before: '// validateToken checks the token\nfunction validateToken(t) { return "validateToken: " + t; }\n/* validateToken */\n',
    after: '// validateToken checks the token\nfunction verifyToken(t) { return "validateToken: " + t; }\n/* validateToken */\n',
    occurrences: 1,
  },
  {
    title: 'a template-string substitution is code and is renamed; the literal part is not',
    path: 'auth.js',
    before: 'const message = `${validateToken(t)} validateToken`;\n',
    after: 'const message = `${verifyToken(t)} validateToken`;\n',
    occurrences: 1,
  },
  {
    title: 'object shorthand: exports and destructured imports are renamed as written, keeping code and keys in step',
    path: 'auth.js',
    before: "const { validateToken } = require('./token');\nmodule.exports = { validateToken, validateUser };\n",
    after: "const { verifyToken } = require('./token');\nmodule.exports = { verifyToken, validateUser };\n",
    occurrences: 2,
  },
  {
    title: 'property access and ES module specifiers',
    path: 'app.ts',
    before: "import { validateToken } from './auth';\nexport { validateToken };\nauth.validateToken(x);\n",
    after: "import { verifyToken } from './auth';\nexport { verifyToken };\nauth.verifyToken(x);\n",
    occurrences: 3,
  },
  {
    title: 'a longer name that contains the old name is untouched',
    path: 'auth.js',
    before: 'validateTokenFast(); validateToken();\n',
    after: 'validateTokenFast(); verifyToken();\n',
    occurrences: 1,
  },
  {
    title: 'TypeScript type names',
    path: 'types.ts',
    before: 'interface Token { v: string }\nfunction f(t: Token): Token { return t; }\n',
    after: 'interface Credential { v: string }\nfunction f(t: Credential): Credential { return t; }\n',
    occurrences: 3,
  },
  {
    title: 'Python: f-string interpolation renamed, comment and string kept',
    path: 'auth.py',
    before: 'def validate_token(t):\n    # validate_token is old\n    return f"{validate_token} validate_token"\n',
    after: 'def verify_token(t):\n    # validate_token is old\n    return f"{verify_token} validate_token"\n',
    occurrences: 2,
  },
  {
    title: 'Go: function and selector',
    path: 'auth.go',
    before: 'package auth\n\nfunc ValidateToken() {}\n\nfunc x() { auth.ValidateToken() } // ValidateToken\n',
    after: 'package auth\n\nfunc VerifyToken() {}\n\nfunc x() { auth.VerifyToken() } // ValidateToken\n',
    occurrences: 2,
  },
  {
    title: 'no occurrence leaves the text as it was',
    path: 'other.js',
    before: 'const x = "validateToken";\n',
    after: 'const x = "validateToken";\n',
    occurrences: 0,
  },
];

const renames: Record<string, [string, string]> = {
  'types.ts': ['Token', 'Credential'],
  'auth.py': ['validate_token', 'verify_token'],
  'auth.go': ['ValidateToken', 'VerifyToken'],
};

for (const { title, path, before, after, occurrences } of cases) {
  test(`rename: ${title}`, async () => {
    const [oldName, newName] = renames[path] ?? ['validateToken', 'verifyToken'];
    const result = await renameIdentifier(path, before, oldName, newName);
    assert.is(result.text, after);
    assert.is(result.occurrences, occurrences);
    assert.equal(await syntaxErrors(path, result.text), []);
  });
}

test('an unsupported language is refused, never replaced as text', async () => {
  assert.not.ok(supportsIdentifierRename('notes.txt'));
  assert.not.ok(supportsIdentifierRename('style.css'));
  assert.ok(supportsIdentifierRename('src/a.tsx'));
  try {
    await renameIdentifier('notes.txt', 'validateToken', 'validateToken', 'verifyToken');
    assert.unreachable('should refuse');
  } catch (error) {
    assert.instance(error, RefusalError);
    assert.match((error as Error).message, /notes\.txt/);
  }
});

test.run();
