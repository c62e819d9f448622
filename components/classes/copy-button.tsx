"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies text; a path is turned into a full URL on this site first. */
export function CopyButton({ text, label, asUrl = false }: { text: string; label: string; asUrl?: boolean }) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);

  async function copy() {
    const value = asUrl ? new URL(text, window.location.origin).toString() : text;
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setFailed(false);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setFailed(true);
    }
  }

  return (
    <Button type="button" size="sm" onClick={copy} aria-live="polite">
      {copied ? <Check aria-hidden className="text-pass" /> : <Copy aria-hidden />}
      {copied ? "Copied" : failed ? "Copy failed — select and copy" : label}
    </Button>
  );
}
