import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeNext } from "@/components/auth/auth-errors";
import { getViewer } from "@/lib/auth/viewer";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  if (viewer && !viewer.isAnonymous) redirect(next === "/" ? "/account" : next);
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to see your work on any device and to join classes."
      footer={
        <>
          New here?{" "}
          <Link
            href={`/sign-up${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`}
            className="font-medium text-primary underline-offset-2 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm next={next} guest={viewer?.isAnonymous === true} />
    </AuthCard>
  );
}
