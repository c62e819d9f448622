import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { nextUnlessSignedIn } from "../next-unless-signed-in";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, guest } = await nextUnlessSignedIn(searchParams);
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
      <SignUpForm next={next} guest={guest} />
    </AuthCard>
  );
}
