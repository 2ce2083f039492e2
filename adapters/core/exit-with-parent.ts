/**
 * A child of `npm start` ends when `npm start` itself is gone (killed with SIGKILL, it cannot stop its
 * children): otherwise the orphans keep the simulators' ports and the next `npm start` cannot bind them.
 * Node has no PR_SET_PDEATHSIG; the parent's pid changing (re-parented to init) says the same.
 * On only when the parent asks for it (EXIT_WITH_PARENT=1), so a process started by hand stays.
 */
export function exitWithParent(stop: () => Promise<void>, env: NodeJS.ProcessEnv = process.env): void {
  if (env.EXIT_WITH_PARENT !== "1") return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    void stop().finally(() => process.exit(0));
  }, 1000);
  timer.unref();
}
