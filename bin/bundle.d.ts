// Types of bin/bundle.js (plain JavaScript, so that bin/netkit-bench.js runs it before any build).
/** The CLI bundle (its cli.mjs path) for the sources as they are now: the one built for them, else a new build. Throws esbuild's errors. */
export declare function hostBundle(): Promise<string>;
