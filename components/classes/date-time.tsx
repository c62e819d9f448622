"use client";

import { useEffect, useState } from "react";

const UTC_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * A date in the reader's own time zone. The server does not know it, so the first render says
 * UTC and the browser replaces it after hydration.
 */
export function DateTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const [text, setText] = useState(() => `${UTC_FORMAT.format(new Date(iso))} UTC`);
  useEffect(() => {
    const date = new Date(iso);
    const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
    setText(relative ? `${local} (${relativeTo(date)})` : local);
  }, [iso, relative]);
  return (
    <time dateTime={iso} title={new Date(iso).toISOString()}>
      {text}
    </time>
  );
}

function relativeTo(date: Date): string {
  const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (Math.abs(minutes) < 60) return format.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, "hour");
  return format.format(Math.round(hours / 24), "day");
}
