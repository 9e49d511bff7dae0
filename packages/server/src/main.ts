import { loadConfig } from './platform/config.ts';
import { createServus } from './app.ts';
import { DataDirLockedError } from './platform/data-dir-lock.ts';

/** Entry point: config -> database -> migrations -> the roles asked for. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const servus = await createServus({ config });
  const { app } = servus;
  if (config.SERVUS_ROLES.includes('http')) {
    await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info(`Servus is running on http://localhost:${config.PORT} (database: ${servus.services.database.kind})`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await servus.close().catch((err) => app.log.error({ err }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  // A known start-up refusal gets its message alone; anything else its stack.
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
});
