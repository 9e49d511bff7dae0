/** Every time limit and size of the customer portal, in one place. */

/** How long a sign-in link works after it was mailed. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;

/** How long a portal session lasts without a visit; every visit extends it (sliding). */
export const SESSION_TTL_MS = 30 * 86_400_000;

/**
 * How often a visit writes the extended expiry: at most once per this interval, so reading
 * pages does not turn every request into a write.
 */
export const SESSION_TOUCH_MS = 60 * 60_000;

/** How long the browser keeps the pre-sign-in cookie that binds the "Sign in" button to its page. */
export const SIGN_IN_FORM_TTL_MS = 30 * 60_000;

/** The session cookie (the id itself; only its SHA-256 is stored). */
export const SESSION_COOKIE = 'servus_portal';

/** A random value set by the sign-in page and echoed by its form, so no other site can sign a browser in. */
export const SIGN_IN_COOKIE = 'servus_portal_signin';

/** Sign-in links one address may ask for before it has to wait (then 1, 2, 4 … 60 minutes). */
export const LINKS_PER_ADDRESS = 5;

/** Sign-in links one IP address may ask for before it has to wait. */
export const LINKS_PER_IP = 30;

/** Requests per page in the lists. */
export const PAGE_SIZE = 25;

/** The longest subject and message a customer may send. */
export const MAX_SUBJECT = 200;
export const MAX_MESSAGE = 50_000;

/** Dates are shown in the contact's time zone, or this one when the contact has none. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
