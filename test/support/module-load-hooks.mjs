// Module customization hooks (node --import ./module-load-recorder.mjs): appends the URL of
// every module the process resolves to $MODULE_LOAD_LOG, one a line.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.MODULE_LOAD_LOG) appendFileSync(process.env.MODULE_LOAD_LOG, `${result.url}\n`);
  return result;
}
