import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileKindFor } from '../../../src/syntax/kinds/file-kind.js';
import { formProblem } from '../../../src/syntax/kinds/well-formed.js';

/** [title, path, original (undefined: a new file), proposed, well-formed?] */
const cases: [string, string, string | undefined, string, boolean][] = [
  // JSON: strict, the original's dialect decides.
  ['JSON: valid', 'a.json', '{"a": 1}\n', '{"a": 2, "b": [1, 2]}\n', true],
  ['JSON: trailing comma', 'a.json', '{"a": 1}\n', '{"a": 1,}\n', false],
  ['JSON: trailing comma in an array', 'a.json', '{"a": [1]}\n', '{"a": [1, 2,]}\n', false],
  ['JSON: comment', 'a.json', '{"a": 1}\n', '{"a": 1 // one\n}\n', false],
  ['JSON: single quotes', 'a.json', '{"a": 1}\n', "{'a': 1}\n", false],
  ['JSON: leading zero (JSON.parse is the verdict)', 'a.json', '{"a": 1}\n', '{"a": 01}\n', false],
  ['JSON: two values', 'a.json', '{"a": 1}\n', '{"a": 1}\n{"b": 2}\n', false],
  ['JSON: empty reply', 'a.json', '{"a": 1}\n', '', false],
  ['JSON: prose', 'a.json', '{"a": 1}\n', 'Here is the file.\n', false],
  ['JSON: a .json original with comments may keep comments', 'a.json', '{\n  // c\n  "a": 1\n}\n', '{\n  // c\n  "a": 2\n}\n', true],
  ['JSON: ...but may not add trailing commas', 'a.json', '{\n  // c\n  "a": 1\n}\n', '{\n  // c\n  "a": 2,\n}\n', false],
  ['JSON: a key written twice (the last would silently win)', 'package.json', '{\n  "scripts": {\n    "test": "a"\n  }\n}\n', '{\n  "scripts": {\n    "test": "a",\n    "test": "b"\n  }\n}\n', false],
  ['JSONC: a key written twice', 'tsconfig.json', '{\n  // c\n  "a": 1,\n}\n', '{\n  // c\n  "a": 1,\n  "a": 2,\n}\n', false],
  ['JSON: the same key in two objects is fine', 'a.json', '{"a": {"x": 1}}\n', '{"a": {"x": 1}, "b": {"x": 2}}\n', true],
  ['JSON: an original that repeats a key may keep repeating it', 'a.json', '{"a": 1, "a": 2}\n', '{"a": 1, "a": 3}\n', true],
  ['JSON: an original with a byte-order mark is still strict JSON', 'package.json', '\uFEFF{"a": 1}\n', '\uFEFF{"a": 1,}\n', false],
  ['JSON: a byte-order mark is not content', 'package.json', '\uFEFF{"a": 1}\n', '\uFEFF{"a": 2}\n', true],
  ['JSON: a broken original proves nothing', 'a.json', '{"a": 1,,}\n', '{"a": ', true],
  ['JSON: a new file must be strict', 'new.json', undefined, '{"a": 1,}\n', false],
  // JSONC
  ['JSONC: comments allowed', 'tsconfig.json', '{"a": 1}\n', '{\n  // why\n  "a": 1 /* x */\n}\n', true],
  ['JSONC: trailing comma the original did not use', 'tsconfig.json', '{\n  "a": 1\n}\n', '{\n  "a": 1,\n}\n', false],
  ['JSONC: trailing comma the original used', '.vscode/settings.json', '{\n  "a": 1,\n}\n', '{\n  "a": 1,\n  "b": 2,\n}\n', true],
  ['JSONC: unclosed block comment', 'tsconfig.json', '{"a": 1}\n', '{"a": 1 /* x\n}\n', false],
  ['JSONC: new file may use both', '.vscode/new.json', undefined, '{\n  // x\n  "a": 1,\n}\n', true],
  // YAML
  ['YAML: anchors, aliases, comments', 'a.yml', 'a: 1\n', '# c\nbase: &b\n  x: 1\nuse: *b # here\n', true],
  ['YAML: multi-document', 'a.yaml', 'a: 1\n---\nb: 2\n', 'a: 1\n---\nb: 3\n---\nc: 4\n', true],
  ['YAML: mis-indented sequence item', 'ci.yml', 'steps:\n  - run: a\n', 'steps:\n  - run: a\n - run: b\n', false],
  ['YAML: tab indentation', 'a.yml', 'a:\n  b: 1\n', 'a:\n\tb: 1\n', false],
  ['YAML: unknown alias', 'a.yml', 'a: 1\n', 'a: *missing\n', false],
  ['YAML: duplicate key', 'a.yml', 'a: 1\nb: 2\n', 'a: 1\na: 2\n', false],
  ['YAML: a mapping replaced by prose', 'a.yml', 'a: 1\nb: 2\n', 'Sure, here is the file\n', false],
  ['YAML: unterminated quote', 'a.yml', 'a: "x"\n', 'a: "x\nb: 1\n', false],
  // TOML
  ['TOML: tables and arrays of tables', 'a.toml', 'a = 1\n', 'a = 1\n[t]\nb = "x"\n[[bin]]\nname = "x"\n[[bin]]\nname = "y"\n', true],
  ['TOML: unbalanced quote', 'a.toml', 'a = "x"\n', 'a = "x\n', false],
  ['TOML: duplicate table', 'a.toml', '[t]\na = 1\n', '[t]\na = 1\n[t]\nb = 2\n', false],
  ['TOML: bare value', 'a.toml', 'a = 1\n', 'a = hello\n', false],
  // INI
  ['INI: sections, comments, top-level keys', 'setup.cfg', '[a]\nx = 1\n', '; c\nroot = 1\n[a]\nx = 2\n# c\n[b]\ny = 3\n', true],
  ['INI: broken header', 'setup.cfg', '[a]\nx = 1\n', '[a\nx = 1\n', false],
  ['INI: a line of prose', 'tox.ini', '[a]\nx = 1\n', '[a]\nx = 1\nthis is not a setting\n', false],
  // XML / SVG
  ['XML: declaration, comments, CDATA', 'pom.xml', '<project/>\n', '<?xml version="1.0"?>\n<!-- c -->\n<project><name><![CDATA[x < y]]></name></project>\n', true],
  ['XML: mismatched end tag', 'pom.xml', '<a/>\n', '<project><name>x</project>\n', false],
  ['XML: unclosed element', 'logo.svg', '<svg/>\n', '<svg><circle r="1">\n</svg>\n', false],
  ['XML: text only', 'logo.svg', '<svg/>\n', 'I updated the logo.\n', false],
  // HTML
  ['HTML: void elements and a doctype', 'index.html', '<div></div>\n', '<!doctype html>\n<div><br><img src=x><input></div>\n', true],
  ['HTML: inline SVG self-closing', 'index.html', '<div></div>\n', '<div><svg><path d="M0"/></svg></div>\n', true],
  ['HTML: an element the original closed is left open', 'index.html', '<main><p>a</p></main>\n', '<main><p>a</p>\n', false],
  ['HTML: a span closed by its parent', 'index.html', '<div><span>a</span></div>\n', '<div><span>a</div>\n', false],
  ['HTML: optional end tags the original also omits', 'list.html', '<ul><li>a</ul>\n', '<ul><li>a<li>b</ul>\n', true],
  ['HTML: a new file may omit optional end tags', 'new.html', undefined, '<ul><li>a<li>b</ul>\n<p>x\n', true],
  ['HTML: a new file may not leave a div open', 'new.html', undefined, '<div>\n<p>x</p>\n', false],
  ['HTML: elements replaced by a sentence', 'index.html', '<p>a</p>\n', 'I cannot help with that.\n', false],
  // A well-formed fragment of the file is not the file.
  ['SVG: cut down to one of its elements', 'icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <circle r="4"/>\n</svg>\n', '<circle r="5"/>\n', false],
  ['XML: cut down to one element', 'pom.xml', '<?xml version="1.0"?>\n<!-- build -->\n<project>\n  <version>1.0</version>\n</project>\n', '<version>1.1</version>\n', false],
  ['XML: the same root after a declaration and a doctype', 'a.xml', '<!DOCTYPE note [<!ENTITY a "b">]>\n<note><to>a</to></note>\n', '<?xml version="1.0"?>\n<!DOCTYPE note [<!ENTITY a "b">]>\n<note><to>b</to></note>\n', true],
  ['HTML: a page cut down to its <body>', 'index.html', '<!DOCTYPE html>\n<html>\n<head><title>a</title></head>\n<body>\n<main></main>\n</body>\n</html>\n', '<body>\n<main></main>\n<footer>x</footer>\n</body>\n', false],
  ['HTML: a page keeps html, head and body', 'index.html', '<!DOCTYPE html>\n<html>\n<head><title>a</title></head>\n<body>\n<main></main>\n</body>\n</html>\n', '<!DOCTYPE html>\n<html>\n<head><title>a</title></head>\n<body>\n<main></main>\n<footer>x</footer>\n</body>\n</html>\n', true],
  ['HTML: a fragment', 'card.html', '<section><h2>x</h2></section>\n', '<section><h2>y</h2><p>z</p></section>\n', true],
  // Markdown
  ['Markdown: fences with headings inside', 'README.md', '# a\n', '# a\n\n```sh\n# not a heading\n```\n\n~~~\nx\n~~~\n', true],
  ['Markdown: an unclosed fence', 'README.md', '# a\n', '# a\n\n```sh\nnpm test\n', false],
  ['Markdown: an unclosed tilde fence', 'README.md', '# a\n', '# a\n\n~~~\nx\n', false],
  ['Markdown: a longer closing fence is a close', 'README.md', '# a\n', '# a\n\n```\nx\n`````\n', true],
  ['plain text: anything', 'notes.txt', 'a\n', '{{{\n', true],
  // Makefile
  ['Makefile: tabs, variables, conditionals, define', 'Makefile', 'all:\n\techo\n', 'CC ?= cc\nSRC := $(wildcard *.c)\nOBJ = $(SRC:.c=.o)\n\nifeq ($(OS),Windows_NT)\n  EXE = .exe\nendif\n\ndefine HELP\nUsage: make\n  anything goes here\nendef\n\nall: $(OBJ)\n\t$(CC) -o app $(OBJ) \\\n\t  -lm\n\n%.o: %.c\n\t$(CC) -c $<\n\n.PHONY: all\n-include deps.mk\nexport PATH\n', true],
  ['Makefile: a recipe line with spaces', 'Makefile', 'all:\n\techo\n', 'all:\n    echo\n', false],
  ['Makefile: the second recipe line with spaces', 'Makefile', 'all:\n\techo\n', 'all:\n\techo a\n    echo b\n', false],
  ['Makefile: a space-indented conditional among recipes', 'Makefile', 'all:\n\techo\n', 'all:\n  ifdef V\n\techo v\n  endif\n\techo\n', true],
  ['Makefile: a spaced recipe line with an "="', 'Makefile', 'all:\n\techo\n', 'all:\n    echo a=b\n', false],
  ['Makefile: a line of prose', 'Makefile', 'all:\n\techo\n', 'Here is the Makefile\nall:\n\techo\n', false],
  ['Makefile: .RECIPEPREFIX lets recipes start otherwise', 'Makefile', '.RECIPEPREFIX = >\nall:\n> echo\n', '.RECIPEPREFIX = >\nall:\n> echo a\n', true],
  ['Makefile: continuation lines may start with spaces', 'build/x.mk', 'X = a\n', 'X = a \\\n    b\nall:\n\techo\n', true],
  // Dockerfile
  ['Dockerfile: instructions, comments, continuations, heredoc', 'Dockerfile', 'FROM x\n', '# syntax=docker/dockerfile:1\nFROM node:20 AS build\nRUN apt-get update && \\\n    # a comment inside a continuation\n    apt-get install -y curl\n\nRUN <<EOF\nset -e\necho hi\nEOF\nCOPY <<-EOT /x\n\thello\n\tEOT\nhealthcheck CMD true\n', true],
  ['Dockerfile: escape directive', 'Dockerfile', 'FROM x\n', '# escape=`\nFROM windows\nRUN dir `\n    c:\\\n', true],
  ['Dockerfile: a sentence', 'Dockerfile', 'FROM x\n', 'Sure! Could you share your Dockerfile?\n', false],
  ['Dockerfile: a lost backslash', 'Dockerfile', 'FROM x\n', 'FROM x\nRUN a\n    b\n', false],
  ['Dockerfile: an unknown instruction', 'Dockerfile.dev', 'FROM x\n', 'FROM x\nINSTALL curl\n', false],
];

for (const [title, path, original, proposed, ok] of cases) {
  test(title, async () => {
    const problem = await formProblem(fileKindFor(path), original, proposed);
    if (ok) assert.is(problem, undefined, problem?.message);
    else {
      assert.ok(problem, 'expected a problem');
      assert.ok(problem!.line >= 1 && problem!.message.length > 5, JSON.stringify(problem));
    }
  });
}

test.run();
