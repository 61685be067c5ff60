// One costly thing (a VM run) shared by the tests that read it: each test asks for it, the first
// to ask makes it, the rest wait for that one. No test depends on another having run first, and
// nothing is measured twice to assert two things about one run.

/** `make` called at most once; every call returns its promise (its failure fails every asker). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
