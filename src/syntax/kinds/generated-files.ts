import { basename } from 'node:path/posix';

/**
 * Files that a tool writes and a person never edits by hand. The agent refuses them for every
 * action and the pre-commit hook does not review them: a model's edit of a lockfile is never
 * what the user wants, and the tool that owns the file can always regenerate it.
 */
export interface GeneratedFile {
  /** What writes it, for the user-facing message. */
  tool: string;
  /** The command that regenerates it, for the hint. */
  regenerate: string;
}

const generatedByName: Record<string, GeneratedFile> = {
  'package-lock.json': { tool: 'npm', regenerate: 'npm install' },
  'npm-shrinkwrap.json': { tool: 'npm', regenerate: 'npm shrinkwrap' },
  'yarn.lock': { tool: 'Yarn', regenerate: 'yarn install' },
  'pnpm-lock.yaml': { tool: 'pnpm', regenerate: 'pnpm install' },
  'bun.lockb': { tool: 'Bun', regenerate: 'bun install' },
  'bun.lock': { tool: 'Bun', regenerate: 'bun install' },
  'Cargo.lock': { tool: 'Cargo', regenerate: 'cargo update' },
  'poetry.lock': { tool: 'Poetry', regenerate: 'poetry lock' },
  'Pipfile.lock': { tool: 'Pipenv', regenerate: 'pipenv lock' },
  'uv.lock': { tool: 'uv', regenerate: 'uv lock' },
  'pdm.lock': { tool: 'PDM', regenerate: 'pdm lock' },
  'go.sum': { tool: 'Go', regenerate: 'go mod tidy' },
  'Gemfile.lock': { tool: 'Bundler', regenerate: 'bundle install' },
  'composer.lock': { tool: 'Composer', regenerate: 'composer update' },
  'mix.lock': { tool: 'Mix', regenerate: 'mix deps.get' },
  'flake.lock': { tool: 'Nix', regenerate: 'nix flake lock' },
  'packages.lock.json': { tool: 'NuGet', regenerate: 'dotnet restore --force-evaluate' },
  'Package.resolved': { tool: 'SwiftPM', regenerate: 'swift package resolve' },
  'pubspec.lock': { tool: 'pub', regenerate: 'dart pub get' },
};

/** The generator of a lockfile or other generated file, or undefined for a file people edit. */
export function generatedFileFor(path: string): GeneratedFile | undefined {
  return Object.hasOwn(generatedByName, basename(path)) ? generatedByName[basename(path)] : undefined;
}
