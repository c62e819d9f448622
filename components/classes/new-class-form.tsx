"use client";

import { Loader2, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { CreateClassResponse } from "@/lib/classes/schemas";
import { inputClass } from "./form-styles";

/** Names a new class and opens it; the join code is shown there. */
export function NewClassForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form, not from state: text typed before hydration must count too.
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setPending(true);
    setError(null);
    try {
      const created = await apiFetch("/api/classes", { method: "POST", body: { name }, response: CreateClassResponse });
      router.push(`/teach/classes/${created.class.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <label htmlFor="new-class-name" className="text-sm font-medium">
        New class
      </label>
      <div className="flex gap-2">
        <input
          id="new-class-name"
          name="name"
          className={inputClass}
          placeholder="e.g. Concurrency — spring term"
          maxLength={80}
          required
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-class-error" : undefined}
        />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
          Create class
        </Button>
      </div>
      {error ? (
        <p id="new-class-error" role="alert" className="text-sm text-fail">
          {error}
        </p>
      ) : null}
    </form>
  );
}
