/** A page's async call with its busy flag and error message (shown by the page). */
import { App } from "antd";
import { useCallback, useState } from "react";
import { errorText } from "./error-text.ts";

export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        return await action();
      } catch (error) {
        message.error(errorText(error));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
