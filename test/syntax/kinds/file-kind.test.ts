import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileKindFor, kindLabel } from '../../../src/syntax/kinds/file-kind.js';

const cases: [string, string][] = [
  ['src/api.js', 'code:javascript'],
  ['scripts/deploy.sh', 'code:bash'],
  ['package.json', 'data:json'],
  ['apps/web/package.json', 'data:json'],
  ['tsconfig.json', 'data:jsonc'],
  ['tsconfig.build.json', 'data:jsonc'],
  ['packages/a/tsconfig.json', 'data:jsonc'],
  ['jsconfig.json', 'data:jsonc'],
  ['.vscode/settings.json', 'data:jsonc'],
  ['.vscode/launch.json', 'data:jsonc'],
  ['.devcontainer/devcontainer.json', 'data:jsonc'],
  ['.eslintrc.json', 'data:jsonc'],
  ['settings.jsonc', 'data:jsonc'],
  ['.github/workflows/ci.yml', 'data:yaml'],
  ['docker-compose.yaml', 'data:yaml'],
  ['.prettierrc', 'data:yaml'],
  ['pyproject.toml', 'data:toml'],
  ['Cargo.toml', 'data:toml'],
  ['setup.cfg', 'data:ini'],
  ['tox.ini', 'data:ini'],
  ['.editorconfig', 'data:ini'],
  ['.npmrc', 'data:ini'],
  ['pom.xml', 'data:xml'],
  ['assets/logo.svg', 'data:xml'],
  ['App.csproj', 'data:xml'],
  ['index.html', 'data:html'],
  ['README.md', 'prose:markdown'],
  ['docs/index.rst', 'prose:rst'],
  ['notes.txt', 'prose:text'],
  ['LICENSE', 'prose:text'],
  ['Makefile', 'build:makefile'],
  ['GNUmakefile', 'build:makefile'],
  ['build/rules.mk', 'build:makefile'],
  ['Dockerfile', 'build:dockerfile'],
  ['Dockerfile.dev', 'build:dockerfile'],
  ['docker/api.dockerfile', 'build:dockerfile'],
  ['Containerfile', 'build:dockerfile'],
  ['package-lock.json', 'generated'],
  ['web/yarn.lock', 'generated'],
  ['pnpm-lock.yaml', 'generated'],
  ['Cargo.lock', 'generated'],
  ['poetry.lock', 'generated'],
  ['go.sum', 'generated'],
  ['data.bin', 'unknown'],
  ['Procfile', 'unknown'],
];

for (const [path, expected] of cases) {
  test(`${path} is ${expected}`, () => {
    const kind = fileKindFor(path);
    const label = kind.family === 'generated' || kind.family === 'unknown' ? kind.family : `${kind.family}:${kindLabel(kind)}`;
    assert.is(label, expected);
  });
}

test.run();
