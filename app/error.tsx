"use client";

import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      actions={
        <>
          <Button variant="primary" onClick={reset}>
            <RotateCcw aria-hidden />
            Try again
          </Button>
          <Button asChild>
            <Link href="/">All exercises</Link>
          </Button>
        </>
      }
    >
      <p>The page could not be loaded. Your saved drafts and submissions are safe.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
