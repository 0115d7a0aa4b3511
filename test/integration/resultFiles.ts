// Where the in-host suite writes its results, shared by the suite (in the extension host) and the runner.

/** The results file of the multi-root window, beside the first window's `file`. */
export function multiRootResults(file: string): string {
  return file.replace(/(\.json)?$/, '-multiroot.json');
}
