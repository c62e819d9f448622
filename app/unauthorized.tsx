"use client";

// 401 for pages that need an account (unauthorized() in lib-backed page gates): sign up or sign
// in, then come back to the page that asked.
import { usePathname } from "next/navigation";
import { AccountRequired } from "@/components/classes/account-required";

export default function Unauthorized() {
  const pathname = usePathname();
  return <AccountRequired returnTo={pathname || "/"} title="Sign in to see this page" />;
}
