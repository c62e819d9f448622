import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { nextUnlessSignedIn } from "../next-unless-signed-in";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, guest } = await nextUnlessSignedIn(searchParams);
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
      <SignInForm next={next} guest={guest} />
    </AuthCard>
  );
}
