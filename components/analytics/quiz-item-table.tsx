import type { QuizItemAnalytics } from "@/lib/analytics/get-class-analytics";
import { formatDiscrimination, percent } from "./format";
import { ScoreBar } from "./score-bar";
import { TableHead } from "@/components/ui/table-head";

/** A quiz's items over the students' best attempts: item score vs the rest of that attempt. */
export function QuizItemTable({ title, quiz }: { title: string; quiz: QuizItemAnalytics }) {
  return (
    <section id={`quiz-${quiz.quizId}`} aria-labelledby={`quiz-${quiz.quizId}-title`} className="scroll-mt-20">
      <h3 id={`quiz-${quiz.quizId}-title`} className="text-base font-semibold">
        {title} <span className="font-normal text-muted">· items</span>
      </h3>
      {quiz.items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No student has submitted this quiz yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-xl border border-border bg-surface">
          <table className="w-full min-w-[640px] text-sm">
            <caption className="sr-only">{title}: item statistics</caption>
            <TableHead
              tone="plain"
              columns={[
                { label: "Item" },
                { label: "Answered", align: "right", tight: true },
                { label: "Mean score", tight: true },
                { label: "Discrimination", align: "right" },
              ]}
            />
            <tbody className="divide-y divide-border">
              {quiz.items.map((item) => (
                <tr key={item.itemId}>
                  <th scope="row" className="px-4 py-2.5 text-left font-normal">
                    <div className="font-mono text-[13px]">{item.itemId}</div>
                    <div className="text-xs text-muted">{item.concepts.join(", ")}</div>
                  </th>
                  <td className="px-3 py-2.5 text-right tabular-nums">{item.answered}</td>
                  <td className="px-3 py-2.5">
                    <span className="inline-flex items-center gap-2 tabular-nums">
                      <ScoreBar value={item.meanScore} />
                      {percent(item.meanScore)}
                    </span>
                  </td>
                  <td className="px-4 py-2.5 text-right font-mono tabular-nums">
                    <span
                      title={`Against the rest of the quiz only (corrected): ${formatDiscrimination(item.discrimination)}`}
                    >
                      {formatDiscrimination(item.discriminationIncluding)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
