import { checkDocument } from '../../app/rules/engine';
import { parseArgs } from './args';
import { runCheck, type CheckDeps, type CliResult } from './check';
import { runExport, type ExportDeps } from './export';
import { createExporters, extractEmbedded } from './exporters';
import { nodeInputFs, writeFileAtomic } from './io';

/**
 * The whole command as a function of its arguments: parse, dispatch, and say
 * what to print. kumozu.ts only connects this to the process.
 */

export type RunDeps = CheckDeps & ExportDeps;

/** What this build has: the rule engine, the exporters, and reading diagrams back out of exported images. */
export const defaultDeps: RunDeps = {
  fs: nodeInputFs,
  checkDocument,
  writeFile: writeFileAtomic,
  exporters: createExporters((text) => process.stderr.write(`kumozu export: ${text}\n`)),
  extractEmbeddedDiagram: extractEmbedded,
};

export async function runCli(args: readonly string[], deps: RunDeps = defaultDeps): Promise<CliResult> {
  const parsed = parseArgs(args);
  switch (parsed.kind) {
    case 'help':
      return { stdout: parsed.text, stderr: '', exitCode: 0 };
    case 'noCommand':
      // A usage error, so the usage goes to stderr and stdout stays empty.
      return { stdout: '', stderr: parsed.usage, exitCode: 2 };
    case 'usageError':
      return { stdout: '', stderr: `${parsed.message}\n`, exitCode: 2 };
    case 'check':
      return runCheck(parsed.options, deps);
    case 'export':
      return runExport(parsed.options, deps);
    default:
      return unreachable(parsed);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
