"use client";

import { ArrowDown, ArrowUp, ArrowUpDown, Check, Clock, Search } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { DateTime } from "./date-time";
import { GradebookCell } from "./gradebook-cell";
import type { GradebookData } from "./gradebook-data";
import { inputClass } from "./form-styles";

type SortKey = "name" | "total";
type Sort = { key: SortKey; descending: boolean };

/** The heatmap: students × assignments, sortable by name or total, filterable by name and "stuck". */
export function GradebookView({ data }: { data: GradebookData }) {
  const [sort, setSort] = useState<Sort>({ key: "name", descending: false });
  const [query, setQuery] = useState("");
  const [stuckOnly, setStuckOnly] = useState(false);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = data.rows.filter(
      (r) =>
        (!stuckOnly || r.stuck) &&
        (needle === "" || r.name.toLowerCase().includes(needle) || r.email.toLowerCase().includes(needle)),
    );
    const byName = (a: (typeof filtered)[number], b: (typeof filtered)[number]) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
    const sorted = [...filtered].sort((a, b) =>
      sort.key === "name" ? byName(a, b) : a.total - b.total || byName(a, b),
    );
    return sort.descending ? sorted.reverse() : sorted;
  }, [data.rows, query, stuckOnly, sort]);

  function toggle(key: SortKey) {
    setSort((current) =>
      current.key === key ? { key, descending: !current.descending } : { key, descending: key === "total" },
    );
  }

  const base = `/teach/classes/${data.classId}`;
  const stuckCount = data.rows.filter((r) => r.stuck).length;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative w-full max-w-xs">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted"
            aria-hidden
          />
          <label htmlFor="gradebook-filter" className="sr-only">
            Filter students by name or email
          </label>
          <input
            id="gradebook-filter"
            type="search"
            placeholder="Filter by name or email"
            className={cn(inputClass, "pl-8")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <label className="inline-flex cursor-pointer items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-[var(--primary)]"
            checked={stuckOnly}
            onChange={(e) => setStuckOnly(e.target.checked)}
          />
          Only stuck students <span className="text-muted">({stuckCount})</span>
        </label>
        <p className="ml-auto text-sm text-muted" aria-live="polite">
          Showing {rows.length} of {data.rows.length}
        </p>
      </div>

      <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-xs">
        <table className="w-full border-separate border-spacing-0 text-sm" data-testid="gradebook">
          <caption className="sr-only">
            Best score per student and assignment, in percent; attempts below each score.
          </caption>
          <thead className="text-xs text-muted">
            <tr>
              <th
                scope="col"
                aria-sort={sort.key === "name" ? (sort.descending ? "descending" : "ascending") : undefined}
                className="sticky left-0 z-10 border-b border-border bg-surface px-4 py-2.5 text-left font-medium"
              >
                <SortButton
                  label="Student"
                  active={sort.key === "name"}
                  descending={sort.descending}
                  onClick={() => toggle("name")}
                />
              </th>
              <th
                scope="col"
                aria-sort={sort.key === "total" ? (sort.descending ? "descending" : "ascending") : undefined}
                className="border-b border-border px-3 py-2.5 text-right font-medium"
              >
                <SortButton
                  label="Total"
                  active={sort.key === "total"}
                  descending={sort.descending}
                  onClick={() => toggle("total")}
                />
              </th>
              {data.assignments.map((a) => (
                <th
                  key={a.id}
                  scope="col"
                  className="max-w-40 border-b border-border px-2 py-2.5 text-center align-bottom font-medium"
                >
                  <span className="line-clamp-2 text-foreground" title={a.ref}>
                    {a.title}
                  </span>
                  <span className="mt-0.5 block font-normal">
                    {a.dueAt ? (
                      <>
                        Due <DateTime iso={a.dueAt} />
                      </>
                    ) : a.kind === "quiz" ? (
                      "Quiz"
                    ) : (
                      "No due date"
                    )}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={data.assignments.length + 2} className="px-4 py-10 text-center text-muted">
                  {data.rows.length === 0 ? "No students have joined yet." : "No student matches the filter."}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.userId} className="group">
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-b border-border bg-surface px-4 py-1.5 text-left font-normal group-last:border-b-0"
                  >
                    <Link
                      href={`${base}/students/${encodeURIComponent(row.userId)}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {row.name}
                    </Link>
                    <div className="max-w-56 truncate text-xs text-muted">{row.email}</div>
                  </th>
                  <td className="border-b border-border px-3 py-1.5 text-right tabular-nums group-last:border-b-0">
                    <span className="font-semibold">
                      {row.total.toLocaleString("en", { maximumFractionDigits: 2 })}
                    </span>
                    <span className="text-muted"> / {data.assignments.length}</span>
                  </td>
                  {row.cells.map((cell, i) => {
                    const a = data.assignments[i];
                    if (!a) return null;
                    const student = `${base}/students/${encodeURIComponent(row.userId)}`;
                    const href = a.kind === "exercise" ? `${student}/exercises/${a.ref}` : student;
                    return (
                      <td key={a.id} className="border-b border-border p-1 group-last:border-b-0">
                        <GradebookCell cell={cell} href={href} title={`${row.name} — ${a.title}`} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Legend />
    </div>
  );
}

function SortButton({
  label,
  active,
  descending,
  onClick,
}: {
  label: string;
  active: boolean;
  descending: boolean;
  onClick: () => void;
}) {
  const Icon = !active ? ArrowUpDown : descending ? ArrowDown : ArrowUp;
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "inline-flex cursor-pointer items-center gap-1 rounded hover:text-foreground",
        active && "text-foreground",
      )}
    >
      {label}
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">{active ? (descending ? "(sorted descending)" : "(sorted ascending)") : "(sort)"}</span>
    </button>
  );
}

function Legend() {
  const swatch = "inline-block size-3.5 rounded-sm border border-border";
  return (
    <ul className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-muted" aria-label="Legend">
      <li className="flex items-center gap-1.5">
        <span className={cn(swatch, "bg-pass-soft")} /> <Check className="size-3.5 text-pass" aria-hidden /> passed
        (100)
      </li>
      <li className="flex items-center gap-1.5">
        <span className={cn(swatch, "bg-error-soft")} /> best 50–99
      </li>
      <li className="flex items-center gap-1.5">
        <span className={cn(swatch, "bg-fail-soft")} /> best below 50
      </li>
      <li className="flex items-center gap-1.5">
        <span className={swatch} /> – not started
      </li>
      <li className="flex items-center gap-1.5">
        <Clock className="size-3.5 text-error" aria-hidden /> late
      </li>
      <li>Numbers: best score in percent; n× = attempts. Quizzes count submitted attempts.</li>
    </ul>
  );
}
