/**
 * `npm run reports:recompute`: rebuilds every ticket's report facts and the daily rows from the
 * ticket event log, against the database the server is configured for (DATABASE_URL or the
 * embedded one under DATA_DIR; the embedded database must not be open in a running server).
 * Use it after installing the reports on existing data or after a KPI definition changed.
 */
import { loadConfig } from '../../../platform/config.ts';
import { openDatabase, runMigrations } from '../../../platform/db.ts';
import { systemClock } from '../../../platform/clock.ts';
import { recomputeReports } from './jobs.ts';
import { DEFAULT_REPORT_TZ } from './period.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const tz = process.env.REPORTS_TZ ?? DEFAULT_REPORT_TZ;
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await runMigrations(database);
    const started = Date.now();
    let last = 0;
    const visited = await recomputeReports({ db: database.db, clock: systemClock }, {
      tz,
      onProgress: (n) => {
        if (n - last >= 10_000) {
          last = n;
          console.log(`${n} tickets…`);
        }
      },
    });
    console.log(`rebuilt the report facts of ${visited} tickets and the daily rows (${tz}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
