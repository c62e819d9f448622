"use client";

import { useState } from "react";
import { errorMessage } from "@/components/api-client";

/**
 * A button's request: `pending` while it runs, `error` (the API's message) when it failed. On
 * success it stays pending, because what follows is a navigation or a refresh that replaces
 * the button; on failure the button is usable again.
 */
export function usePendingAction(): {
  pending: boolean;
  error: string | null;
  run: (action: () => Promise<void>) => Promise<void>;
} {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>): Promise<void> {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }
  return { pending, error, run };
}
