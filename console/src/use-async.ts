/** A page's async call with its busy flag and error message (shown by the page). */
import { App } from "antd";
import { useCallback, useState } from "react";

export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        return await action();
      } catch (error) {
        message.error(error instanceof Error ? error.message : String(error));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
