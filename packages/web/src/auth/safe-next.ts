/** A same-app path to continue to after sign-in; anything else (other hosts, `//x`) becomes `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/invite')) return '/';
  return next;
}
