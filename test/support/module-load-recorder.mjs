// `node --import <this file> …` records every module the process loads (see module-load-hooks.mjs).
import { register } from 'node:module';

register('./module-load-hooks.mjs', import.meta.url);
