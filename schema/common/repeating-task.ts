/**
 * A task the gateway process repeats in the background (the supervision alerts, the visit refresh): one run at a
 * time, the next one `everyMs` after the last has finished (a slow run never piles up behind itself); `stop` (on
 * shutdown) cancels the timer and waits for a run under way. A failed run is the task's to report; the next runs.
 */
export interface RepeatingTask {
  stop(): Promise<void>;
}

/** `everyMs` 0: never runs */
export function startRepeatingTask(everyMs: number, run: () => Promise<void>): RepeatingTask {
  if (everyMs === 0) return { stop: async () => {} };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run()
        .catch(() => {})
        .finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
