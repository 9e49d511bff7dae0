/**
 * Last-resort cleanup for a test process that is interrupted (CI timeout, Ctrl-C) before its
 * `after` hooks run: registered actions run synchronously on exit, SIGINT and SIGTERM.
 */

type Action = () => void;

const actions = new Set<Action>();
let installed = false;

function runAll(): void {
  for (const action of [...actions]) {
    actions.delete(action);
    try {
      action();
    } catch {
      // Best effort: one failing action must not keep the others from running.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      runAll();
      process.exit(code);
    });
  }
}

/**
 * Registers a synchronous action to run if the process ends before it is unregistered.
 * Returns the function that unregisters it (call it once the normal cleanup has run).
 */
export function onInterrupt(action: Action): () => void {
  install();
  actions.add(action);
  return () => {
    actions.delete(action);
  };
}
