/**
 * The WHATWG URL class is a global in Node and in every browser, but this package compiles with
 * neither the DOM nor the Node library, so the part the contracts use is declared here. Server, web
 * and widget compile these contracts against their own, complete declaration.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly searchParams: { get(name: string): string | null };
}
