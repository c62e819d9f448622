import type { ReactNode } from "react";

export type HeadColumn = {
  label: ReactNode;
  /** Numbers are right-aligned under a right-aligned heading. */
  align?: "right";
  /** Narrow padding, for the number columns between two wide ones. */
  tight?: boolean;
  /** A longer explanation, shown on hover. */
  title?: string;
};

const TONES = {
  plain: "border-b border-border text-left text-xs text-muted",
  muted: "border-b border-border bg-surface-muted/60 text-xs text-muted",
  caps: "border-b border-border bg-surface-muted/60 text-xs tracking-wide text-muted uppercase",
} as const;

/** A table's heading row: one `<th scope="col">` per column, in the tables' shared style. */
export function TableHead({ columns, tone = "plain" }: { columns: readonly HeadColumn[]; tone?: keyof typeof TONES }) {
  return (
    <thead className={TONES[tone]}>
      <tr>
        {columns.map((c, i) => (
          <th
            key={i}
            scope="col"
            title={c.title}
            className={`${c.tight ? "px-3" : "px-4"} py-2.5 font-medium${c.align === "right" ? " text-right" : ""}`}
          >
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
