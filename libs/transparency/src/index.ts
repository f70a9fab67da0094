export * from './merkle-tree.js';
export * from './signed-note.js';
