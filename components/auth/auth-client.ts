// The browser side of better-auth; same origin, so no base URL. `role` is declared so the
// session's user carries it typed (the server sets it; sign-up cannot).
import { anonymousClient, inferAdditionalFields } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({
  plugins: [
    anonymousClient(),
    inferAdditionalFields({ user: { role: { type: "string", required: false, input: false } } }),
  ],
});
