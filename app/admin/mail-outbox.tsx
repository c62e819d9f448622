import { Badge } from "@/components/ui/badge";

type Message = {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  transport: string;
  sentAt: string | null;
  error: string | null;
  createdAt: string;
};

const KIND_LABEL: Record<string, string> = {
  reset_password: "password reset",
  verification: "email confirmation",
  invitation: "invitation",
};

/** Messages newest first; each opens (a native disclosure) to show its full text. */
export function MailOutbox({ messages }: { messages: Message[] }) {
  if (messages.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-border px-6 py-10 text-center text-sm text-muted">
        No mail yet. Password-reset requests and confirmations will appear here.
      </div>
    );
  }
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface shadow-xs">
      {messages.map((m) => (
        <li key={m.id}>
          <details className="group">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-surface-muted/60 [&::-webkit-details-marker]:hidden">
              <span className="text-muted transition-transform group-open:rotate-90" aria-hidden>
                ›
              </span>
              <span className="font-medium">{m.subject}</span>
              <span className="text-sm text-muted">to {m.to}</span>
              <span className="ml-auto flex items-center gap-2">
                <Badge>{KIND_LABEL[m.kind] ?? m.kind}</Badge>
                {m.error ? (
                  <Badge tone="fail">failed</Badge>
                ) : m.sentAt ? (
                  <Badge tone="pass">sent</Badge>
                ) : (
                  <Badge tone="info">{m.transport === "outbox" ? "in outbox" : "sending"}</Badge>
                )}
                <time className="text-xs whitespace-nowrap text-muted">{m.createdAt}</time>
              </span>
            </summary>
            <div className="border-t border-border bg-code-bg px-4 py-3">
              {m.error ? <p className="mb-2 text-sm text-fail">Delivery failed: {m.error}</p> : null}
              <pre className="font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap">{m.text}</pre>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
