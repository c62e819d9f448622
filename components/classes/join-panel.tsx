import { formatJoinCode } from "@/lib/classes/join-code";
import { CopyButton } from "./copy-button";
import { JoinLink } from "./join-link";

/** How students get in: the code to read out, and the link to send. */
export function JoinPanel({ joinCode, archived }: { joinCode: string; archived: boolean }) {
  const path = `/join/${joinCode}`;
  return (
    <section aria-labelledby="join-heading" className="rounded-xl border border-border bg-surface p-5 shadow-xs">
      <h2 id="join-heading" className="text-base font-semibold">
        Invite students
      </h2>
      {archived ? (
        <p className="mt-2 text-sm text-muted">This class is archived: the code no longer lets new students join.</p>
      ) : (
        <p className="mt-1 text-sm text-muted">
          Students sign in, then enter the code on their dashboard — or open the link.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-x-8 gap-y-4">
        <div>
          <p className="text-xs font-medium tracking-wide text-muted uppercase">Join code</p>
          <div className="mt-1 flex items-center gap-3">
            <span className="font-mono text-3xl font-semibold tracking-[0.12em]" data-testid="join-code">
              {formatJoinCode(joinCode)}
            </span>
            <CopyButton text={joinCode} label="Copy code" />
          </div>
        </div>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium tracking-wide text-muted uppercase">Join link</p>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <JoinLink path={path} />
            <CopyButton text={path} label="Copy link" asUrl />
          </div>
        </div>
      </div>
    </section>
  );
}
