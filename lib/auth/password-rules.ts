// Password length bounds, shared by the better-auth config (which enforces them) and the forms
// (which only hint at them).
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
