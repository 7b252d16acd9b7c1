/** The shortest password the backend takes (RegisterInput and Django's MinimumLengthValidator). */
export const PASSWORD_MIN = 8;

/** A plausible e-mail address: something, @, something with a dot. The backend decides. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
