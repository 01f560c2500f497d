import type { CommandModule } from 'yargs';
import { applyCommand } from './apply.js';
import { completionCommand } from './completion.js';
import { configCommand } from './config.js';
import { demoCommand } from './demo.js';
import { doctorCommand } from './doctor.js';
import { dropCommand } from './drop.js';
import { gcCommand } from './gc.js';
import { hookCommand } from './hook.js';
import { logCommand } from './log.js';
import { requestCommand, runCommand } from './run.js';
import { showCommand } from './show.js';
import { statusCommand } from './status.js';
import { suggestCommand } from './suggest.js';
import { undoCommand } from './undo.js';

/**
 * Every command is a thin yargs module (arguments, description, handler) that calls into
 * agent/, git/ or handoff/, where the logic lives.
 */
export const commandModules: CommandModule<any, any>[] = [
  requestCommand,
  runCommand,
  logCommand,
  showCommand,
  undoCommand,
  applyCommand,
  dropCommand,
  statusCommand,
  gcCommand,
  configCommand,
  hookCommand,
  suggestCommand,
  doctorCommand,
  demoCommand,
  completionCommand,
];
