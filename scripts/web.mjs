#!/usr/bin/env node
// Serves the web edition (spec/ui-hooks.md): builds it when the sources are
// newer than the last build, then serves dist/renderer on 127.0.0.1:$KUMOZU_PORT.
import { buildIfStale, serveWebEdition } from './lib/webserver.mjs';

const port = Number(process.env.KUMOZU_PORT ?? 4173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`KUMOZU_PORT must be a port number (1-65535), got "${process.env.KUMOZU_PORT}".`);
  process.exit(2);
}

await buildIfStale();
const server = await serveWebEdition(port);
console.log(`Kumozu web edition: http://127.0.0.1:${port}/`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
