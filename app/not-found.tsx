import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="Nothing runs here"
      actions={
        <Button asChild variant="primary">
          <Link href="/">
            <ArrowLeft aria-hidden />
            Back to the exercises
          </Link>
        </Button>
      }
    >
      <p>This page does not exist, or the exercise was renamed or retired.</p>
    </StatusPage>
  );
}
