import { runCli } from './run';

/**
 * Entry point of the `kumozu` command (spec/cli.md):
 * `npm run --silent kumozu -- <command> [options]`.
 *
 * Only process wiring lives here; run.ts decides what to print. User errors
 * come back as results, never as exceptions, so a throw reaching this file is
 * a bug: it is reported in one line without a stack trace (set
 * KUMOZU_DEBUG=1 to see it) and exits 2.
 */

// `kumozu check … | head` closes the pipe early: stop quietly with the exit code already decided.
// Any other failure of the output streams can't be reported on them, so it only sets exit code 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

async function main(): Promise<void> {
  try {
    const result = await runCli(process.argv.slice(2));
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    // exitCode rather than exit(): pending writes to a pipe are flushed before the process ends.
    process.exitCode = result.exitCode;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`kumozu: internal error: ${message.replace(/[\p{Cc}]+/gu, ' ')}\n`);
    if (process.env.KUMOZU_DEBUG) process.stderr.write(`${e instanceof Error ? (e.stack ?? '') : ''}\n`);
    process.exitCode = 2;
  }
}

await main();
