// The results schema's types now live in the model layer (harness/model/results.ts); this file
// re-exports them for code written against the old path. New code imports harness/model/.
export * from '../model/results.ts';
