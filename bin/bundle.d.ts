// Types of bin/bundle.js (plain JavaScript, so that bin/netkit-bench.js runs it before any build).
export declare const PROJECT_ROOT: string;
export declare const BUNDLE_ROOT: string;
export interface Bundle {
  /** Absolute path of the compiled CLI (cli.mjs), run as `node <cliPath> ...`. */
  cliPath: string;
  /** sha256 (first 16 hex digits) over every output file. */
  hash: string;
  /** Host wall-clock ms the build took. */
  buildMs: number;
}
/** Builds the bundle (or finds the same content built). Throws esbuild's errors. */
export declare function buildBundle(): Promise<Bundle>;
/** The CLI bundle (cli.mjs path) for the sources as they are now: the one built for them, else a new build. */
export declare function hostBundle(): Promise<string>;
