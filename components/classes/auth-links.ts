// Where the account pages live (built by the accounts feature); each takes the page to return to.
export function signUpHref(returnTo: string): string {
  return `/sign-up?next=${encodeURIComponent(returnTo)}`;
}

export function signInHref(returnTo: string): string {
  return `/sign-in?next=${encodeURIComponent(returnTo)}`;
}
