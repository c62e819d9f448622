"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { JoinClassResponse } from "@/lib/classes/schemas";
import { inputClass } from "./form-styles";

/** Join by typing the code the teacher read out (dashes, spaces and case do not matter). */
export function JoinCodeForm() {
  const router = useRouter();
  // Keep the control busy until the refreshed server data has arrived, not just the API reply.
  const [refreshing, startRefresh] = useTransition();
  const [joining, setPending] = useState(false);
  const pending = joining || refreshing;
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    setPending(true);
    setMessage(null);
    try {
      const joined = await apiFetch("/api/classes/join", {
        method: "POST",
        body: { code },
        response: JoinClassResponse,
      });
      setMessage({
        tone: "ok",
        text: joined.alreadyMember ? `You are already in ${joined.name}.` : `You joined ${joined.name}.`,
      });
      form.reset();
      startRefresh(() => router.refresh());
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <label htmlFor="join-code" className="text-sm font-medium">
        Join a class
      </label>
      <div className="flex gap-2">
        <input
          id="join-code"
          name="code"
          className={`${inputClass} font-mono tracking-wider uppercase placeholder:font-sans placeholder:normal-case placeholder:tracking-normal`}
          placeholder="Code from your teacher"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          required
          aria-describedby={message ? "join-message" : undefined}
        />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
          Join
        </Button>
      </div>
      {message ? (
        <p
          id="join-message"
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm text-fail" : "text-sm text-pass"}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
