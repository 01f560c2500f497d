import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface YargsCore {
  YargsFactory: (shim: unknown) => unknown;
  getProcessArgvBin: unknown;
  Parser: unknown;
  y18n: (options: { directory: string; updateFiles: boolean }) => unknown;
  escalade: unknown;
  getCallerFile: unknown;
}

/**
 * The parser core: yargs' own files and its dependencies, as npm installs them next to it
 * (hoisted). Resolved as ESM: require.resolve would start the CommonJS loader, which costs more
 * than all of yargs.
 */
export async function loadYargsCore(directory: string): Promise<YargsCore> {
  const load = (specifier: string) => import(import.meta.resolve(specifier));
  const [factory, argvBin, parser, y18n, escalade, callerFile] = await Promise.all([
    import(pathToFileURL(join(directory, 'build/lib/yargs-factory.js')).href),
    import(pathToFileURL(join(directory, 'build/lib/utils/process-argv.js')).href),
    load('yargs-parser'),
    load('y18n'),
    load('escalade/sync'),
    load('get-caller-file'),
  ]);
  return {
    YargsFactory: factory.YargsFactory,
    getProcessArgvBin: argvBin.getProcessArgvBin,
    Parser: parser.default,
    y18n: y18n.default,
    escalade: escalade.default,
    getCallerFile: callerFile.default,
  };
}
