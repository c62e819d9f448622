import { Badge } from "@/components/ui/badge";
import { type ItemReport, MAX_VARIANT_GAP, MIN_ATTEMPTS } from "@/lib/analytics/item-report";
import { TableHead } from "@/components/ui/table-head";

const FLAG_TEXT: Record<ItemReport["flags"][number], string> = {
  "negative-discrimination": "negative discrimination",
  "variant-gap": `variants differ > ${MAX_VARIANT_GAP} points`,
};

const pts = (n: number) => String(Math.round(n));

/** The quiz bank's health: every item's difficulty, discrimination and variant spread, flagged items first. */
export function ItemReportTable({ reports }: { reports: ItemReport[] }) {
  const flagged = reports.filter((r) => r.flags.length > 0).length;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted" aria-live="polite">
        {reports.length === 0
          ? "No quiz has been submitted yet: the report fills in as students answer."
          : `${reports.length} items answered · ${flagged === 0 ? "none flagged" : `${flagged} flagged`} · items are judged from ${MIN_ATTEMPTS} answers on`}
      </p>
      {reports.length === 0 ? null : (
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Quiz item statistics, flagged items first</caption>
            <TableHead
              tone="caps"
              columns={[
                { label: "Item" },
                { label: "Answers", align: "right" },
                { label: "Mean score", align: "right" },
                {
                  label: "Discrimination",
                  align: "right",
                  title: "Correlation of the item with the rest of the attempt, × 100",
                },
                { label: "Variants (mean score)" },
                { label: "Status" },
              ]}
            />
            <tbody className="divide-y divide-border">
              {reports.map((r) => (
                <tr key={r.itemId}>
                  <th scope="row" className="px-4 py-2.5 font-mono text-[13px] font-normal">
                    {r.itemId}
                  </th>
                  <td className="px-4 py-2.5 text-right tabular-nums">{r.answers}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{pts(r.meanScore)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">
                    {r.discrimination === null ? "—" : pts(r.discrimination)}
                  </td>
                  <td className="px-4 py-2.5 text-muted">
                    {r.variants.map((v) => `${v.variantId} ${pts(v.meanScore)} (${v.answers})`).join(" · ")}
                  </td>
                  <td className="px-4 py-2.5">
                    {r.flags.length > 0 ? (
                      <span className="flex flex-wrap gap-1">
                        {r.flags.map((f) => (
                          <Badge key={f} tone="fail">
                            {FLAG_TEXT[f]}
                          </Badge>
                        ))}
                      </span>
                    ) : r.judged ? (
                      <span className="text-muted">ok</span>
                    ) : (
                      <span className="text-muted">
                        collecting ({r.answers}/{MIN_ATTEMPTS})
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
