/**
 * What a benchmark run has to undo however it ends — servers, temp dirs, databases — and the
 * signal handling that undoes it when the run is interrupted.
 */
export interface Lifecycle {
  /** Undo steps, run in reverse order. */
  cleanups: (() => Promise<void>)[];
  cleanupAll(): Promise<void>;
  /** Set once SIGINT or SIGTERM arrived; the run stops at its next check. */
  readonly interrupted: boolean;
}

export function lifecycle(log: (line: string) => void): Lifecycle {
  const cleanups: (() => Promise<void>)[] = [];
  let interrupted = false;
  const cleanupAll = async () => {
    while (cleanups.length) await cleanups.pop()!().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      interrupted = true;
      log(`${sig}: cleaning up`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  return {
    cleanups,
    cleanupAll,
    get interrupted() {
      return interrupted;
    },
  };
}
