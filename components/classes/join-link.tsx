"use client";

import { useEffect, useState } from "react";

/** The full join URL; the server knows only the path, the browser adds its own origin. */
export function JoinLink({ path }: { path: string }) {
  const [url, setUrl] = useState(path);
  useEffect(() => setUrl(new URL(path, window.location.origin).toString()), [path]);
  return (
    <a href={path} className="font-mono text-sm break-all text-primary underline-offset-2 hover:underline">
      {url}
    </a>
  );
}
