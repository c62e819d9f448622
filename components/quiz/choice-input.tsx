"use client";

import { cn } from "@/components/ui/cn";
import { InlineText } from "./inline-text";

type Props = {
  name: string;
  multiple: boolean;
  options: { id: string; text: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
  mono?: boolean;
  /** id of the question's prompt, which names the group for assistive technology. */
  labelledBy: string;
};

/** Native radios/checkboxes (arrow keys and Space work as everywhere), styled as cards. */
export function ChoiceInput({ name, multiple, options, selected, onChange, mono, labelledBy }: Props) {
  return (
    <div role={multiple ? "group" : "radiogroup"} aria-labelledby={labelledBy} className="flex flex-col gap-2">
      {options.map((option) => {
        const checked = selected.includes(option.id);
        return (
          <label
            key={option.id}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border px-3.5 py-2.5 text-[15px] transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
              checked ? "border-primary/60 bg-primary/8" : "border-border bg-surface hover:bg-surface-muted",
            )}
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              checked={checked}
              onChange={(event) => {
                if (!multiple) return onChange([option.id]);
                onChange(event.target.checked ? [...selected, option.id] : selected.filter((id) => id !== option.id));
              }}
              className="mt-1 size-4 shrink-0 accent-[var(--primary)] focus-visible:outline-none"
            />
            <span className={cn("min-w-0 leading-relaxed break-words", mono && "font-mono text-[13.5px]")}>
              <InlineText text={option.text} />
            </span>
          </label>
        );
      })}
    </div>
  );
}
