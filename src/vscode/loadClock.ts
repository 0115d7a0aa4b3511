// Imported first by src/extension.ts, so this line is the first of the bundle to run (esbuild keeps
// import order): activation is timed from here, module evaluation included.
/** performance.now() when the extension's bundle began to run, in ms. */
export const bundleStart = performance.now();
