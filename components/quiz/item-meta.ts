import type { ItemType } from "@/exercises/quizzes/schema";

export const ITEM_TYPE_LABEL: Record<ItemType, string> = {
  single: "Single choice",
  multi: "Select all that apply",
  order: "Order the output",
  numeric: "Estimate",
  compiles: "Does it compile?",
  "race-line": "Which line races?",
};

export const ITEM_TYPE_HINT: Partial<Record<ItemType, string>> = {
  multi: "Select every option that is true.",
  order: "Move the lines with their arrow buttons (keyboard help below the list).",
  numeric: "A rough figure is enough; answers within the tolerance count.",
};
