import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

// Built lazily: the auth instance opens the database, which `next build` must not touch.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
