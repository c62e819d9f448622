import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeNext } from "@/components/auth/auth-errors";
import { getViewer } from "@/lib/auth/viewer";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  if (viewer && !viewer.isAnonymous) redirect(next === "/" ? "/account" : next);
  return (
    <AuthCard
      title="Create your account"
      description="Keep your work across devices, join your teacher's class, and pick up where you left off."
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={`/sign-in${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`}
            className="font-medium text-primary underline-offset-2 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} guest={viewer?.isAnonymous === true} />
    </AuthCard>
  );
}
