/**
 * How tests start the server in a child process: as `npm start` does, from the bundle that
 * scripts/build-server.mjs writes (tests/buildServer.globalSetup.ts builds it before every run, so
 * it is never stale). Paths are relative to the repository's root, the child's working directory.
 */
export const SERVER_ARGS: readonly string[] = ['--enable-source-maps', 'dist/server/main.mjs'];
