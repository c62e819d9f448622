import { Clock, Cpu, Microscope } from "lucide-react";

const POINTS = [
  {
    icon: Cpu,
    title: "Really concurrent",
    text: "Your code runs on real threads sharing memory. A racy counter really loses updates; Atomics really fix it.",
  },
  {
    icon: Clock,
    title: "Timing that does not flip",
    text: "Waits run on a virtual clock and parallelism is judged by how CPU work was split, so a busy machine cannot change your verdict.",
  },
  {
    icon: Microscope,
    title: "Verdicts that explain",
    text: "Not just “wrong answer”: lost updates, needlessly serial work, a blocked runtime, a task that failed — named, with numbers.",
  },
] as const;

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-title" className="scroll-mt-20">
      <h2 id="how-it-works-title" className="sr-only">
        How grading works
      </h2>
      <ul className="grid gap-4 md:grid-cols-3">
        {POINTS.map(({ icon: Icon, title, text }) => (
          <li key={title} className="flex gap-3 rounded-xl border border-border bg-surface/60 p-4">
            <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary">
              <Icon className="size-4" aria-hidden />
            </span>
            <div>
              <h3 className="text-sm font-semibold">{title}</h3>
              <p className="mt-1 text-sm leading-relaxed text-muted">{text}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
