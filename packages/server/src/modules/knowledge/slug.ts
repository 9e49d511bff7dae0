/** Slugs are made the same way in the server and the agent app, so the helper lives in shared. */
export { slugify } from '@servus/shared';

/** A slug is lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
