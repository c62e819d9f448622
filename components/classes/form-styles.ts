// Shared look of the class forms' native controls (native elements keep keyboard and
// screen-reader behaviour for free).
/** Without a width, for controls sized by their context. */
export const controlClass =
  "h-9 rounded-md border border-border bg-surface px-3 text-sm text-foreground shadow-xs placeholder:text-muted/70 " +
  "focus-visible:border-ring disabled:opacity-60";

export const labelClass = "text-sm font-medium";

export const inputClass = `${controlClass} w-full`;
