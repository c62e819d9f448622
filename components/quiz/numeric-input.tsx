"use client";

export function NumericInput({
  id,
  unit,
  value,
  onChange,
}: {
  id: string;
  unit: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-muted">
        Your estimate
      </label>
      <div className="flex items-center rounded-lg border border-border bg-surface focus-within:border-primary/60 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="h-10 w-32 rounded-lg bg-transparent px-3 font-mono text-[15px] tabular-nums outline-none"
          placeholder="0"
        />
        {unit ? <span className="pr-3 font-mono text-sm text-muted">{unit}</span> : null}
      </div>
    </div>
  );
}
