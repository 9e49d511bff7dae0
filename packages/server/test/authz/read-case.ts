import type { ObjectKind } from './objects.ts';
import type { Access, Probe, RouteCase } from './route-cases.ts';

/** A read-only GET case: allowed callers get 200 from `url`. */
export const read = (access: Access, url: (p: Probe) => string, object?: ObjectKind): RouteCase => ({ access, write: false, ok: 200, object, request: (p) => ({ url: url(p) }) });
