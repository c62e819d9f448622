"use client";

import { authClient } from "@/components/auth/auth-client";
import { NavLink } from "./nav-link";

/** Links that only make sense for an account: a teacher's classes, a student's dashboard. */
export function RoleNavLinks() {
  const { data } = authClient.useSession();
  if (!data || data.user.isAnonymous === true) return null;
  const role = data.user.role;
  if (role === "teacher" || role === "admin") return <NavLink href="/teach">Teach</NavLink>;
  return <NavLink href="/dashboard">Dashboard</NavLink>;
}
