import type { ItemType } from "@/exercises/quizzes/schema";

export const ITEM_TYPE_LABEL: Record<ItemType, string> = {
  single: "Single choice",
  multi: "Select all that apply",
  order: "Order the output",
  numeric: "Estimate",
  compiles: "Does it compile?",
  "race-line": "Which line races?",
  possible: "Which outcomes can happen?",
  "dag-order": "Put in an order that can happen",
};

export const ITEM_TYPE_HINT: Partial<Record<ItemType, string>> = {
  multi: "Select every option that is true.",
  possible:
    "Select every outcome some run of the program can produce. Credit: (right picks − wrong picks) ÷ possible outcomes.",
  "dag-order":
    "Several orders are right: any order the program can print counts. Move the lines with their arrow buttons (keyboard help below the list).",
  order: "Move the lines with their arrow buttons (keyboard help below the list).",
  numeric: "A rough figure is enough; answers within the tolerance count.",
};
