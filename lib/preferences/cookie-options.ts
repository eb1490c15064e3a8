/** A person's language, theme and last organization stay on the device for a year and go with same-site navigation. */
export const PREFERENCE_COOKIE_OPTIONS = { path: "/", sameSite: "lax", maxAge: 365 * 86_400 } as const;
