import { Gauge } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { difficultyLabel } from "./tracks";

const TONE: Record<string, BadgeTone> = { intro: "pass", core: "info", stretch: "error" };

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return (
    <Badge tone={TONE[difficulty] ?? "neutral"} title="Difficulty">
      <Gauge aria-hidden />
      {difficultyLabel(difficulty)}
    </Badge>
  );
}
